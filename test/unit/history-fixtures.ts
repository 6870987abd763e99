// History entries for unit tests and the popup's mock data: the shapes the background records.
import type { HistoryEntry } from '../../src/shared/history-types';
import type { Verdict } from '../../src/shared/verdict';

const verdict = (probability: number, v: Verdict['ai']['verdict'], objects: string[], extra: Partial<Verdict> = {}): Verdict => ({
  ai: { probability, verdict: v },
  objects: objects.map((label, i) => ({ label, score: 0.9 - i * 0.2 })),
  model: 'dualsight-lite@1.0.0',
  backend: 'wasm',
  modelMs: 42,
  ms: 120,
  ...extra,
});

export function entry(over: Partial<HistoryEntry> & Pick<HistoryEntry, 'id'>): HistoryEntry {
  return {
    url: `https://pbs.twimg.com/media/${over.id}.jpg`,
    pageUrl: 'https://x.com/someone/status/1',
    origin: 'feed',
    at: 1_700_000_000_000,
    result: { ok: true, ...verdict(0.5, 'unsure', ['dog']) },
    ...over,
  };
}

/** One of each kind: likely AI, declared AI, likely real, unsure, failed. Newest is "ai-cat". */
export function sampleEntries(): HistoryEntry[] {
  const t = 1_700_000_000_000;
  return [
    entry({ id: 'ai-cat', at: t + 5_000, result: { ok: true, ...verdict(0.93, 'ai', ['cat', 'sofa']) } }),
    entry({
      id: 'declared',
      at: t + 4_000,
      url: 'https://i.redd.it/declared.png',
      pageUrl: 'https://www.reddit.com/r/pics/comments/abc',
      result: {
        ok: true,
        ...verdict(0.2, 'real', ['person'], {
          provenance: { declared: 'ai', signals: [{ kind: 'c2pa', summary: 'C2PA: created by DALL-E' }] },
        }),
      },
    }),
    entry({ id: 'real-dog', at: t + 3_000, result: { ok: true, ...verdict(0.04, 'real', ['dog', 'frisbee']) } }),
    entry({ id: 'unsure-car', at: t + 2_000, origin: 'context-menu', pageUrl: 'https://news.example.org/story', result: { ok: true, ...verdict(0.55, 'unsure', ['car']) } }),
    entry({ id: 'failed', at: t + 1_000, result: { ok: false, error: 'image could not be decoded' } }),
  ];
}
