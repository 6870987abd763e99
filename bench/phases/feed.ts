// A feed read in the bench's local X: photos enter the viewport as the page scrolls (at a reader's
// pace, or as fast as the page can), the content script badges them, and the page itself records
// when each photo entered the viewport and when its badge settled (bench/page-probe.ts).
import type { CDPSession } from 'playwright-core';
import { inclusiveMs, startProfile, stopProfile, topSelfTime, type SendFn } from '../cpu-profile';
import type { PageRecord } from '../page-probe';
import type { BenchSession } from '../session';
import { summarize, type Summary } from '../stats';

export type Pace = 'human' | 'full';

export interface FeedOptions {
  run: string;
  images: number;
  pace: Pace;
  /** Human pace: one screen per this many ms. */
  screenMs?: number;
  /** Longest wait for the last badges after the end of the feed. */
  settleCapMs: number;
  /** CPU-profile the page's main thread (content script cost) and the offscreen document. */
  profile?: boolean;
}

export interface FeedResult {
  images: number;
  pace: Pace;
  scrollMs: number;
  /** Badges settled (done or failed) / failed. */
  settled: number;
  failed: number;
  /** Photos that never got a badge (scrolled past before the content script saw them near the viewport). */
  neverChecked: number;
  /** Photos whose check was withdrawn (scrolled away while waiting for its turn) and not checked since. */
  withdrawn: number;
  /** Photos that left the viewport before their badge settled (or never got one while seen). */
  leftViewBeforeBadge: number;
  /** Badge settled before any pixel of the photo was visible (checked ahead, within the 400 px margin). */
  readyBeforeVisible: number;
  /** Page clock: photo enters viewport -> badge settled; negative when ready ahead. */
  enterToBadgeMs: Summary | null;
  /** The same, 0 when ready ahead: what a reader waits. */
  visibleWaitMs: Summary | null;
  /** Verdict.modelMs and Verdict.ms (offscreen: fetch + decode + model + provenance + thumbnail + queue). */
  modelMs: Summary | null;
  verdictMs: Summary | null;
  /** Settled badges per second, from the first photo entering the viewport to the last badge. */
  imagesPerSecond: number;
  stoppedAtCap: boolean;
  longTasks: { count: number; over50ms: number; maxMs: number };
  /** Animation frames over 50 ms, and those in which the content script ran (its share of each). */
  longFrames: { count: number; withContentScript: number; contentScriptMs: number; maxMs: number; scriptMs: number; styleLayoutMs: number; renderMs: number };
  contentScript?: { mainThreadMs: number; perImageMs: number; pageScriptMs: number; pageTaskMs: number };
  offscreenProfile?: { fn: string; ms: number }[];
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function scroll(s: BenchSession, pace: Pace, screenMs: number): Promise<void> {
  if (pace === 'full') {
    // One screen per animation frame until the end: as fast as the page renders.
    await s.page.evaluate(() => new Promise<void>((done) => {
      const step = (): void => {
        const before = scrollY;
        scrollBy(0, innerHeight);
        if (scrollY === before) done();
        else requestAnimationFrame(step);
      };
      step();
    }));
    return;
  }
  for (;;) {
    await sleep(screenMs);
    const atEnd = await s.page.evaluate(() => {
      const before = scrollY;
      scrollBy(0, innerHeight);
      return scrollY === before;
    });
    if (atEnd) return;
  }
}

/** Waits until every badge that appeared has settled and none appeared for a while, or the cap. */
async function settle(s: BenchSession, capMs: number): Promise<boolean> {
  const deadline = Date.now() + capMs;
  let quietSince = Date.now();
  let lastCount = -1;
  while (Date.now() < deadline) {
    // Badges still checking now (a withdrawn check's badge is gone), and badges seen so far.
    const { checking, seen } = await s.page.evaluate(() => ({
      checking: document.querySelectorAll('[data-dualsight="checking"]').length,
      seen: Object.values((window as unknown as { __bench: PageRecord }).__bench.images).filter((t) => t.checking !== undefined).length,
    }));
    if (seen !== lastCount) {
      lastCount = seen;
      quietSince = Date.now();
    }
    if (checking === 0 && Date.now() - quietSince > 1500) return false;
    await sleep(500);
  }
  return true;
}

/** Playwright's CDPSession typed per method, seen as the untyped sender the profile helpers take. */
const loose = (cdp: CDPSession): SendFn => ({ send: (method, params) => cdp.send(method as never, params as never) as never });

async function pageMetrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

export async function runFeed(s: BenchSession, o: FeedOptions): Promise<FeedResult> {
  const urls = Array.from({ length: o.images }, (_, i) => s.server.imageUrl(o.run, i));
  const page = s.page;
  await page.goto('about:blank');
  let cdp: CDPSession | undefined;
  let before: Record<string, number> = {};
  if (o.profile) {
    cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await startProfile(loose(cdp));
    await startProfile(await s.offscreen());
    before = await pageMetrics(cdp);
  }
  const t0 = Date.now();
  await page.goto(s.server.feedUrl(o.run, o.images), { waitUntil: 'load' });
  await scroll(s, o.pace, o.screenMs ?? 1500);
  const scrollMs = Date.now() - t0;
  const stoppedAtCap = await settle(s, o.settleCapMs);
  const rec = await page.evaluate(() => (window as unknown as { __bench: PageRecord }).__bench);
  let contentScript: FeedResult['contentScript'];
  let offscreenProfile: FeedResult['offscreenProfile'];
  const checked = urls.filter((u) => rec.images[u]?.checking !== undefined).length;
  if (cdp) {
    const after = await pageMetrics(cdp);
    const profile = await stopProfile(loose(cdp));
    const mainThreadMs = inclusiveMs(profile, (url) => url.startsWith('chrome-extension://'));
    contentScript = {
      mainThreadMs: Math.round(mainThreadMs),
      perImageMs: Number((mainThreadMs / Math.max(1, checked)).toFixed(2)),
      // Whole page (content script, bench probe, page): CDP Performance metrics, seconds -> ms.
      pageScriptMs: Math.round(((after.ScriptDuration ?? 0) - (before.ScriptDuration ?? 0)) * 1000),
      pageTaskMs: Math.round(((after.TaskDuration ?? 0) - (before.TaskDuration ?? 0)) * 1000),
    };
    // The offscreen document may have been restarted meanwhile (its profile is then lost).
    offscreenProfile = await stopProfile(await s.offscreen()).then((p) => topSelfTime(p), () => undefined);
    await cdp.detach().catch(() => undefined);
  }
  const times = urls.map((u) => rec.images[u] ?? {});
  const seen = times.filter((t) => t.enter !== undefined);
  const settledTimes = times.filter((t) => t.settled !== undefined);
  const e2e = times.filter((t) => t.enter !== undefined && t.settled !== undefined).map((t) => t.settled! - t.enter!);
  const firstEnter = Math.min(...seen.map((t) => t.enter!));
  const lastSettled = Math.max(...settledTimes.map((t) => t.settled!));
  const verdicts = await s.verdictTimes(urls);
  const v = Object.values(verdicts).filter((x) => x !== undefined);
  return {
    images: o.images,
    pace: o.pace,
    scrollMs,
    settled: settledTimes.length,
    failed: times.filter((t) => t.state === 'failed').length,
    neverChecked: o.images - checked,
    withdrawn: times.filter((t) => t.checking !== undefined && t.settled === undefined).length,
    leftViewBeforeBadge: times.filter((t) => t.exit !== undefined && !(t.settled !== undefined && t.settled <= t.exit)).length,
    readyBeforeVisible: e2e.filter((ms) => ms <= 0).length,
    enterToBadgeMs: summarize(e2e, 0),
    visibleWaitMs: summarize(e2e.map((ms) => Math.max(0, ms)), 0),
    modelMs: summarize(v.map((x) => x.modelMs), 0),
    verdictMs: summarize(v.map((x) => x.ms), 0),
    imagesPerSecond: settledTimes.length > 0 ? Number((settledTimes.length / ((lastSettled - firstEnter) / 1000)).toFixed(2)) : 0,
    stoppedAtCap,
    longTasks: {
      count: rec.longTasks.length,
      over50ms: rec.longTasks.filter((t) => t.duration > 50).length,
      maxMs: Math.round(Math.max(0, ...rec.longTasks.map((t) => t.duration))),
    },
    longFrames: {
      count: rec.longFrames.length,
      withContentScript: rec.longFrames.filter((f) => f.scripts.some((x) => x.source.startsWith('chrome-extension://'))).length,
      contentScriptMs: Math.round(rec.longFrames.flatMap((f) => f.scripts).filter((x) => x.source.startsWith('chrome-extension://')).reduce((n, x) => n + x.duration, 0)),
      maxMs: Math.round(Math.max(0, ...rec.longFrames.map((f) => f.duration))),
      // Where those frames' time went: scripts (any), style and layout, rendering (which includes style and layout).
      scriptMs: Math.round(rec.longFrames.flatMap((f) => f.scripts).reduce((n, x) => n + x.duration, 0)),
      styleLayoutMs: Math.round(rec.longFrames.reduce((n, f) => n + f.styleLayoutMs, 0)),
      renderMs: Math.round(rec.longFrames.reduce((n, f) => n + f.renderMs, 0)),
    },
    contentScript,
    offscreenProfile,
  };
}
