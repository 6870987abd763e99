// @vitest-environment happy-dom
// The feed scanner on a page that changes its images after they were first seen (issue 12, item 4).
// happy-dom lays nothing out and fires no intersection or resize, so both observers are fakes that
// follow the spec where it matters here: observing a target already observed gives no new entry; a new
// target gets one initial entry (delivered by the test).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CheckResult } from '../../shared/verdict';
import type { SiteAdapter } from '../sites';
import { ImageChecker, type CheckRequest } from './checker';
import { FeedScanner } from './feed-scanner';

type Callback = (entries: unknown[], observer: unknown) => void;

class FakeObserver {
  static all: FakeObserver[] = [];
  readonly targets = new Set<Element>();
  /** Newly observed targets, whose initial entry is not delivered yet. */
  armed: Element[] = [];
  constructor(private readonly cb: Callback) {
    FakeObserver.all.push(this);
  }
  observe(t: Element): void {
    if (this.targets.has(t)) return;
    this.targets.add(t);
    this.armed.push(t);
  }
  unobserve(t: Element): void {
    this.targets.delete(t);
    this.armed = this.armed.filter((a) => a !== t);
  }
  disconnect(): void {
    this.targets.clear();
    this.armed = [];
  }
  takeRecords(): unknown[] {
    return [];
  }
  /** Delivers entries for `targets` (default: the armed ones), as in view, with their current box. */
  deliver(targets: Element[] = this.armed): void {
    if (targets === this.armed) this.armed = [];
    if (targets.length === 0) return;
    this.cb(targets.map((target) => ({ target, isIntersecting: true, boundingClientRect: target.getBoundingClientRect() })), this);
  }
}
class FakeIntersectionObserver extends FakeObserver {}
class FakeResizeObserver extends FakeObserver {}

const intersections = () => FakeObserver.all.filter((o) => o instanceof FakeIntersectionObserver);
const resizes = () => FakeObserver.all.filter((o) => o instanceof FakeResizeObserver);
const observedTargets = () => FakeObserver.all.reduce((n, o) => n + o.targets.size, 0);

const ok = (label: string): CheckResult => ({
  ok: true, ai: { probability: 0.1, verdict: 'real' }, objects: [{ label, score: 0.8 }],
  model: 'm@1', backend: 'wasm', modelMs: 10, ms: 20,
});

/** A background whose answers the test releases one by one. */
function fakeBackground() {
  const calls: { req: CheckRequest; answer: (r: CheckResult) => void }[] = [];
  const checkImage = (req: CheckRequest) => new Promise<CheckResult>((answer) => calls.push({ req, answer }));
  return { calls, checkImage };
}

const everyImage: SiteAdapter = { name: 'test', matches: () => true, isContentImage: () => true };

/** Lays the image out at `width` x `height` (happy-dom lays nothing out). */
function layOut(img: HTMLImageElement, width: number, height: number): void {
  img.getBoundingClientRect = () => new DOMRect(0, 0, width, height);
}

function post(src: string, width = 400, height = 300, parent: Element = document.body): HTMLImageElement {
  const div = document.createElement('div');
  div.className = 'post';
  const img = document.createElement('img');
  img.src = src;
  layOut(img, width, height);
  div.append(img);
  parent.append(div);
  return img;
}

/** Runs queued frames and delivers the observers' initial entries until nothing changes. */
async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await new Promise((r) => setTimeout(r, 0));
    for (const o of intersections()) o.deliver();
    for (const o of resizes()) o.armed = []; // initial resize entries: the size they were judged at
  }
}

const badgeOf = (img: HTMLImageElement) => img.nextElementSibling as HTMLElement | null;

let scanner: FeedScanner | undefined;

beforeEach(() => {
  FakeObserver.all = [];
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
  vi.stubGlobal('ResizeObserver', FakeResizeObserver);
  vi.stubGlobal('requestAnimationFrame', (cb: () => void) => setTimeout(cb, 0));
});

afterEach(() => {
  scanner?.stop();
  scanner = undefined;
  vi.unstubAllGlobals();
  delete (document as { baseURI?: string }).baseURI;
  document.body.innerHTML = '';
});

function startScanner() {
  const bg = fakeBackground();
  const checker = new ImageChecker(bg.checkImage, () => 'https://x.com/home');
  scanner = new FeedScanner(everyImage, checker);
  scanner.start();
  return { bg, checker, scanner };
}

