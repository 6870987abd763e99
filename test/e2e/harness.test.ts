// The harness itself, without the extension: the fixture server answers for every host through
// Chromium's resolver rules, serves real dataset images and the broken ones, and the fixture pages run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { launchChromium } from './harness/browser';
import { startFixtureServer, type FixtureServer } from './harness/fixture-server';

let server: FixtureServer;
let browser: { context: BrowserContext; close(): Promise<void> };

beforeAll(async () => {
  server = await startFixtureServer();
  browser = await launchChromium(server.port);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const loaded = (sel: string) => `[...document.querySelectorAll(${JSON.stringify(sel)})].map((i) => i.complete && i.naturalWidth > 0)`;

describe('fixture harness', () => {
  it('serves the X imitation with real media and broken media', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://x.com/home');
    expect(await page.locator('article[data-testid="tweet"]').count()).toBe(7 + 6); // static + virtual cells
    await page.waitForFunction(() => [...document.images].filter((i) => !i.loading || i.loading !== 'lazy').every((i) => i.complete));
    const first = await page.evaluate(() => (document.querySelector('[data-testid="tweetPhoto"] img') as HTMLImageElement).naturalWidth);
    expect(first).toBeGreaterThan(96);
    const broken = await page.evaluate(loaded('img[src*="broken-"]'));
    // The truncated JPEG has its size in its headers (the <img> knows it) but no pixel data at all.
    expect(broken).toEqual([true, false, false, false]);
    // Fetched by the page, so that Chromium's resolver rules apply (Playwright's own requests bypass them).
    const status = await page.evaluate(async () => (await fetch('https://pbs.twimg.com/media/broken-missing?format=jpg')).status);
    expect(status).toBe(404);
    await page.close();
  });

  it('recycles virtual cells by swapping src and navigates as an SPA', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://twitter.com/home');
    const cell = page.locator('[data-cell="0"] .photo-img');
    const before = await cell.getAttribute('src');
    await page.evaluate(() => scrollTo(0, document.body.scrollHeight));
    await page.waitForFunction((b) => document.querySelector('[data-cell="0"] .photo-img')?.getAttribute('src') !== b, before);
    await page.click('[data-testid="AppTabBar_Explore_Link"]');
    expect(new URL(page.url()).pathname).toBe('/explore');
    expect(await page.locator('[data-cell]').count()).toBe(0);
    expect(await page.locator('article[data-testid="tweet"]').count()).toBe(3);
    await page.close();
  });

  it('serves Reddit (new and old) and the generic site with cross-origin media', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://www.reddit.com/r/pics/');
    expect(await page.locator('shreddit-post').count()).toBe(4);
    await page.goto('https://old.reddit.com/r/pics/');
    expect(await page.locator('.thing').count()).toBe(2);
    await page.goto('https://example.org/');
    await page.waitForFunction(() => [...document.images].every((i) => i.complete));
    expect(await page.evaluate(loaded('#cross-origin, #same-origin, #upscaled'))).toEqual([true, true, true]);
    expect(await page.evaluate(() => (document.getElementById('upscaled') as HTMLImageElement).naturalWidth)).toBe(32);
    await page.close();
  });
});
