// The feed end to end, in Chromium with dist/chrome loaded and the fixture sites served locally:
// every eligible image gets a verdict, avatars/emoji/small images get none, recycled nodes get a fresh
// verdict, broken media end "failed" with a reason while the rest of the feed goes on, SPA navigation
// and right-click "Verify image" on a site without auto-scan.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readBadges, waitForSettledBadges, type BadgeInfo } from './harness/browser';
import { withExtensionBrowser } from './harness/suite';
import { readScreen, scrollThrough } from './harness/scroll';

const suite = withExtensionBrowser();

/** The media name a badge speaks for: ".../media/ds01?format=jpg" -> "ds01", ".../ds01.jpeg?w=640" -> "ds01". */
const media = (b: BadgeInfo): string => new URL(b.src!).pathname.split('/').pop()!.replace(/\.\w+$/, '');

function expectDone(b: BadgeInfo): void {
  expect(b.state, `${b.src}: ${b.error}`).toBe('done');
  expect(b.ai).toMatch(/^(0|1)\.\d\d$/);
  expect(b.objects).not.toBeNull();
  expect(b.label).toMatch(/^DualSight: .*(AI-generated|camera-signed).*; (objects: |no objects)/);
  // The badge speaks for the picture its image shows now, and sits right beside it.
  expect(b.imageSrc).toBe(b.src);
}

async function open(url: string): Promise<Page> {
  const page = await suite.ext.context.newPage();
  await page.goto(url);
  return page;
}

describe('X timeline', () => {
  let page: Page;
  beforeAll(async () => {
    page = await open('https://x.com/home');
  });
  afterAll(() => page.close());

  it('checks post photos and cards, skips avatars, emoji and small images, fails broken media', async () => {
    // The static tweets are about eight screens tall; the virtual list begins after them.
    const staticEnd = await page.evaluate(() => document.getElementById('virtual-timeline')!.offsetTop);
    for (let y = 0; y < staticEnd; y += 600) {
      await page.evaluate((top) => scrollTo(0, top), y);
      await readScreen(page);
    }
    await waitForSettledBadges(page, 10);
    const badges = (await readBadges(page)).filter((b) => !b.src!.includes('ds09') && !b.src!.includes('ds1'));
    const byName = new Map(badges.map((b) => [media(b), b]));
    expect([...byName.keys()].sort()).toEqual(
      ['broken-empty', 'broken-missing', 'broken-notimage', 'broken-truncated', 'ds01', 'ds02', 'ds03', 'ds04', 'ds07', 'ds08'],
    );
    for (const name of ['ds01', 'ds02', 'ds03', 'ds04', 'ds07', 'ds08']) expectDone(byName.get(name)!);
    for (const name of ['broken-empty', 'broken-missing', 'broken-notimage', 'broken-truncated']) {
      const b = byName.get(name)!;
      expect(b.state, name).toBe('failed');
      expect(b.error, name).toBeTruthy();
    }
    // Nothing beside avatars, emoji or the 64 px quoted thumbnail (ds06).
    const all = await readBadges(page);
    expect(all.filter((b) => /profile_images|emoji|ds06/.test(b.src!))).toEqual([]);
  }, 150_000);

  it('gives a recycled node a fresh verdict for its new picture', async () => {
    const seen = new Map<string, Set<string>>(); // cell -> pictures its badge spoke for
    const record = async () => {
      const cells = await page.$$eval('[data-cell] dualsight-badge', (hosts) =>
        hosts.map((h) => ({ cell: h.closest('[data-cell]')!.getAttribute('data-cell')!, src: h.getAttribute('data-dualsight-src')! })));
      for (const { cell, src } of cells) seen.set(cell, (seen.get(cell) ?? new Set()).add(src));
    };
    for (let i = 0; i < 12; i++) {
      await page.evaluate(() => scrollBy(0, 420));
      await page.waitForTimeout(200);
      await page.waitForFunction(() => ![...document.querySelectorAll('[data-cell] dualsight-badge')].some((h) => h.getAttribute('data-dualsight') === 'checking'), null, { timeout: 60_000 });
      await record();
    }
    expect([...seen.values()].some((s) => s.size >= 2)).toBe(true);
    const cellBadges = (await readBadges(page)).filter((b) => /ds(09|1[0-6])/.test(b.src!));
    expect(cellBadges.length).toBeGreaterThan(0);
    for (const b of cellBadges) expectDone(b);
    // One picture, one verdict, whichever node showed it.
    const scores = new Map<string, Set<string>>();
    for (const b of await readBadges(page)) if (b.state === 'done') scores.set(b.src!, (scores.get(b.src!) ?? new Set()).add(b.ai!));
    for (const [src, s] of scores) expect(s.size, src).toBe(1);
  }, 150_000);

  it('checks the new timeline after SPA navigation and drops the old badges', async () => {
    await page.click('[data-testid="AppTabBar_Explore_Link"]');
    expect(new URL(page.url()).pathname).toBe('/explore');
    const badges = await waitForSettledBadges(page, 3);
    expect(badges.map(media).sort()).toEqual(['ds17', 'ds18', 'ds19']);
    badges.forEach(expectDone);
  }, 120_000);
});

