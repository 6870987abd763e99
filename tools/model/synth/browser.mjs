// One headless Chromium for the whole run (the machine has 2 shared cores), one reused page per
// device scale factor (it is fixed per browser context). Pages are rendered from HTML strings with
// every asset inline (data: URLs), so nothing is fetched and nothing depends on timing.
import { chromium } from 'playwright-core';

const EXECUTABLE = process.env.DUALSIGHT_CHROMIUM || '/usr/bin/chromium';

// No animation, caret or scrollbar that could differ between two runs of the same page.
const STILL = '<style>*,*::before,*::after{animation:none!important;transition:none!important;caret-color:transparent!important}::-webkit-scrollbar{display:none}</style>';

export async function openBrowser() {
  const browser = await chromium.launch({
    executablePath: EXECUTABLE,
    args: ['--font-render-hinting=none', '--disable-lcd-text', '--force-color-profile=srgb', '--hide-scrollbars'],
  });
  const pages = new Map();
  async function pageFor(dsf) {
    if (!pages.has(dsf)) {
      const ctx = await browser.newContext({ deviceScaleFactor: dsf, viewport: { width: 800, height: 600 }, javaScriptEnabled: false });
      pages.set(dsf, await ctx.newPage());
    }
    return pages.get(dsf);
  }
  return {
    /** PNG of the page at width x height CSS px (fullPage: the whole document, at least that tall). */
    async shoot(html, { width, height, dsf = 1, fullPage = false }) {
      const page = await pageFor(dsf);
      await page.setViewportSize({ width, height });
      await page.setContent(STILL + html, { waitUntil: 'load' });
      // Inline web fonts (theme.mjs) may still be decoding at "load".
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      return page.screenshot({ type: 'png', fullPage, animations: 'disabled', caret: 'hide' });
    },
    close: () => browser.close(),
  };
}
