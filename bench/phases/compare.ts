// Before/after figures for prototyped optimisations (bench/prototypes), each build in a fresh browser.
// - offscreen prototypes and the baseline: warmed up on two images, then the same images checked one at
//   a time from the service worker, so that each stage's time is its own, not time spent waiting for
//   another image's model run on the same thread;
// - feed prototypes and the baseline: the same feed scrolled at a reader's pace and at full speed.
import type { BenchArgs } from '../args';
import type { FeedServer } from '../feed-server';
import { takeStageTimes } from '../offscreen-probe';
import { PROTOTYPES, type Prototype } from '../prototypes';
import { openSession, type SwCheck } from '../session';
import { summarize, type Summary } from '../stats';
import { buildVariant } from '../variant-build';
import { runFeed, type FeedResult } from './feed';

export interface CompareVariant {
  name: string;
  description: string;
  imagesPerSecond: number;
  verdictMs: Summary | null;
  modelMs: Summary | null;
  stages: Record<string, Summary | null>;
  failed: number;
  /** Against the baseline on the same images (prototypes that change pixels): largest |P(AI)| difference, mean, verdicts that changed. */
  agreement?: { maxProbabilityDiff: number; meanProbabilityDiff: number; verdictChanges: number; compared: number };
}

export interface FeedCompareVariant {
  name: string;
  description: string;
  human: FeedResult;
  full: FeedResult;
}

export interface CompareResult {
  images: number;
  feedImages: number;
  threads: number | 'extension default';
  variants: CompareVariant[];
  feeds: FeedCompareVariant[];
}

const BASELINE = { name: 'baseline', description: 'the extension as built', replace: {} } as const;

function agreement(base: SwCheck[], r: SwCheck[]): CompareVariant['agreement'] {
  let max = 0, sum = 0, n = 0, changes = 0;
  r.forEach((x, i) => {
    const b = base[i];
    if (!x.ok || !b?.ok || x.probability === undefined || b.probability === undefined) return;
    const d = Math.abs(x.probability - b.probability);
    max = Math.max(max, d);
    sum += d;
    n++;
    if (x.verdict !== b.verdict) changes++;
  });
  return { maxProbabilityDiff: Number(max.toFixed(4)), meanProbabilityDiff: Number((sum / Math.max(1, n)).toFixed(4)), verdictChanges: changes, compared: n };
}

async function offscreenVariant(a: BenchArgs, server: FeedServer, proto: Pick<Prototype, 'name' | 'description' | 'replace' | 'define'>, base?: SwCheck[]): Promise<{ v: CompareVariant; checks: SwCheck[] }> {
  const dist = await buildVariant(a.dist, { name: `cmp-${proto.name}`, threads: 0, stageTimers: true, replace: proto.replace, define: proto.define });
  const s = await openSession(dist, server);
  try {
    await s.check([server.imageUrl(`cmp-${proto.name}-warm`, 0), server.imageUrl(`cmp-${proto.name}-warm`, 1)]);
    await takeStageTimes(await s.offscreen());
    const urls = Array.from({ length: a.sizes.compareImages }, (_, i) => server.imageUrl(`cmp-${proto.name}`, i));
    const t0 = Date.now();
    const r = await s.check(urls, 1);
    const seconds = (Date.now() - t0) / 1000;
    const ok = r.filter((x) => x.ok);
    const raw = await takeStageTimes(await s.offscreen());
    return {
      checks: r,
      v: {
        name: proto.name,
        description: proto.description,
        imagesPerSecond: Number((ok.length / seconds).toFixed(2)),
        verdictMs: summarize(ok.map((x) => x.ms!), 0),
        modelMs: summarize(ok.map((x) => x.modelMs!), 0),
        stages: Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, summarize(v, 1)])),
        failed: r.length - ok.length,
        agreement: base ? agreement(base, r) : undefined,
      },
    };
  } finally {
    await s.close();
  }
}

async function feedVariant(a: BenchArgs, server: FeedServer, proto: Pick<Prototype, 'name' | 'description' | 'replace' | 'define'>): Promise<FeedCompareVariant> {
  const dist = await buildVariant(a.dist, { name: `cmpfeed-${proto.name}`, threads: 0, replace: proto.replace, define: proto.define });
  const s = await openSession(dist, server);
  try {
    await s.check([server.imageUrl(`cmpfeed-${proto.name}-warm`, 0)]);
    const run = (pace: 'human' | 'full'): Promise<FeedResult> =>
      runFeed(s, { run: `cmpfeed-${proto.name}-${pace}`, images: a.sizes.compareFeedImages, pace, screenMs: a.screenMs, settleCapMs: 240_000 });
    const human = await run('human');
    const full = await run('full');
    return { name: proto.name, description: proto.description, human, full };
  } finally {
    await s.close();
  }
}

export async function runCompare(a: BenchArgs, server: FeedServer): Promise<CompareResult> {
  const variants: CompareVariant[] = [];
  const feeds: FeedCompareVariant[] = [];
  const chosen = PROTOTYPES.filter((p) => !a.prototypes || a.prototypes.has(p.name));
  const unknown = [...(a.prototypes ?? [])].filter((n) => !PROTOTYPES.some((p) => p.name === n));
  if (unknown.length > 0) throw new Error(`unknown prototypes: ${unknown.join(', ')} (known: ${PROTOTYPES.map((p) => p.name).join(', ')})`);
  const offscreen = chosen.filter((p) => p.kind === 'offscreen');
  const feed = chosen.filter((p) => p.kind === 'feed');
  if (offscreen.length > 0) {
    console.log('bench: compare, offscreen prototypes');
    const base = await offscreenVariant(a, server, BASELINE);
    variants.push(base.v);
    for (const p of offscreen) variants.push((await offscreenVariant(a, server, p, base.checks)).v);
  }
  if (feed.length > 0) {
    console.log('bench: compare, content-script prototypes');
    feeds.push(await feedVariant(a, server, BASELINE));
    for (const p of feed) feeds.push(await feedVariant(a, server, p));
  }
  return { images: a.sizes.compareImages, feedImages: a.sizes.compareFeedImages, threads: 'extension default', variants, feeds };
}
