import type { Page } from 'playwright-core';

/** Scrolls the page down in viewport-sized steps, as a reader would, until the end (or `maxSteps`). */
export async function scrollThrough(page: Page, opts: { step?: number; pauseMs?: number; maxSteps?: number } = {}): Promise<void> {
  const { step = 700, pauseMs = 150, maxSteps = 60 } = opts;
  for (let i = 0; i < maxSteps; i++) {
    const atEnd = await page.evaluate((dy) => {
      const before = scrollY;
      scrollBy(0, dy);
      return scrollY === before;
    }, step);
    if (atEnd) return;
    await page.waitForTimeout(pauseMs);
  }
}
