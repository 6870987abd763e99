// The README's screenshots, from headless Chromium with the built extension on the demo feed:
//   docs/feed-badges.png   two posts, one badged likely AI and one likely real
//   docs/detail-card.png   the detail card of a badge in the lower half (opens above it)
//   docs/graphic-badge.png a human-made graphic (chart, screenshot) badged "Graphic · not scored"
//   docs/popup-history.png the toolbar popup's history after the feed was checked
//   docs/popup-settings.png its settings: the user's mark, what history keeps
// PNGs are palette-quantised with sharp so each stays under 300 KB. Needs this project's shared dataset.
// Run: node build.mjs --no-zip && node scripts/screenshots.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { launchWithExtension } from '../test/e2e/harness/browser';
import { chromeDist, repoRoot } from '../test/e2e/harness/paths';
import { datasetImages, serveFeed } from './demo-feed';
import { watchFeed } from './demo-watch';

const MAX_BYTES = 300 * 1024;
const docs = join(repoRoot, 'docs');

/** The images shown first, by their dataset file name: an AI image and a photo the model calls so. */
const FIRST = ['dalle3__', 'food-101__'];

async function save(name: string, png: Buffer): Promise<void> {
  for (const colours of [256, 128, 64]) {
    const out = await sharp(png).png({ palette: true, colours, compressionLevel: 9, effort: 10 }).toBuffer();
    if (out.length <= MAX_BYTES) {
      writeFileSync(join(docs, name), out);
      console.log(`screenshots: docs/${name} ${(out.length / 1024).toFixed(0)} KB`);
      return;
    }
  }
  throw new Error(`${name}: over ${MAX_BYTES} bytes even at 64 colours`);
}

const badgeOf = (page: Page, index: number) => page.locator(`[data-dualsight-src*="/media/demo-${index}?"]`);

async function main(): Promise<void> {
  const all = datasetImages();
  const first = FIRST.map((p) => all.find((i) => basename(i.file).startsWith(p)));
  if (first.some((i) => !i)) throw new Error(`the dataset sample has no ${FIRST.join(' / ')} image`);
  const images = [...(first as typeof all), ...all.filter((i) => !first.includes(i))];
  const declared = images.findIndex((i) => basename(i.file).startsWith('sdxl__comfyanonymous'));
  mkdirSync(docs, { recursive: true });

  const { server, port } = await serveFeed(images, 'height:300px');
  const ext = await launchWithExtension(port, chromeDist);
  try {
    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 640, height: 820 });
    await page.goto('https://x.com/home');
    const { outcomes } = await watchFeed(page, images.length, 120_000, () => {});
    if (outcomes.size < images.length) throw new Error(`only ${outcomes.size} of ${images.length} images were checked`);

    await page.evaluate(() => scrollTo(0, 0));
    const verdicts = await Promise.all([0, 1].map((i) => badgeOf(page, i).getAttribute('data-dualsight-verdict')));
    if (verdicts.join() !== 'ai,real') throw new Error(`the first two posts read ${verdicts.join(', ')}, not likely AI and likely real`);
    await page.waitForTimeout(300);
    await save('feed-badges.png', await page.screenshot());

    // A badge in the lower half of the window: its card must open above it, not over it.
    const target = declared >= 0 ? declared : 1;
    await badgeOf(page, target).evaluate((h) => {
      const y = h.getBoundingClientRect().top + scrollY;
      scrollTo(0, y - innerHeight * 0.62);
    });
    await page.waitForTimeout(300);
    // The badge is in a closed shadow root (no selector reaches it): click where it is drawn, 6 px in
    // from its host's top-left corner (badge-style.ts).
    const box = (await badgeOf(page, target).boundingBox())!;
    await page.mouse.click(box.x + 24, box.y + 17);
    await page.waitForTimeout(500);
    await save('detail-card.png', await page.screenshot());

    // A graphic in the sample (the dataset's val split has screenshots and charts): "Graphic · not scored".
    const graphic = page.locator('[data-dualsight-verdict="unscored"]').first();
    if (await graphic.count()) {
      await page.keyboard.press('Escape');
      await graphic.evaluate((h) => scrollTo(0, h.getBoundingClientRect().top + scrollY - 60));
      await page.waitForTimeout(300);
      await save('graphic-badge.png', await page.screenshot({ clip: { x: 0, y: 0, width: 640, height: 420 } }));
    } else {
      throw new Error('no image of the sample was badged "not scored": pick a sample with a graphic');
    }

    const popup = await ext.context.newPage();
    // The popup's own size (popup.css: 380 px wide, a fixed 560 px tall with the list scrolling inside).
    await popup.setViewportSize({ width: 380, height: 580 });
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    // By default history keeps the feed images judged likely AI or declared AI (and every right-click).
    await popup.locator('li.entry').first().waitFor();
    await popup.evaluate(() => document.fonts.ready);
    await popup.waitForTimeout(500); // thumbnails decode
    await save('popup-history.png', await popup.screenshot());
    await popup.locator('#tab-settings').click();
    await popup.locator('legend', { hasText: 'History and privacy' }).waitFor();
    await popup.locator('legend', { hasText: 'History and privacy' }).evaluate((l) => l.scrollIntoView({ block: 'center' }));
    await save('popup-settings.png', await popup.screenshot());
  } finally {
    await ext.close();
    server.close();
  }
}

main().catch((err) => {
  console.error('screenshots failed:', err);
  process.exit(1);
});