describe('FeedScanner on a page that changes its images', () => {
  it('judges again an image that grows past the size limit after it was judged too small', async () => {
    const { bg } = startScanner();
    const img = post('https://pbs.twimg.com/media/grow', 80, 60);
    await settle();
    expect(bg.calls).toHaveLength(0);
    layOut(img, 400, 300);
    for (const o of resizes()) if (o.targets.has(img)) o.deliver([img]);
    await settle();
    expect(bg.calls.map((c) => c.req.url)).toEqual(['https://pbs.twimg.com/media/grow']);
  });

  it('releases the badges, observers and waiting checks of 3,000 removed images', async () => {
    // happy-dom looks for a <base> through the whole document on each read of baseURI.
    Object.defineProperty(document, 'baseURI', { value: 'https://x.com/home', configurable: true });
    const { bg, checker, scanner } = startScanner();
    const feed = document.createElement('main');
    document.body.append(feed);
    for (let i = 0; i < 3000; i++) post(`https://pbs.twimg.com/media/p${i}`, i % 10 === 0 ? 80 : 400, i % 10 === 0 ? 60 : 300, feed);
    for (let i = 0; i < 5000 && checker.badgeCount < 2700; i++) await settle(1);
    await settle();
    expect(checker.badgeCount).toBe(2700);
    expect(checker.waiting).toBe(2697);
    expect(bg.calls).toHaveLength(3);
    // The feed drops its posts: 600 one by one (more records than the scanner walks: a rescan sweeps
    // the detached images), then the rest all at once (one record, its removed nodes walked).
    const posts = [...feed.children];
    for (const p of posts.slice(0, 600)) p.remove();
    await settle(5);
    await settle(50);
    // What the other 2,400 hold: each image watched for the viewport, the 240 small ones for growth too,
    // each of the 2,160 badges following its image and the image's parent.
    expect(checker.badgeCount).toBe(2160);
    expect(observedTargets()).toBe(2400 + 240 + 2160 * 2);
    feed.replaceChildren();
    await settle(50);
    for (const c of bg.calls) c.answer(ok('late'));
    await settle(5);
    expect(checker.badgeCount).toBe(0);
    expect(checker.waiting).toBe(0);
    expect(scanner.observedCount).toBe(0);
    expect(observedTargets(), 'observed by the scanner and by the badges').toBe(0);
    expect(document.querySelectorAll('[data-dualsight]')).toHaveLength(0);
  });

  it('moves a badge with its image when the page re-parents the image', async () => {
    startScanner();
    const a = document.createElement('div');
    const b = document.createElement('div');
    document.body.append(a, b);
    const first = post('https://pbs.twimg.com/media/first', 400, 300, a);
    const second = post('https://pbs.twimg.com/media/second', 400, 300, a);
    await settle();
    expect(badgeOf(first)?.dataset.dualsightSrc).toBe(first.src);
    b.append(first);
    await settle();
    expect(badgeOf(first)?.dataset.dualsightSrc).toBe(first.src);
    expect(badgeOf(second)?.dataset.dualsightSrc).toBe(second.src);
    expect(a.querySelectorAll('[data-dualsight]')).toHaveLength(1);
  });

  it('checks again an image whose src changes while it stays in view', async () => {
    const { bg } = startScanner();
    const img = post('https://pbs.twimg.com/media/before');
    await settle();
    bg.calls[0]!.answer(ok('before'));
    await settle();
    expect(badgeOf(img)?.dataset.dualsight).toBe('done');
    img.src = 'https://pbs.twimg.com/media/after';
    await settle();
    expect(bg.calls.map((c) => c.req.url)).toEqual(['https://pbs.twimg.com/media/before', 'https://pbs.twimg.com/media/after']);
    expect(badgeOf(img)?.dataset.dualsightSrc).toBe('https://pbs.twimg.com/media/after');
  });

  it('checks an image whose entry was followed by another change before its frame', async () => {
    const { bg } = startScanner();
    const img = post('https://pbs.twimg.com/media/raced');
    await new Promise((r) => setTimeout(r, 0)); // the rescan: the image is watched
    for (const o of intersections()) o.deliver();
    // The same frame, the page touches the image again: its task without a box replaces the entry's.
    img.setAttribute('src', img.getAttribute('src')!);
    await settle();
    expect(bg.calls.map((c) => c.req.url)).toEqual(['https://pbs.twimg.com/media/raced']);
  });
});
