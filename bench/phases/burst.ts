// Bursts: N feed images in view at once on a cold browser (a fresh profile, no offscreen document yet),
// as X media tabs, Reddit galleries and image search show them. Time from opening the page to every badge
// settled, per image, and how many ended anything but "done" (the target is none).
import { readBadges } from '../../test/e2e/harness/browser';
import type { FeedServer } from '../feed-server';
import { openSession } from '../session';

export interface BurstResult {
  images: number;
  done: number;
  failed: number;
  /** Badges never settled within the cap. */
  unsettled: number;
  settledMs: number;
  perImageMs: number;
  /** First badge done, from opening the page. */
  firstBadgeMs?: number;
  errors: string[];
}

export async function runBurst(dist: string, server: FeedServer, n: number, capMs = 600_000): Promise<BurstResult> {
  const s = await openSession(dist, server);
  try {
    const run = `burst${n}`;
    const t0 = Date.now();
    await s.page.goto(server.gridUrl(run, n));
    let firstBadgeMs: number | undefined;
    let badges = await readBadges(s.page);
    for (;;) {
      badges = (await readBadges(s.page)).filter((b) => b.src?.includes(`/${run}-`));
      const settled = badges.filter((b) => b.state !== 'checking');
      if (firstBadgeMs === undefined && settled.some((b) => b.state === 'done')) firstBadgeMs = Date.now() - t0;
      if ((badges.length >= n && settled.length === badges.length) || Date.now() - t0 > capMs) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const settledMs = Date.now() - t0;
    const done = badges.filter((b) => b.state === 'done').length;
    const failed = badges.filter((b) => b.state === 'failed');
    return {
      images: n,
      done,
      failed: failed.length,
      unsettled: n - done - failed.length,
      settledMs,
      perImageMs: Math.round(settledMs / n),
      firstBadgeMs,
      errors: [...new Set(failed.map((b) => b.error ?? 'failed'))],
    };
  } finally {
    await s.close();
  }
}
