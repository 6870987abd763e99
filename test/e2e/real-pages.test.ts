// Real saved X and Reddit pages (../shared/fixtures/real-pages) with the built extension: every post
// image gets a badge, nothing else does (avatars, emoji, icons, ads, Reddit's blurred background copies,
// thumbnails under the size limit), and each badge is drawn where a reader can see and click it.
// The expected images are found from the markup's structure, and their number is checked against what
// the fixtures' README says each page holds, so a selector that drifts cannot shrink the expectation.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { redditSelectors } from '../../src/content/sites/reddit';
import { twitterSelectors } from '../../src/content/sites/twitter';
import { drawnBadges, isDrawn } from './harness/drawn-badges';
import { REAL_PAGES, realPagesMissing, realPagesRoute } from './harness/real-pages';
import { readScreen, scrollThrough } from './harness/scroll';
import { withExtensionBrowser } from './harness/suite';

/** Which images of a page are post images: those matching `select` and not `not`. */
interface Expectation {
  select: string;
  not?: string;
  /** How many there are, from the fixtures' README and the markup (galleries: the one slide shown). */
  count: number;
  /** What a reader does first, as the page's own script would answer it. */
  prepare?: (page: Page) => Promise<void>;
}

/**
 * Old Reddit keeps each collapsed preview as markup in `data-cachedhtml`, and its expando button inserts
 * it. This opens the single-image previews that way; galleries and videos stay collapsed (their viewers
 * are scripts the saved page lacks).
 */
function openSinglePreviews(page: Page): Promise<void> {
  return page.evaluate(() => {
    for (const ex of document.querySelectorAll<HTMLElement>('.thing .expando[data-cachedhtml]')) {
      const t = document.createElement('template');
      t.innerHTML = ex.dataset.cachedhtml!;
      if (t.content.querySelectorAll('img.preview').length !== 1) continue;
      ex.replaceChildren(t.content);
      ex.style.display = 'block';
    }
  });
}

const X_PHOTOS: Omit<Expectation, 'count'> = { select: `${twitterSelectors.photo}, ${twitterSelectors.card}` };
const NEW_REDDIT: Omit<Expectation, 'count'> = {
  select: 'shreddit-post [slot="post-media-container"] img',
  // The blurred copy behind each image, and the slides a gallery does not show.
  not: '[role="presentation"], li[slot]:not([slot="page-1"]) img',
};

const EXPECTED: Record<string, Expectation> = {
  'x-profile': { ...X_PHOTOS, count: 3 },
  'x-tweet-detail': { ...X_PHOTOS, count: 1 },
  'reddit-topic-feed': { ...NEW_REDDIT, count: 13 + 10 }, // 13 image posts, 10 galleries
  'reddit-subreddit': { ...NEW_REDDIT, count: 1 + 2 },
  'reddit-comments': { ...NEW_REDDIT, count: 0 },
  // The 70 px row thumbnails are under the size limit. Of the 19 collapsed previews, 12 are a single image
  // (opened); one of those is a promoted post's.
  'old-reddit-home': { select: redditSelectors.expandedPreview, not: `${redditSelectors.ad} img`, count: 11, prepare: openSinglePreviews },
};

describe.skipIf(realPagesMissing !== undefined)(`real saved pages${realPagesMissing ? ` (skipped: ${realPagesMissing})` : ''}`, () => {
  const suite = withExtensionBrowser({ route: realPagesRoute() });

  for (const real of REAL_PAGES) {
    const want = EXPECTED[real.name]!;
    it(`${real.name}: every post image badged and drawn, nothing else badged`, async () => {
      const page = await suite.ext.context.newPage();
      try {
        await page.goto(real.url);
        await want.prepare?.(page);
        // Two passes: images that went by before the content script had its settings get theirs on the second.
        for (let pass = 0; pass < 2; pass++) {
          await page.evaluate(() => scrollTo(0, 0));
          await readScreen(page, 1_000);
          await scrollThrough(page, { step: 600, pauseMs: 400 });
        }
        const expected = await page.evaluate(({ select, not }) => {
          const imgs = [...document.querySelectorAll<HTMLImageElement>(select)].filter((i) => !not || !i.matches(not));
          for (const i of imgs) i.setAttribute('data-test-expected', '');
          return imgs.map((i) => i.currentSrc || i.src);
        }, { select: want.select, not: want.not });
        expect(expected, 'post images found from the markup').toHaveLength(want.count);
        // The image each badge sits beside (after the <picture>, when there is one).
        const badged = await page.evaluate(() =>
          [...document.querySelectorAll('[data-dualsight]')].map((h) => {
            const prev = h.previousElementSibling;
            const img = prev?.localName === 'img' ? prev : prev?.querySelector('img');
            return { src: h.getAttribute('data-dualsight-src'), expected: img?.hasAttribute('data-test-expected') ?? false, state: h.getAttribute('data-dualsight'), error: h.getAttribute('data-dualsight-error') };
          }),
        );
        const drawn = await drawnBadges(page);
        const visible = drawn.filter(isDrawn).length;
        console.log(`${real.name}: badged ${badged.length} / expected ${expected.length} / visible ${visible}`);
        expect(badged.filter((b) => !b.expected).map((b) => b.src), 'badges on images that are not post images').toEqual([]);
        expect(badged, 'one badge per post image').toHaveLength(expected.length);
        for (const b of badged) expect(b.state, `${b.src}: ${b.error}`).toBe('done');
        for (const d of drawn) expect(d, `${d.src} drawn (hit ${d.hitInstead})`).toMatchObject({ visibility: 'visible', opacity: '1', checkVisibility: true, hit: true });
        expect(visible).toBe(expected.length);
      } finally {
        await page.close();
      }
    }, 240_000);
  }
});
