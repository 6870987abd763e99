// `npm run bench`: the whole path measured in headless Chromium with the extension loaded, plus the
// same model in onnxruntime-node for comparison. Prints the figures and writes them as JSON under
// bench/results/. Sections: model load, per-image and viewport -> badge times (WASM 1 thread / all
// threads; WebGPU when a real adapter exists), throughput, content-script cost, offscreen memory,
// native run, and before/after figures of prototyped optimisations.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, hostname, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs, resultsDir, type BenchArgs } from './args';
import { benchImages } from './dataset';
import { startFeedServer, type FeedServer } from './feed-server';
import { offscreenEnvironment, takeStageTimes, webgpuAdapter, type AdapterInfo } from './offscreen-probe';
import { runBurst, type BurstResult } from './phases/burst';
import { runContentMemory, type ContentMemoryResult } from './phases/content-memory';
import { runFirstBadge, type FirstBadgeResult } from './phases/first-badge';
import { coldStart, type ColdStart } from './phases/cold-start';
import { runCompare, type CompareResult } from './phases/compare';
import { runFeed, type FeedResult } from './phases/feed';
import { runMemory, sampleMemory, type MemoryResult, type MemorySample } from './phases/memory';
import { runNative, type NativeResult } from './phases/native';
import { printReport } from './report';
import { openSession, type BenchSession } from './session';
import { summarize, type Summary } from './stats';
import { buildVariant, type Variant } from './variant-build';
import { wasmThreadsFor } from '../src/offscreen/threads';

export interface ThreadRun {
  variant: string;
  /** ort.env.wasm.numThreads in effect. */
  threads: number;
  cold?: ColdStart;
  feed?: FeedResult;
  /** Offscreen stage wall times during the feed (bench stage timers). */
  stages?: Record<string, Summary | null>;
}

export interface BenchResults {
  date: string;
  machine: { host: string; cpu: string; cores: number; loadBefore: number[]; loadAfter?: number[] };
  browser: string;
  dist: string;
  model: string;
  /** False when the model is not the shipped default (e.g. a timing stand-in): figures are not final. */
  final: boolean;
  quick: boolean;
  offscreen?: { crossOriginIsolated: boolean; hardwareConcurrency: number };
  webgpu?: AdapterInfo & { run?: FeedResult; skipped?: string };
  wasm: ThreadRun[];
  /** `control`: the same feed at a reader's pace with the extension's scanning off on the site (long tasks of the page itself). */
  throughput?: { human?: FeedResult; full?: FeedResult; control?: FeedResult; screenMs: number };
  memory?: MemoryResult;
  /** An auto-scanned feed opened on a cold browser: navigation start -> first verdict on screen. */
  firstBadge?: FirstBadgeResult[];
  /** The content script's heap over 3,000 feed posts and after they are all removed. */
  contentMemory?: ContentMemoryResult[];
  /** N images in view at once, cold browser each (the extension's own thread choice). */
  bursts?: BurstResult[];
  /** ratio: extension model time / native; endToEndRatio: reader's wait (viewport entry -> badge, 0 if ready ahead) / native model time. */
  native?: { results: NativeResult[]; ratio: { threads: number; extensionModelMs: number; nativeRunMs: number; ratio: number; endToEndMs?: number; endToEndRatio?: number }[] };
  compare?: CompareResult;
  wallSeconds: number;
}

function distModel(dist: string): { id: string; dir: string } {
  const dir = join(dist, 'models/dualsight-lite');
  const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { name: string; version: string };
  return { id: `${m.name}@${m.version}`, dir };
}

async function stageSummary(s: BenchSession): Promise<Record<string, Summary | null>> {
  const raw = await takeStageTimes(await s.offscreen());
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, summarize(v, 1)]));
}

/** Changes the extension's settings as the popup would: the backend, or auto-scan on one site. */
async function patchSettings(s: BenchSession, patch: { backend?: 'auto' | 'webgpu' | 'wasm'; site?: [string, boolean] }): Promise<void> {
  await s.ext.serviceWorker.evaluate(async ({ backend, site }) => {
    const cur = ((await chrome.storage.local.get('settings')).settings ?? {}) as { sites?: Record<string, boolean> };
    const next: Record<string, unknown> = { ...cur, schema: 1 };
    if (backend) next.backend = backend;
    if (site) next.sites = { ...cur.sites, [site[0]]: site[1] };
    await chrome.storage.local.set({ settings: next });
  }, patch);
}

