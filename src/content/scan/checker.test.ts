// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../shared/verdict';
import { ImageChecker, type CheckRequest } from './checker';
import { Limiter } from './limiter';

const ok = (p: number, label: string): CheckResult => ({
  ok: true, ai: { probability: p, verdict: p > 0.5 ? 'ai' : 'real' }, objects: [{ label, score: 0.8 }],
  model: 'm@1', backend: 'wasm', modelMs: 10, ms: 20,
});

/** A background whose answers the test releases one by one. */
function fakeBackground() {
  const calls: { req: CheckRequest; answer: (r: CheckResult) => void; fail: (e: Error) => void }[] = [];
  const checkImage = (req: CheckRequest) => new Promise<CheckResult>((answer, fail) => calls.push({ req, answer, fail }));
  return { calls, checkImage };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

function image(src: string): HTMLImageElement {
  const div = document.createElement('div');
  div.innerHTML = `<img src="${src}" alt="a photo">`;
  document.body.append(div);
  return div.querySelector('img')!;
}

const host = (img: HTMLImageElement) => img.nextElementSibling as HTMLElement;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('ImageChecker', () => {
  it('asks the background with the page and alt text, and shows the verdict', async () => {
    const bg = fakeBackground();
    const checker = new ImageChecker(bg.checkImage, () => 'https://x.com/home');
    const img = image('https://pbs.twimg.com/media/a');
    const done = checker.check(img, img.src, 'feed');
    await flush();
    expect(bg.calls[0]!.req).toEqual({ url: img.src, origin: 'feed', pageUrl: 'https://x.com/home', alt: 'a photo' });
    expect(host(img).dataset.dualsight).toBe('checking');
    bg.calls[0]!.answer(ok(0.9, 'dog'));
    await done;
    expect(host(img).dataset.dualsight).toBe('done');
    expect(host(img).dataset.dualsightObjects).toBe('dog');
    expect(checker.checkedUrl(img)).toBe(img.src);
  });

  it('never shows an old verdict on a recycled node', async () => {
    const bg = fakeBackground();
    const checker = new ImageChecker(bg.checkImage);
    const img = image('https://pbs.twimg.com/media/a');
    const first = checker.check(img, 'https://pbs.twimg.com/media/a', 'feed');
    await flush();
    img.src = 'https://pbs.twimg.com/media/b';
    const second = checker.check(img, 'https://pbs.twimg.com/media/b', 'feed');
    await flush();
    bg.calls[0]!.answer(ok(0.9, 'old'));
    await first;
    expect(host(img).dataset.dualsight).toBe('checking');
    bg.calls[1]!.answer(ok(0.1, 'new'));
    await second;
    expect(document.querySelectorAll('dualsight-badge')).toHaveLength(1);
    expect(host(img).dataset.dualsightObjects).toBe('new');
    expect(host(img).dataset.dualsightSrc).toBe('https://pbs.twimg.com/media/b');
  });

  it('shows failures and transport errors with their reason', async () => {
    const bg = fakeBackground();
    const checker = new ImageChecker(bg.checkImage);
    const a = image('https://i.redd.it/a.jpeg');
    const b = image('https://i.redd.it/b.jpeg');
    const pa = checker.check(a, a.src, 'feed');
    const pb = checker.check(b, b.src, 'feed');
    await flush();
    bg.calls[0]!.answer({ ok: false, error: 'HTTP 404' });
    bg.calls[1]!.fail(new Error('background:check-image: no answer within 30000 ms'));
    await Promise.all([pa, pb]);
    expect(host(a).dataset.dualsightError).toBe('HTTP 404');
    expect(host(b).dataset.dualsight).toBe('failed');
    expect(host(b).dataset.dualsightError).toContain('no answer');
  });

  it('drops the badge of a check aborted by navigation, so a rescan can check again', async () => {
    const bg = fakeBackground();
    const checker = new ImageChecker(bg.checkImage);
    const img = image('https://i.redd.it/a.jpeg');
    const page = new AbortController();
    const p = checker.check(img, img.src, 'feed', page.signal);
    await flush();
    page.abort();
    expect(document.querySelector('dualsight-badge')).toBeNull();
    expect(checker.checkedUrl(img)).toBeUndefined();
    bg.calls[0]!.answer(ok(0.9, 'late'));
    await p;
    expect(document.querySelector('dualsight-badge')).toBeNull();
  });

  it('holds checks beyond the in-flight limit and lets a right-click go first', async () => {
    const bg = fakeBackground();
    const checker = new ImageChecker(bg.checkImage, () => 'https://x.com/', new Limiter(1));
    const imgs = ['a', 'b', 'c'].map((n) => image(`https://pbs.twimg.com/media/${n}`));
    void checker.check(imgs[0]!, imgs[0]!.src, 'feed');
    void checker.check(imgs[1]!, imgs[1]!.src, 'feed');
    void checker.check(imgs[2]!, imgs[2]!.src, 'context-menu');
    await flush();
    expect(bg.calls).toHaveLength(1);
    bg.calls[0]!.answer(ok(0.2, 'x'));
    await flush();
    await flush();
    expect(bg.calls.map((c) => c.req.origin)).toEqual(['feed', 'context-menu']);
  });

  it('defers a feed check whose image scrolled away and still checks it once nothing in view waits', async () => {
    const bg = fakeBackground();
    const checker = new ImageChecker(bg.checkImage, () => 'https://x.com/', new Limiter(1));
    const [sent, gone, visible] = ['a', 'b', 'c'].map((n) => image(`https://pbs.twimg.com/media/${n}`));
    const p1 = checker.check(sent!, sent!.src, 'feed');
    const p2 = checker.check(gone!, gone!.src, 'feed');
    await flush();
    expect(checker.leftView(sent!)).toBe(false); // already sent: carries on
    expect(checker.leftView(gone!)).toBe(true); // waiting: deferred, keep watching it
    expect(host(gone!).dataset.dualsight).toBe('checking');
    const p3 = checker.check(visible!, visible!.src, 'feed'); // came into view later, goes first
    bg.calls[0]!.answer(ok(0.2, 'x'));
    await p1;
    await flush();
    expect(bg.calls.map((c) => c.req.url)).toEqual([sent!.src, visible!.src]);
    bg.calls[1]!.answer(ok(0.3, 'y'));
    await p3;
    await flush();
    expect(bg.calls.map((c) => c.req.url)).toEqual([sent!.src, visible!.src, gone!.src]);
    bg.calls[2]!.answer(ok(0.9, 'z'));
    await p2;
    expect(host(gone!).dataset.dualsight).toBe('done');
    expect(checker.leftView(gone!)).toBe(false); // done: nothing to defer
  });

  it('puts a deferred check back in front when its image returns', async () => {
    const bg = fakeBackground();
    const checker = new ImageChecker(bg.checkImage, () => 'https://x.com/', new Limiter(1));
    const [busy, back, newer] = ['a', 'b', 'c'].map((n) => image(`https://pbs.twimg.com/media/${n}`));
    void checker.check(busy!, busy!.src, 'feed');
    void checker.check(back!, back!.src, 'feed');
    void checker.check(newer!, newer!.src, 'feed');
    await flush();
    checker.leftView(back!);
    checker.leftView(newer!);
    checker.backInView(back!);
    bg.calls[0]!.answer(ok(0.2, 'x'));
    await flush();
    await flush();
    expect(bg.calls.map((c) => c.req.url)).toEqual([busy!.src, back!.src]);
  });

  it('drops the badge of a check pushed out of a full backlog; the image is checked when it returns', async () => {
    const bg = fakeBackground();
    const checker = new ImageChecker(bg.checkImage, () => 'https://x.com/', new Limiter(1, 1));
    const [sent, oldest, newest] = ['a', 'b', 'c'].map((n) => image(`https://pbs.twimg.com/media/${n}`));
    void checker.check(sent!, sent!.src, 'feed');
    const pOld = checker.check(oldest!, oldest!.src, 'feed');
    void checker.check(newest!, newest!.src, 'feed');
    await flush();
    expect(checker.leftView(oldest!)).toBe(true);
    expect(checker.leftView(newest!)).toBe(true);
    await pOld;
    expect(host(oldest!)).toBeNull();
    expect(checker.checkedUrl(oldest!)).toBeUndefined();
    expect(host(newest!).dataset.dualsight).toBe('checking');
    bg.calls[0]!.answer(ok(0.2, 'x'));
    await flush();
    await flush();
    expect(bg.calls.map((c) => c.req.url)).toEqual([sent!.src, newest!.src]);
  });
});

describe('ImageChecker cancel-check', () => {
  it('withdraws a sent, unanswered check when its image is released, and only then', async () => {
    const bg = fakeBackground();
    const cancelled: string[] = [];
    const checker = new ImageChecker(bg.checkImage, () => 'https://x.com/home', new Limiter(1), (url) => cancelled.push(url));
    const sent = image('https://pbs.twimg.com/media/sent');
    const local = image('https://pbs.twimg.com/media/still-local');
    const answered = image('https://pbs.twimg.com/media/answered');
    const pSent = checker.check(sent, sent.src, 'feed');
    const pLocal = checker.check(local, local.src, 'feed');
    await flush();
    expect(bg.calls).toHaveLength(1); // one slot: the second waits in this tab, never sent
    sent.remove();
    checker.sweep();
    expect(cancelled).toEqual([sent.src]);
    bg.calls[0]!.answer({ ok: false, error: 'cancelled' });
    await pSent;
    await flush();
    expect(bg.calls).toHaveLength(2); // the slot went to the next check
    bg.calls[1]!.answer(ok(0.3, 'dog'));
    await pLocal;
    checker.forget(local);
    expect(cancelled).toEqual([sent.src]);

    const pDone = checker.check(answered, answered.src, 'context-menu');
    await flush();
    bg.calls.at(-1)!.answer(ok(0.2, 'cat'));
    await pDone;
    checker.forget(answered);
    expect(cancelled).toEqual([sent.src]);
  });

  it('withdraws nothing for a check released before it was sent', async () => {
    const bg = fakeBackground();
    const cancelled: string[] = [];
    const checker = new ImageChecker(bg.checkImage, () => '', new Limiter(1), (url) => cancelled.push(url));
    const first = image('https://pbs.twimg.com/media/1');
    const second = image('https://pbs.twimg.com/media/2');
    void checker.check(first, first.src, 'feed');
    void checker.check(second, second.src, 'feed');
    await flush();
    checker.forget(second);
    expect(cancelled).toEqual([]);
    expect(bg.calls.map((c) => c.req.url)).toEqual([first.src]);
  });
});
