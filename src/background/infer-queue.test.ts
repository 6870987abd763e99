import { describe, expect, it, vi } from 'vitest';

const { MessageTimeout } = vi.hoisted(() => ({
  MessageTimeout: class MessageTimeout extends Error {
    override name = 'MessageTimeout';
  },
}));
vi.mock('../shared/messaging', () => ({ MessageTimeout }));

import { CANCELLED, InferQueue } from './infer-queue';
import type { InferReply, InferRequest } from './inference-client';

const req = (url: string): InferRequest => ({ url, wantThumbnail: false, backend: 'wasm', aiThreshold: null, objectLimit: 10 });
const done = (url: string): InferReply => ({ ok: true, verdict: { url } as never });

/** A host that answers when told to, and records what it was asked, in order. */
function host() {
  const asked: string[] = [];
  const pending = new Map<string, (r: InferReply) => void>();
  return {
    asked,
    infer: (r: InferRequest) => {
      asked.push(r.url);
      return new Promise<InferReply>((resolve) => pending.set(r.url, resolve));
    },
    answer(url: string) {
      pending.get(url)!(done(url));
      pending.delete(url);
    },
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('InferQueue', () => {
  it('sends at most `slots` requests; the rest wait (right-clicks first, then the newest feed check)', async () => {
    const h = host();
    const q = new InferQueue(h.infer, 2);
    const all = ['a', 'b', 'c', 'd'].map((u) => q.submit(req(u), false));
    const menu = q.submit(req('menu'), true);
    await tick();
    expect(h.asked).toEqual(['a', 'b']);
    expect(q.waiting).toBe(3);
    h.answer('a');
    await tick();
    expect(h.asked).toEqual(['a', 'b', 'menu']);
    h.answer('b');
    await tick();
    expect(h.asked.at(-1)).toBe('d');
    for (const u of ['menu', 'd']) h.answer(u);
    await tick();
    h.answer('c');
    expect((await Promise.all([...all, menu])).every((r) => r.ok)).toBe(true);
  });

  it('never fails a check for waiting: a slow burst of 100 all end done', async () => {
    let inFlight = 0;
    let most = 0;
    const q = new InferQueue(async (r) => {
      most = Math.max(most, ++inFlight);
      await new Promise((res) => setTimeout(res, 1));
      inFlight--;
      return done(r.url);
    }, 2);
    const replies = await Promise.all(Array.from({ length: 100 }, (_, i) => q.submit(req(`u${i}`), false)));
    expect(replies.filter((r) => r.ok)).toHaveLength(100);
    expect(most).toBe(2);
  });

  it('asks once more when the work outlasts its budget, then says so in words', async () => {
    let calls = 0;
    const q = new InferQueue(async (r) => {
      calls++;
      if (calls === 1) throw new MessageTimeout('offscreen:infer: no answer within 90000 ms');
      return done(r.url);
    });
    expect((await q.submit(req('x'), false)).ok).toBe(true);
    expect(calls).toBe(2);
    const never = new InferQueue(async () => {
      throw new MessageTimeout('offscreen:infer: no answer within 90000 ms');
    });
    expect(await never.submit(req('y'), false)).toEqual({ ok: false, error: 'the check took too long (no result after two tries)' });
  });

  it('asks once more when the host went away mid-check, and speaks words, not Chrome internals', async () => {
    let calls = 0;
    const q = new InferQueue(async (r) => {
      if (++calls === 1) throw new Error('A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received');
      return done(r.url);
    });
    expect((await q.submit(req('x'), false)).ok).toBe(true);
    const gone = new InferQueue(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    const r = await gone.submit(req('y'), false);
    expect(r).toEqual({ ok: false, error: 'the checking engine stopped twice during this check; try again' });
  });

  it('answers other errors as failures without a retry, and frees the slot', async () => {
    let calls = 0;
    const q = new InferQueue(async () => {
      calls++;
      throw new Error('boom');
    }, 1);
    expect(await q.submit(req('a'), false)).toEqual({ ok: false, error: 'the model could not run: boom' });
    expect(await q.submit(req('b'), false)).toEqual({ ok: false, error: 'the model could not run: boom' });
    expect(calls).toBe(2);
    expect(q.waiting).toBe(0);
  });
});

describe('InferQueue cancel', () => {
  it('drops a waiting request whose signal aborts: it is never sent, and its turn goes to the next', async () => {
    const h = host();
    const q = new InferQueue(h.infer, 1);
    const first = q.submit(req('a'), false);
    const gone = new AbortController();
    const dropped = q.submit(req('left-the-page'), false, gone.signal);
    const kept = q.submit(req('kept'), false);
    await tick();
    expect(q.waiting).toBe(2);
    gone.abort();
    expect(await dropped).toEqual({ ok: false, error: CANCELLED });
    expect(q.waiting).toBe(1);
    h.answer('a');
    await tick();
    h.answer('kept');
    expect((await first).ok && (await kept).ok).toBe(true);
    expect(h.asked).toEqual(['a', 'kept']);
    expect(q.waiting).toBe(0);
  });

  it('lets a request that already started run to the end, and answers an aborted one at once', async () => {
    const h = host();
    const q = new InferQueue(h.infer, 1);
    const ctl = new AbortController();
    const running = q.submit(req('a'), false, ctl.signal);
    await tick();
    ctl.abort();
    h.answer('a');
    expect((await running).ok).toBe(true);
    expect(await q.submit(req('b'), false, ctl.signal)).toEqual({ ok: false, error: CANCELLED });
    expect(h.asked).toEqual(['a']);
  });
});