/**
 * One browser with bench build `v`. `perImage`: model load and the per-image feed. `all`: also the
 * adapter query, throughput, WebGPU and memory (run on the extension's own thread choice).
 */
async function threadRun(a: BenchArgs, server: FeedServer, v: Variant, perImage: boolean, all: boolean, out: BenchResults): Promise<ThreadRun> {
  const dist = await buildVariant(a.dist, v);
  const s = await openSession(dist, server);
  out.browser = s.ext.context.browser()?.version() ?? 'unknown';
  const run: ThreadRun = { variant: v.name, threads: v.threads };
  let processed = 0;
  const memory: MemorySample[] = [];
  try {
    if (perImage && a.phases.has('cold')) {
      run.cold = await coldStart(s, `${v.name}-cold`, a.sizes.coldRepeats);
      processed += 2 * a.sizes.coldRepeats;
    } else {
      await s.check([server.imageUrl(`${v.name}-warm`, 0)]);
      processed++;
    }
    const off = (): ReturnType<BenchSession["offscreen"]> => s.offscreen();
    const env = await offscreenEnvironment(await off());
    // The extension's own choice, as src/offscreen/backend.ts makes it.
    if (v.threads === 0) run.threads = env.crossOriginIsolated ? wasmThreadsFor(env.hardwareConcurrency) : 1;
    await takeStageTimes(await off());
    if (all) {
      out.offscreen = env;
      out.webgpu = await webgpuAdapter(await off());
    }
    if (perImage && a.phases.has('feed')) {
      console.log(`bench: ${v.name}: ${a.sizes.feedImages}-image feed`);
      run.feed = await runFeed(s, { run: `${v.name}-feed`, images: a.sizes.feedImages, pace: 'human', screenMs: a.screenMs, settleCapMs: 180_000, profile: true });
      run.stages = await stageSummary(s);
      processed += run.feed.settled;
    }
    if (!all) return run;
    memory.push(await sampleMemory(s, processed));
    if (a.phases.has('throughput')) {
      out.throughput = { screenMs: a.screenMs };
      for (const pace of ['human', 'full'] as const) {
        console.log(`bench: throughput, ${pace} pace`);
        const r = await runFeed(s, { run: `thr-${pace}`, images: a.sizes.throughputImages, pace, screenMs: a.screenMs, settleCapMs: 240_000 });
        out.throughput[pace] = r;
        processed += r.settled;
        memory.push(await sampleMemory(s, processed));
      }
      console.log("bench: throughput, reader's pace, scanning off (control)");
      await patchSettings(s, { site: ['x.com', false] });
      out.throughput.control = await runFeed(s, { run: 'thr-control', images: a.sizes.throughputImages, pace: 'human', screenMs: a.screenMs, settleCapMs: 10_000 });
      await patchSettings(s, { site: ['x.com', true] });
      await takeStageTimes(await off());
    }
    if (out.webgpu && out.webgpu.present && !out.webgpu.fallback && a.phases.has('feed')) {
      await patchSettings(s, { backend: 'webgpu' });
      const r = await runFeed(s, { run: 'webgpu-feed', images: a.sizes.feedImages, pace: 'human', screenMs: a.screenMs, settleCapMs: 180_000 });
      out.webgpu.run = r;
      processed += r.settled;
      await patchSettings(s, { backend: 'auto' });
    } else if (out.webgpu) {
      out.webgpu.skipped = !out.webgpu.present ? 'no WebGPU adapter' : out.webgpu.fallback ? 'only a software (fallback) adapter: the extension uses WASM, as it should' : 'feed phase not run';
    }
    if (a.phases.has('memory')) {
      console.log(`bench: memory, up to ${a.sizes.memoryImages} images`);
      out.memory = await runMemory(s, {
        run: 'mem', done: processed, total: a.sizes.memoryImages, chunk: Math.max(20, Math.round(a.sizes.memoryImages / 10)),
        warmup: Math.min(100, Math.round(a.sizes.memoryImages / 5)), deadline: Date.now() + a.sizes.memoryBudgetMs, earlier: memory,
      });
    }
    return run;
  } finally {
    await s.close();
  }
}

