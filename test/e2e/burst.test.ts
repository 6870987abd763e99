// A burst: a grid of 40 feed images in view at once on a cold browser (X media tabs, Reddit galleries,
// image search look like this). Every image must end "done": a check waiting its turn behind the others
// never fails by waiting (src/background/infer-queue.ts). Speed is the bench's business (npm run bench).
import { describe, expect, it } from 'vitest';
import { readBadges } from './harness/browser';
import { withExtensionBrowser } from './harness/suite';

const BURST = 40;
const suite = withExtensionBrowser();

describe('a burst of feed images in view at once', () => {
  it(`checks all ${BURST}, none "could not check"`, async () => {
    const page = await suite.ext.context.newPage();
    await page.goto('https://x.com/home');
    const t0 = Date.now();
    await page.evaluate((n) => {
      const grid = document.createElement('div');
      grid.style.cssText = 'position:fixed;inset:0;z-index:9;background:#fff;display:flex;flex-wrap:wrap;gap:2px;align-content:flex-start';
      for (let i = 0; i < n; i++) {
        // 24 dataset pictures; repeats get a query of their own, so each is a separate check. The first is
        // a PNG that declares itself AI-generated, so the toolbar has a likely-AI count whatever the model
        // makes of the pictures (drawn ones, without the shared data, are graphics it does not score).
        const id = i === 0 ? 'declared-ai' : `ds${String((i % 24) + 1).padStart(2, '0')}`;
        grid.insertAdjacentHTML(
          'beforeend',
          `<article data-testid="tweet" role="article" style="width:120px;height:120px"><div data-testid="tweetPhoto">
             <img alt="Image" src="https://pbs.twimg.com/media/${id}?format=jpg&name=small&burst=${i}" style="width:120px;height:120px;object-fit:cover"></div></article>`,
        );
      }
      document.body.append(grid);
    }, BURST);
    // The timeline under the grid has badges of its own (some of its media are broken on purpose).
    const ours = async () => (await readBadges(page)).filter((b) => b.src?.includes('burst='));
    await expect
      .poll(async () => (await ours()).filter((b) => b.state !== 'checking').length, { timeout: 300_000, interval: 250 })
      .toBeGreaterThanOrEqual(BURST);
    const seconds = (Date.now() - t0) / 1000;
    const badges = await ours();
    const failed = badges.filter((b) => b.state !== 'done');
    expect(failed.map((b) => `${b.src}: ${b.error}`)).toEqual([]);
    expect(new Set(badges.map((b) => b.src)).size).toBe(BURST);
    // The toolbar icon counts this tab's likely-AI verdicts, out of the page's reach (a page can draw a
    // fake badge; it cannot change this count).
    await expect.poll(() => page.evaluate(() => [...document.querySelectorAll('[data-dualsight]')].every((h) => h.getAttribute('data-dualsight') !== 'checking')), { timeout: 120_000 }).toBe(true);
    const aiOnPage = await page.evaluate(() => [...document.querySelectorAll('[data-dualsight-verdict]')].filter((h) => /^(ai|declared-ai)$/.test(h.getAttribute('data-dualsight-verdict')!)).length);
    const toolbar = () =>
      suite.ext.serviceWorker.evaluate(async () => {
        const [tab] = await chrome.tabs.query({ url: 'https://x.com/*' });
        return { text: await chrome.action.getBadgeText({ tabId: tab!.id! }), title: await chrome.action.getTitle({ tabId: tab!.id! }) };
      });
    expect(aiOnPage).toBeGreaterThan(0);
    // The count is updated as each answer leaves the worker: the last one may land a moment after its badge.
    await expect.poll(async () => (await toolbar()).text, { timeout: 10_000 }).toBe(String(aiOnPage));
    expect((await toolbar()).title).toMatch(new RegExp(`checked in this tab since the page loaded, ${aiOnPage} likely AI`));
    console.log(`burst: ${BURST} images settled in ${seconds.toFixed(1)} s (${((seconds * 1000) / BURST).toFixed(0)} ms per image, cold browser)`);
    await page.close();
  }, 360_000);
});
