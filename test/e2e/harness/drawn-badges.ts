// What the browser actually draws for each badge, not what its attributes say: new Reddit's CSS once hid
// every badge while data-dualsight said "done". Each badge is scrolled to the middle of the screen and
// asked for its computed style, checkVisibility(), and what document.elementFromPoint finds at the centre
// of the badge itself (a click there must reach the badge, not a page element drawn over it).
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
        const badge = (host.shadowRoot?.querySelector('.badge') ?? host) as HTMLElement;
        badge.scrollIntoView({ block: 'center', inline: 'center' });
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        const cs = getComputedStyle(host);
        const r = badge.getBoundingClientRect();
        const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
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
