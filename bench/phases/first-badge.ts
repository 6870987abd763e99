// First badge after an auto-scanned feed opens, on a cold browser (fresh profile: no offscreen document,
// no compiled runtime, no model session): the wait a user has when they open X or Reddit. Timed from the
// navigation's start to the first badge that reads a verdict. `afterLaunchMs`: how long after the browser
// started the feed is opened (0: at once, as a restored session does; later, as a user typing an address).
import { readBadges } from '../../test/e2e/harness/browser';
import type { FeedServer } from '../feed-server';
import { openSession } from '../session';
import { summarize, type Summary } from '../stats';

export interface FirstBadgeResult {
  repeats: number;
  afterLaunchMs: number;
  /** Navigation start -> first badge done, per cold browser. */
  ms: Summary | null;
  samples: number[];
  /** Navigation start -> the first badge reading "Checking…" (the image found), per cold browser. */
  checkingSamples: number[];
  errors: string[];
}

export async function runFirstBadge(dist: string, server: FeedServer, repeats: number, afterLaunchMs = 0, capMs = 60_000): Promise<FirstBadgeResult> {
  const samples: number[] = [];
  const checkingSamples: number[] = [];
  const errors: string[] = [];
  for (let r = 0; r < repeats; r++) {
    const s = await openSession(dist, server);
    try {
      await new Promise((res) => setTimeout(res, afterLaunchMs));
      const t0 = Date.now();
      await s.page.goto(server.feedUrl(`first${r}`, 20), { waitUntil: 'commit' });
      let seen = 0;
      for (;;) {
        const badges = await readBadges(s.page);
        if (!seen && badges.length) {
          seen = Date.now() - t0;
          checkingSamples.push(seen);
        }
        const done = badges.filter((b) => b.state === 'done');
        if (done.length > 0) {
          samples.push(Date.now() - t0);
          break;
        }
        if (Date.now() - t0 > capMs) {
          errors.push(`no badge within ${capMs} ms`);
          break;
        }
        await new Promise((res) => setTimeout(res, 25));
      }
    } finally {
      await s.close();
    }
  }
  return { repeats, afterLaunchMs, ms: summarize(samples, 0), samples, checkingSamples, errors };
}
