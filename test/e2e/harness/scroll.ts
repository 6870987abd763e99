import type { Page } from 'playwright-core';

/**
 * Waits, as a reader looking at the screen would, until no badge is still checking. A check still waiting
 * for its turn when its image scrolls away goes to the back of the queue, so a test that wants each
 * screen's images badged in order reads each screen before scrolling on.
 */
export async function readScreen(page: Page, pauseMs = 150): Promise<void> {
  await page.waitForTimeout(pauseMs);
  await page.waitForFunction(() => !document.querySelector('[data-dualsight="checking"]'), null, { timeout: 60_000, polling: 100 });
}

/** Scrolls the page down in viewport-sized steps, reading each screen, until the end (or `maxSteps`). */
export async function scrollThrough(page: Page, opts: { step?: number; pauseMs?: number; maxSteps?: number } = {}): Promise<void> {
  const { step = 700, pauseMs = 150, maxSteps = 60 } = opts;
  for (let i = 0; i < maxSteps; i++) {
    const atEnd = await page.evaluate((dy) => {
      const before = scrollY;
      scrollBy(0, dy);
      return scrollY === before;
    }, step);
    if (atEnd) return;
    await readScreen(page, pauseMs);
  }
}