describe('Reddit', () => {
  it('new Reddit: post images, gallery slides, link previews and appended posts; icons skipped; a 404 fails', async () => {
    const page = await open('https://www.reddit.com/r/pics/');
    await scrollThrough(page);
    await scrollThrough(page); // the feed appended posts at its end
    await page.locator('gallery-carousel .next').click();
    const badges = await waitForSettledBadges(page, 10);
    const byName = new Map(badges.map((b) => [media(b), b]));
    // ds04, the gallery's third slide, touches the visible slide's edge: IntersectionObserver counts it.
    expect([...byName.keys()].filter((n) => n !== 'ds04').sort()).toEqual(['broken-missing', 'ds01', 'ds02', 'ds03', 'ds05', 'ds06', 'ds07', 'ds08', 'ds09']);
    for (const [name, b] of byName) {
      if (name === 'broken-missing') expect(b.state).toBe('failed');
      else expectDone(b);
    }
    // srcset: the badge names the source the browser picked.
    expect(byName.get('ds01')!.src).toContain('preview.redd.it/ds01.jpeg?width=');
    await page.close();
  }, 150_000);

  it('old Reddit: expanded previews, not the 70 px thumbnails; a collapsed one once expanded', async () => {
    const page = await open('https://old.reddit.com/r/pics/');
    const first = await waitForSettledBadges(page, 1);
    expect(first.map(media)).toEqual(['ds10']);
    await page.locator('.id-t3_o2 .expando-button').click();
    const badges = await waitForSettledBadges(page, 2);
    expect(badges.map(media).sort()).toEqual(['ds10', 'ds11']);
    badges.forEach(expectDone);
    expect(badges.every((b) => b.src!.startsWith('https://preview.redd.it/'))).toBe(true);
    await page.close();
  }, 120_000);
});

describe('right-click "Verify image" on a site without auto-scan', () => {
  const verify = (srcUrl: string) =>
    suite.ext.serviceWorker.evaluate(async (src) => {
      const [tab] = await chrome.tabs.query({ url: 'https://example.org/*' });
      return chrome.tabs.sendMessage(tab!.id!, { dualsight: 1, target: 'content', type: 'verify-image', data: { srcUrl: src } });
    }, srcUrl);

  it('badges the image it was asked about, and only that one', async () => {
    const page = await open('https://example.org/');
    await page.waitForTimeout(1500);
    expect(await readBadges(page)).toEqual([]); // auto-scan is off on unknown sites
    const src = 'https://cdn.example.net/photos/ds12.jpg';
    await page.locator('#cross-origin').click({ button: 'right' }).catch(() => undefined);
    expect(await verify(src)).toEqual({ ok: true, value: { found: true } });
    const [badge] = await waitForSettledBadges(page, 1);
    expectDone(badge!);
    expect(badge!.src).toBe(src);
    expect(await verify('https://cdn.example.net/photos/nowhere.jpg')).toEqual({ ok: true, value: { found: false } });
    await page.close();
  }, 120_000);
});
