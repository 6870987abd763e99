// The extension's other paths end to end, in Chromium with dist/chrome loaded: right-click "Verify image"
// on a cross-origin image of a site without auto-scan, the popup's history (and that it survives a
// reload), a declared-AI PNG badged "AI (declared)" in the feed, and a service worker killed mid-feed
// without losing a verdict.
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readBadges, waitForSettledBadges } from './harness/browser';
import { withExtensionBrowser } from './harness/suite';

const suite = withExtensionBrowser();

/** The service worker now running (a killed one is replaced by a new one on the next event). */
async function worker() {
  const alive = suite.ext.context.serviceWorkers().filter((w) => w.url().startsWith(`chrome-extension://${suite.ext.extensionId}/`));
  return alive.at(-1) ?? suite.ext.context.waitForEvent('serviceworker', { timeout: 30_000 });
}

/** What a click on the context-menu item does, for the image `srcUrl` in the tab showing `pageUrl`. */
async function rightClickVerify(pageUrl: string, srcUrl: string): Promise<void> {
  const sw = await worker();
  await sw.evaluate(
    async ([page, src]) => {
      const [tab] = await chrome.tabs.query({ url: page });
      await (globalThis as unknown as { dualsight: { verifyImage(s: string, t?: number, f?: number): Promise<void> } }).dualsight.verifyImage(src, tab?.id, 0);
    },
    [pageUrl, srcUrl] as const,
  );
}

describe('right-click "Verify image with DualSight"', () => {
  let page: Page;
  afterAll(() => page?.close());

  it('checks a cross-origin (CDN) image on a site without auto-scan and shows the result beside it', async () => {
    page = await suite.ext.context.newPage();
    await page.goto('https://example.org/');
    await page.waitForTimeout(1_000);
    // Auto-scan is off on other sites: nothing is badged by itself.
    expect(await readBadges(page)).toEqual([]);
    const src = await page.$eval('#cross-origin', (img) => (img as HTMLImageElement).currentSrc);
    expect(new URL(src).host).not.toBe('example.org');
    await rightClickVerify('https://example.org/*', src);
    const [badge] = await waitForSettledBadges(page, 1, 120_000);
    expect(badge!.state, badge!.error ?? '').toBe('done');
    expect(badge!.src).toBe(src);
    expect(badge!.ai).toMatch(/^(0|1)\.\d\d$/);
  }, 180_000);
});

describe('popup history', () => {
  it('lists the checked image with its verdict, and still does after a reload', async () => {
    const popup = await suite.ext.context.newPage();
    await popup.goto(`chrome-extension://${suite.ext.extensionId}/popup.html`);
    const entry = popup.locator('li.entry').first();
    await entry.waitFor({ timeout: 30_000 });
    const before = await popup.locator('li.entry').count();
    expect(before).toBeGreaterThanOrEqual(1);
    await expect.poll(() => entry.locator('.verdict').textContent()).toMatch(/AI|real|Unsure|declared|Camera/i);
    expect(await popup.locator('li.entry .meta').first().textContent()).toMatch(/right-click/);
    // The thumbnail is drawn from the same decode as the model's pixels.
    expect(await entry.locator('img.thumb').getAttribute('src')).toMatch(/^data:image\/jpeg;base64,/);
    await popup.reload();
    await popup.locator('li.entry').first().waitFor({ timeout: 30_000 });
    expect(await popup.locator('li.entry').count()).toBe(before);
    await popup.close();
  }, 60_000);
});

describe('provenance in the feed', () => {
  it('badges a PNG that carries its generator parameters "AI (declared)"', async () => {
    const page = await suite.ext.context.newPage();
    await page.goto('https://x.com/home');
    await page.evaluate(() => {
      const cell = document.createElement('div');
      cell.setAttribute('data-testid', 'cellInnerDiv');
      cell.innerHTML = `<article data-testid="tweet" role="article"><div data-testid="tweetPhoto" class="photo">
        <img id="declared" alt="Image" src="https://pbs.twimg.com/media/declared-ai?format=png&name=small" style="width:400px;height:400px"></div></article>`;
      document.querySelector('[data-testid="cellInnerDiv"]')!.before(cell);
      scrollTo(0, 0);
    });
    await page.waitForFunction(() => {
      const host = document.querySelector('#declared')?.parentElement?.querySelector('dualsight-badge');
      return host && host.getAttribute('data-dualsight') !== 'checking';
    }, undefined, { timeout: 120_000 });
    const host = page.locator('#declared + dualsight-badge, #declared ~ dualsight-badge').first();
    expect(await host.getAttribute('data-dualsight')).toBe('done');
    expect(await host.getAttribute('data-dualsight-verdict')).toBe('declared-ai');
    expect(await host.getAttribute('aria-label')).toMatch(/declared/i);
    await page.close();
  }, 150_000);
});

describe('service worker killed mid-feed', () => {
  it('loses no verdict: every image the feed showed still ends with a badge', async () => {
    const page = await suite.ext.context.newPage();
    await page.goto('https://www.reddit.com/');
    const cdp = await suite.ext.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    // A mark in the running worker's global scope: a restarted worker does not have it.
    await (await worker()).evaluate(() => ((globalThis as { killMark?: number }).killMark = 1));
    // Scroll the feed, killing the worker while checks are in flight.
    let killed = 0;
    for (let i = 0; i < 10; i++) {
      await page.evaluate(() => scrollBy(0, 500));
      await page.waitForTimeout(300);
      const checking = await page.locator('dualsight-badge[data-dualsight="checking"]').count();
      if (checking > 0 && killed < 2) {
        await cdp.send('ServiceWorker.stopAllWorkers');
        killed++;
      }
    }
    expect(killed).toBeGreaterThan(0);
    const wokenAgain = await page.waitForFunction(() => true).then(() => worker());
    await page.evaluate(() => scrollBy(0, 200));
    // The worker answering now is a new instance: it never saw the mark (it may itself be stopping, in which
    // case the next one is asked).
    const mark = await wokenAgain.evaluate(() => (globalThis as { killMark?: number }).killMark ?? 0).catch(async () => (await worker()).evaluate(() => (globalThis as { killMark?: number }).killMark ?? 0));
    expect(mark).toBe(0);
    const total = await page.locator('dualsight-badge').count();
    const badges = await waitForSettledBadges(page, total, 150_000);
    const notDone = badges.filter((b) => b.state !== 'done' && !/broken|missing/.test(b.src ?? ''));
    expect(notDone.map((b) => `${b.src}: ${b.error}`)).toEqual([]);
    await page.close();
  }, 240_000);
});
