// Before/after figures for prototyped optimisations: the baseline bench build and one build per
// prototype (bench/prototypes), each in a fresh browser, warmed up on two images, then the same
// images checked 3 at a time from the service worker (the content script's concurrency).
import type { BenchArgs } from '../args';
import type { FeedServer } from '../feed-server';
import { takeStageTimes } from '../offscreen-probe';
import { PROTOTYPES } from '../prototypes';
import { openSession } from '../session';
import { summarize, type Summary } from '../stats';
import { buildVariant } from '../variant-build';

export interface CompareVariant {
  name: string;
  description: string;
  imagesPerSecond: number;
  verdictMs: Summary | null;
  modelMs: Summary | null;
  stages: Record<string, Summary | null>;
  failed: number;
  /** Largest |P(AI)| difference from the baseline on the same image (prototypes that change pixels). */
  maxProbabilityDiff?: number;
}

export interface CompareResult {
  images: number;
  threads: number | 'extension default';
  variants: CompareVariant[];
}

export async function runCompare(a: BenchArgs, server: FeedServer): Promise<CompareResult> {
  const variants: CompareVariant[] = [];
  let baseline: Map<number, number> | undefined;
  const all = [{ name: 'baseline', description: 'the extension as built', replace: {} }, ...PROTOTYPES];
  for (const proto of all) {
    const dist = await buildVariant(a.dist, { name: `cmp-${proto.name}`, threads: 0, stageTimers: true, replace: proto.replace });
    const s = await openSession(dist, server);
    try {
      await s.check([server.imageUrl(`cmp-${proto.name}-warm`, 0), server.imageUrl(`cmp-${proto.name}-warm`, 1)]);
      await takeStageTimes(await s.offscreen());
      const urls = Array.from({ length: a.sizes.compareImages }, (_, i) => server.imageUrl(`cmp-${proto.name}`, i));
      const t0 = Date.now();
      const r = await s.check(urls, 3);
      const seconds = (Date.now() - t0) / 1000;
      const ok = r.filter((x) => x.ok);
      const probs = new Map(r.flatMap((x, i) => (x.ok && x.probability !== undefined ? [[i, x.probability] as [number, number]] : [])));
      let maxProbabilityDiff: number | undefined;
      if (baseline) {
        maxProbabilityDiff = 0;
        for (const [i, p] of probs) maxProbabilityDiff = Math.max(maxProbabilityDiff, Math.abs(p - (baseline.get(i) ?? p)));
        maxProbabilityDiff = Number(maxProbabilityDiff.toFixed(4));
      } else baseline = probs;
      const raw = await takeStageTimes(await s.offscreen());
      variants.push({
        name: proto.name,
        description: proto.description,
        imagesPerSecond: Number((ok.length / seconds).toFixed(2)),
        verdictMs: summarize(ok.map((x) => x.ms!), 0),
        modelMs: summarize(ok.map((x) => x.modelMs!), 0),
        stages: Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, summarize(v, 1)])),
        failed: r.length - ok.length,
        maxProbabilityDiff,
      });
    } finally {
      await s.close();
    }
  }
  return { images: a.sizes.compareImages, threads: 'extension default', variants };
}
