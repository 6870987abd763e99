import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => import('../../test/unit/fake-browser').then((m) => m.polyfillModule));
const model = vi.hoisted(() => ({ active: 'builtin' }));
vi.mock('../shared/model-store', () => ({
  getActiveModelId: async () => model.active,
  setActiveModelId: async (id: string) => void (model.active = id),
}));
vi.mock('./history-store', () => ({ addEntry: vi.fn(async () => undefined) }));

import { resetFakeBrowser } from '../../test/unit/fake-browser';
import { cancelCheck, checkImage, setActiveModel, type CheckRequest } from './check';
import { CANCELLED, QUEUE_SLOTS } from './infer-queue';
import type { InferenceClient, InferReply, InferRequest } from './inference-client';
import { updateSettings } from './settings-store';
import { cachedVerdict, verdictKey } from './verdict-cache';

const verdict = (url: string): InferReply => ({
  ok: true,
  verdict: { ai: { probability: 0.1, verdict: 'real' }, objects: [], model: 'm@1', backend: 'wasm', modelMs: 1, ms: 2, provenance: { declared: null, signals: [] } },
  thumbnail: `thumb:${url}`,
});

/** A model host that answers each request when told to, recording what it was asked. */
function client() {
  const asked: InferRequest[] = [];
  const pending = new Map<string, () => void>();
  const c: InferenceClient = {
    infer: (r) => {
      asked.push(r);
      return new Promise<InferReply>((resolve) => pending.set(r.url, () => resolve(verdict(r.url))));
    },
    status: vi.fn(),
    checkModel: vi.fn(),
    reset: vi.fn(),
  };
  return {
    c,
    asked,
    answer: (url: string) => pending.get(url)!(),
    answerAll: () => [...pending.values()].forEach((f) => f()),
  };
}

/** A client that answers at once. */
function prompt() {
  const asked: InferRequest[] = [];
  const c = { infer: async (r: InferRequest) => (asked.push(r), verdict(r.url)), status: vi.fn(), checkModel: vi.fn(), reset: vi.fn() } as InferenceClient;
  return { c, asked };
}

const feed = (url: string, holder?: string): CheckRequest => ({ url, origin: 'feed', pageUrl: 'https://x.com/home', holder });

beforeEach(async () => {
  resetFakeBrowser();
  await setActiveModel('builtin');
});

describe('the verdict cache', () => {
  it('keys on model, AI threshold, object limit and URL', () => {
    const k = { model: 'builtin', aiThreshold: null, objectLimit: 10, url: 'https://x/a.jpg' };
    const keys = new Set([
      verdictKey(k),
      verdictKey({ ...k, model: 'other@2' }),
      verdictKey({ ...k, aiThreshold: 0.5 }),
      verdictKey({ ...k, objectLimit: 3 }),
      verdictKey({ ...k, url: 'https://x/b.jpg' }),
    ]);
    expect(keys.size).toBe(5);
  });

  it('answers a known image from the cache, and misses it after a settings change or a model change', async () => {
    const h = prompt();
    const url = 'https://pbs.twimg.com/media/cache-1';
    expect((await checkImage(h.c, feed(url))).ok).toBe(true);
    expect((await checkImage(h.c, feed(url))).ok).toBe(true);
    expect(h.asked).toHaveLength(1); // the second from the cache

    await updateSettings({ aiThreshold: 0.4 });
    await checkImage(h.c, feed(url));
    expect(h.asked).toHaveLength(2);
    expect(h.asked[1]!.aiThreshold).toBe(0.4);

    await setActiveModel('other@2'); // as the model:activate message does
    await checkImage(h.c, feed(url));
    expect(h.asked).toHaveLength(3);
    await checkImage(h.c, feed(url));
    expect(h.asked).toHaveLength(3);

    // What the cache holds is under the full key.
    expect(await cachedVerdict({ model: 'other@2', aiThreshold: 0.4, objectLimit: 10, url })).toMatchObject({ ok: true });
    expect(await cachedVerdict({ model: 'builtin', aiThreshold: 0.4, objectLimit: 10, url })).toMatchObject({ ok: true });
    expect(await cachedVerdict({ model: 'other@2', aiThreshold: null, objectLimit: 10, url })).toBeUndefined();
  });
});

describe('cancel-check', () => {
  /** Fills the queue's slots with checks that have started, so later ones wait. */
  async function busy(h: ReturnType<typeof client>): Promise<Promise<unknown>[]> {
    const started = Array.from({ length: QUEUE_SLOTS }, (_, i) => checkImage(h.c, feed(`https://pbs.twimg.com/media/busy-${i}-${Math.random()}`)));
    await vi.waitFor(() => expect(h.asked).toHaveLength(QUEUE_SLOTS));
    return started;
  }

  it('drops a waiting check when its tab released the image: never sent, never cached', async () => {
    const h = client();
    const started = await busy(h);
    const url = 'https://pbs.twimg.com/media/left-the-page';
    const waiting = checkImage(h.c, feed(url, '7:0'));
    const kept = checkImage(h.c, feed('https://pbs.twimg.com/media/kept', '7:0'));
    await new Promise((r) => setTimeout(r, 20)); // both reached the queue
    expect(cancelCheck(url, '7:0')).toBe(true);
    expect(await waiting).toEqual({ ok: false, error: CANCELLED });
    h.answerAll();
    await Promise.all(started);
    await vi.waitFor(() => expect(h.asked.map((r) => r.url)).toContain('https://pbs.twimg.com/media/kept'));
    h.answerAll();
    expect((await kept).ok).toBe(true);
    expect(h.asked.map((r) => r.url)).not.toContain(url);
    expect(await cachedVerdict({ model: 'builtin', aiThreshold: null, objectLimit: 10, url })).toBeUndefined();
  });

  it('keeps a check another tab still wants, and ignores a cancel from a frame that never asked', async () => {
    const h = client();
    const started = await busy(h);
    const url = 'https://pbs.twimg.com/media/shared';
    const a = checkImage(h.c, feed(url, '1:0'));
    const b = checkImage(h.c, feed(url, '2:0'));
    await new Promise((r) => setTimeout(r, 20));
    expect(cancelCheck(url, '9:0')).toBe(false);
    expect(cancelCheck(url, '1:0')).toBe(false);
    h.answerAll();
    await Promise.all(started);
    await vi.waitFor(() => expect(h.asked.map((r) => r.url)).toContain(url));
    h.answer(url);
    expect((await b).ok).toBe(true);
    expect((await a).ok).toBe(true);
  });
});
