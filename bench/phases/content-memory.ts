// The content script over a long session: 3,000 feed posts appended in screens of 100 (24 distinct
// pictures, so the background answers most checks from its verdict cache and the run measures the
// content script, not the model), every badge settled, then every post removed. The page's JS heap (its
// V8 isolate holds the content script's isolated world too) after a forced GC: at the start, with 3,000
// badges, and after the removal. Target: back within 10% of the start.
import type { FeedServer } from '../feed-server';
import { openSession } from '../session';

export interface ContentMemoryResult {
  posts: number;
  /** false: the control run, auto-scan off on the site (what the page alone keeps). */
  scanning: boolean;
  /** JS heap in use after a forced GC, MB. */
  startMB: number;
  fullMB: number;
  afterRemovalMB: number;
  /** afterRemoval / start. */
  ratio: number;
  /** Badges still in the document after the removal (should be 0). */
  badgesLeft: number;
  seconds: number;
}

export async function runContentMemory(dist: string, server: FeedServer, posts = 3_000, scanning = true, batch = 100): Promise<ContentMemoryResult> {
  const s = await openSession(dist, server);
  const t0 = Date.now();
  try {
    if (!scanning) {
      await s.ext.serviceWorker.evaluate(async () => {
        const cur = ((await chrome.storage.local.get('settings')).settings ?? {}) as { sites?: Record<string, boolean> };
        await chrome.storage.local.set({ settings: { ...cur, schema: 1, sites: { ...cur.sites, 'x.com': false } } });
      });
    }
    await s.page.goto(server.feedUrl('cmem', 0));
    const cdp = await s.ext.context.newCDPSession(s.page);
    const heapMB = async (): Promise<number> => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      return Number((usedSize / 1e6).toFixed(2));
    };
    await s.page.waitForTimeout(1_000);
    const startMB = await heapMB();
    const urls = Array.from({ length: 24 }, (_, i) => server.imageUrl('cmem', i));
    for (let done = 0; done < posts; done += batch) {
      await s.page.evaluate(
        ({ from, n, urls }) => {
          const list = document.querySelector('[aria-label^="Timeline"]')!;
          for (let i = from; i < from + n; i++) {
            list.insertAdjacentHTML('beforeend', `<div data-testid="cellInnerDiv"><article data-testid="tweet" role="article"><p>Post ${i}</p>` +
              `<div data-testid="tweetPhoto"><img alt="Image" src="${urls[i % urls.length]}"></div></article></div>`);
          }
        },
        { from: done, n: Math.min(batch, posts - done), urls },
      );
      // Read the new screenful: scroll through it so every image comes near the viewport.
      for (let k = 0; k < 6; k++) {
        await s.page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
        await s.page.waitForTimeout(150);
      }
      await s.page.waitForFunction(() => !document.querySelector('[data-dualsight="checking"]'), null, { timeout: 120_000 }).catch(() => undefined);
    }
    const fullMB = await heapMB();
    await s.page.evaluate(() => document.querySelector('[aria-label^="Timeline"]')!.replaceChildren());
    await s.page.waitForTimeout(2_000);
    const afterRemovalMB = await heapMB();
    const badgesLeft = await s.page.evaluate(() => document.querySelectorAll('[data-dualsight]').length);
    return { posts, scanning, startMB, fullMB, afterRemovalMB, ratio: Number((afterRemovalMB / startMB).toFixed(3)), badgesLeft, seconds: Math.round((Date.now() - t0) / 1000) };
  } finally {
    await s.close();
  }
}
