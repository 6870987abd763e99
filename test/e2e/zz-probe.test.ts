import { it } from 'vitest';
import { launchWithExtension, readBadges } from './harness/browser';
import { startFixtureServer } from './harness/fixture-server';
import { scrollThrough } from './harness/scroll';
it('probe', async () => {
  const server = await startFixtureServer();
  const ext = await launchWithExtension(server.port);
  const page = await ext.context.newPage();
  await page.goto('https://www.reddit.com/r/pics/');
  await scrollThrough(page); await scrollThrough(page);
  await page.waitForTimeout(6000);
  console.log((await readBadges(page)).map((b) => `${b.state} ${b.src}`).join('\n'));
  console.log(await page.evaluate(() => { const i = document.querySelector('img[src*="broken-missing"]') as HTMLImageElement; const r = i.getBoundingClientRect(); return JSON.stringify({c: i.complete, nw: i.naturalWidth, w: r.width, h: r.height, cs: i.currentSrc}); }));
  await ext.close(); await server.close();
}, 120000);
