// What the browser actually draws for each badge, not what its attributes say: new Reddit's CSS once hid
// every badge while data-dualsight said "done". Each badge is scrolled to the middle of the screen and
// asked for its computed style, checkVisibility(), and what document.elementFromPoint finds where the
// badge is drawn (a click there must reach the badge, not a page element drawn over it).
// The badge lives in a closed shadow root that page scripts (and so this test) cannot open; the host
// itself lets clicks through (pointer-events: none) and only the badge inside takes them, so the badge is
// found as the run of points, from its corner of the host, where elementFromPoint answers the host.
import type { Page } from 'playwright-core';

export interface DrawnBadge {
  src: string | null;
  state: string | null;
  visibility: string;
  display: string;
  opacity: string;
  /** Element.checkVisibility with opacity and visibility checks, which also sees hidden ancestors. */
  checkVisibility: boolean;
  /** Whether elementFromPoint at the badge's centre is its host (shadow content is retargeted to it). */
  hit: boolean;
  /** What elementFromPoint found instead, when not the host. */
  hitInstead: string | null;
  width: number;
  height: number;
}

export const isDrawn = (b: DrawnBadge): boolean =>
  b.visibility === 'visible' && b.display !== 'none' && b.opacity === '1' && b.checkVisibility && b.hit && b.width > 0 && b.height > 0;

export async function drawnBadges(page: Page): Promise<DrawnBadge[]> {
  const count = await page.evaluate(() => document.querySelectorAll('[data-dualsight]').length);
  const out: DrawnBadge[] = [];
  for (let i = 0; i < count; i++) {
    out.push(
      await page.evaluate(async (index) => {
        const host = document.querySelectorAll('[data-dualsight]')[index] as HTMLElement;
        // The badge's row to the middle of the screen (the host may be taller than the window).
        host.scrollIntoView({ block: 'start', inline: 'start' });
        const start = host.getBoundingClientRect();
        scrollBy(start.left + 60 - innerWidth / 2, start.top + 17 - innerHeight / 2);
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        const cs = getComputedStyle(host);
        const box = host.getBoundingClientRect();
        // The badge's row (src/content/badge/badge-style.ts: 6 px from the top-left corner, ~22 px tall).
        const y = box.top + 6 + 11;
        const hitsHost = (x: number, yy: number) => document.elementFromPoint(x, yy) === host;
        let x0 = -1;
        let x1 = -1;
        for (let x = box.left + 2; x < Math.min(box.right, box.left + 400); x += 3) {
          if (hitsHost(x, y)) {
            if (x0 < 0) x0 = x;
            x1 = x;
          } else if (x0 >= 0) break;
        }
        const cx = x0 >= 0 ? (x0 + x1) / 2 : box.left + 20;
        let y0 = y;
        let y1 = y;
        if (x0 >= 0) {
          while (y0 > box.top - 40 && hitsHost(cx, y0 - 1)) y0--;
          while (y1 < box.top + 80 && hitsHost(cx, y1 + 1)) y1++;
        }
        const r = { left: x0, top: y0, width: x0 >= 0 ? x1 - x0 + 1 : 0, height: x0 >= 0 ? y1 - y0 + 1 : 0 };
        const at = document.elementFromPoint(cx, (y0 + y1) / 2);
        const describe = (e: Element | null) => (e ? `${e.localName}${e.id ? `#${e.id}` : ''}.${String(e.className).split(/\s+/).slice(0, 3).join('.')}` : null);
        return {
          src: host.getAttribute('data-dualsight-src'),
          state: host.getAttribute('data-dualsight'),
          visibility: cs.visibility,
          display: cs.display,
          opacity: cs.opacity,
          checkVisibility: host.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }),
          hit: at === host,
          hitInstead: at === host ? null : describe(at),
          width: r.width,
          height: r.height,
        };
      }, i),
    );
  }
  return out;
}