async function main(): Promise<void> {
  const a = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const model = distModel(a.dist);
  const out: BenchResults = {
    date: new Date().toISOString(),
    machine: { host: hostname(), cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, loadBefore: loadavg().map((x) => Number(x.toFixed(2))) },
    browser: 'unknown',
    dist: a.dist,
    model: model.id,
    final: model.id.startsWith('dualsight-lite@'),
    quick: a.quick,
    wasm: [],
    wallSeconds: 0,
  };
  if (!out.final) console.log(`bench: model ${model.id} is not the shipped dualsight-lite: figures are for timing only, not final\n`);
  const images = benchImages(60);
  const server = await startFeedServer(images);
  try {
    const browserPhases = ['cold', 'feed', 'throughput', 'memory'].some((p) => a.phases.has(p as never));
    if (browserPhases) {
      // The thread curve, pinned: 1, 2 and all-but-one threads where the machine has them; then the
      // extension's own choice, which runs throughput, WebGPU and memory (its per-image feed is skipped
      // when it equals a pinned run).
      const cores = cpus().length;
      const own = wasmThreadsFor(cores);
      const curve = [...new Set([1, 2, cores - 1])].filter((t) => t >= 1 && t <= cores).sort((x, y) => x - y);
      for (const t of curve) {
        out.wasm.push(await threadRun(a, server, { name: `wasm-${t}-thread${t === 1 ? '' : 's'}`, threads: t, stageTimers: true }, true, false, out));
        console.log(`bench: WASM ${t} thread${t === 1 ? '' : 's'} done`);
      }
      const ownRun = await threadRun(a, server, { name: 'wasm-extension-default', threads: 0, stageTimers: true }, !curve.includes(own), true, out);
      if (ownRun.feed || ownRun.cold) out.wasm.push(ownRun);
      console.log(`bench: extension default (${own} thread${own === 1 ? '' : 's'}) done`);
    }
    if (a.phases.has('first-badge')) {
      console.log('bench: first badge after a feed opens, cold browser');
      out.firstBadge = [await runFirstBadge(a.dist, server, a.sizes.coldRepeats, 0), await runFirstBadge(a.dist, server, a.sizes.coldRepeats, 5_000)];
    }
    if (a.phases.has('content-memory')) {
      console.log('bench: content script memory over 3,000 posts and their removal');
      const n = a.quick ? 600 : 3_000;
      out.contentMemory = [await runContentMemory(a.dist, server, n, true), await runContentMemory(a.dist, server, n, false)];
    }
    if (a.phases.has('burst')) {
      out.bursts = [];
      for (const n of a.sizes.bursts) {
        console.log(`bench: burst of ${n} images in view, cold browser`);
        out.bursts.push(await runBurst(a.dist, server, n));
      }
    }
    if (a.phases.has('native')) {
      const threads = [...new Set([1, ...out.wasm.map((w) => w.threads), cpus().length])].sort((x, y) => x - y);
      const results = await runNative(model.dir, images.slice(0, a.sizes.nativeImages), threads);
      const ratio = results.flatMap((n) => {
        const feed = out.wasm.find((w) => w.threads === n.threads)?.feed;
        const ext = feed?.modelMs?.median;
        const e2e = feed?.visibleWaitMs?.median;
        return ext && n.runMs
          ? [{
              threads: n.threads, extensionModelMs: ext, nativeRunMs: n.runMs.median, ratio: Number((ext / n.runMs.median).toFixed(2)),
              endToEndMs: e2e, endToEndRatio: e2e === undefined ? undefined : Number((e2e / n.runMs.median).toFixed(2)),
            }]
          : [];
      });
      out.native = { results, ratio };
      console.log('bench: native done');
    }
    if (a.phases.has('compare')) out.compare = await runCompare(a, server);
  } finally {
    await server.close();
  }
  out.machine.loadAfter = loadavg().map((x) => Number(x.toFixed(2)));
  out.wallSeconds = Math.round((Date.now() - started) / 1000);
  printReport(out);
  const file = a.out ?? join(resultsDir, `${out.date.slice(0, 10)}-${out.machine.host.replace(/[^\w.-]/g, '_')}.json`);
  if (!existsSync(resultsDir)) mkdirSync(resultsDir, { recursive: true });
  writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`\nbench: results written to ${file}`);
}

main().catch((err: unknown) => {
  console.error('bench failed:', err);
  process.exit(1);
});
