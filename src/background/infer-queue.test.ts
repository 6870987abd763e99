import { describe, expect, it, vi } from 'vitest';

const { MessageTimeout } = vi.hoisted(() => ({
  MessageTimeout: class MessageTimeout extends Error {
    override name = 'MessageTimeout';
  },
}));
vi.mock('../shared/messaging', () => ({ MessageTimeout }));

import { InferQueue } from './infer-queue';
import type { InferReply, InferRequest } from './inference-client';

const req = (url: string): InferRequest => ({ url, wantThumbnail: false, backend: 'wasm', aiThreshold: null });
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

  it('passes other errors through untouched, and frees the slot', async () => {
    const q = new InferQueue(async () => {
      throw new Error('boom');
    }, 1);
    await expect(q.submit(req('a'), false)).rejects.toThrow('boom');
    await expect(q.submit(req('b'), false)).rejects.toThrow('boom');
    expect(q.waiting).toBe(0);
  });
});
