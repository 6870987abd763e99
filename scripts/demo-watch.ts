// The demo's reader: scrolls the feed at a reading pace, prints one line per image as its badge settles,
// and keeps waiting (bounded) until every image has a verdict or a failure. An image that is still not
// settled once the end of the feed is reached and nothing moved for a while is scrolled back into view,
// as a reader would, so a check that was dropped is asked for again. It used to print the 6–7 images
// badged while it scrolled, then wait silently for ten minutes and exit 0 (issue 11).
import type { Page } from 'playwright-core';

/** What a badge host says about its image (the data-dualsight* contract; the tag name may change). */
export interface BadgeRow {
  src: string;
  state: string;
  label: string;
  /** photo | artwork | graphic | composite (models with a kind head). */
  kind: string | null;
}

export interface Outcome {
  index: number;
  state: 'done' | 'failed';
  label: string;
  /** Seconds since the page was opened. */
  at: number;
}

export interface WatchResult {
  outcomes: Map<number, Outcome>;
  /** Images scrolled back into view because they had no verdict after the feed's end. */
  revisited: number;
  seconds: number;
}

const STEP_PX = 350;
const PAUSE_MS = 400;
/** Once at the end of the feed, this long without a new verdict: scroll back to an image with none. */
const STALL_MS = 4_000;

const readBadges = (page: Page): Promise<BadgeRow[]> =>
  page.$$eval('[data-dualsight][data-dualsight-src]', (hosts) =>
    hosts.map((h) => ({
      src: h.getAttribute('data-dualsight-src') ?? '',
      state: h.getAttribute('data-dualsight') ?? '',
      label: h.getAttribute('aria-label') ?? '',
      kind: h.getAttribute('data-dualsight-kind'),
    })),
  );

/** Watches `count` images (their URLs hold `demo-<index>`) until each settles or `timeoutMs` passes. */
export async function watchFeed(page: Page, count: number, timeoutMs: number, onOutcome: (o: Outcome) => void): Promise<WatchResult> {
  const started = Date.now();
  const outcomes = new Map<number, Outcome>();
  let lastProgress = Date.now();
  let revisited = 0;
  let atEnd = false;
  while (outcomes.size < count && Date.now() - started < timeoutMs) {
    if (!atEnd) atEnd = await page.evaluate((dy) => { const before = scrollY; scrollBy(0, dy); return scrollY === before; }, STEP_PX);
    await page.waitForTimeout(PAUSE_MS);
    for (const r of await readBadges(page)) {
      const index = Number(/demo-(\d+)/.exec(r.src)?.[1] ?? NaN);
      if (Number.isNaN(index) || outcomes.has(index) || (r.state !== 'done' && r.state !== 'failed')) continue;
      const o: Outcome = { index, state: r.state, label: r.label.replace(/^DualSight: /, '') + (r.kind && !r.label.includes('not scored') ? ` [kind: ${r.kind}]` : ''), at: (Date.now() - started) / 1000 };
      outcomes.set(index, o);
      lastProgress = Date.now();
      onOutcome(o);
    }
    if (atEnd && Date.now() - lastProgress > STALL_MS) {
      const missing = [...Array(count).keys()].find((i) => !outcomes.has(i))!;
      await page.evaluate((i) => document.querySelector(`img[src*="/media/demo-${i}?"]`)?.scrollIntoView({ block: 'center' }), missing);
      revisited++;
      lastProgress = Date.now();
    }
  }
  return { outcomes, revisited, seconds: (Date.now() - started) / 1000 };
}
