// `npm start`: Chromium with the built extension on a local demo feed (an X-like timeline served from
// this machine), printing each image's verdict as its badge settles, then a summary. Headless unless a
// display exists. Exits 1 when an image was never checked within --timeout seconds (default 120).
// Images: --images DIR (yours); else, where the project's shared data exists, 12 validation images of
// its datasets/ai-vs-real (6 AI, 6 real), a human-made screenshot, chart and meme, plus an original ComfyUI PNG; else (a fresh clone) pictures
// drawn by the tests' fixture code plus one carrying AI generator parameters. The first line says which.
import { basename } from 'node:path';
import { launchWithExtension } from '../test/e2e/harness/browser';
import { chromeDist } from '../test/e2e/harness/paths';
import { pickImages, serveFeed } from './demo-feed';
import { watchFeed, type Outcome } from './demo-watch';

function parseArgs(argv: string[]): { images?: string; timeoutS: number } {
  const value = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const timeoutS = Number(value('--timeout') ?? 120);
  if (!(timeoutS > 0)) throw new Error('--timeout takes a number of seconds');
  return { images: value('--images'), timeoutS };
}

async function main(): Promise<void> {
  const { images: dir, timeoutS } = parseArgs(process.argv.slice(2));
  const { images, source } = await pickImages(dir);
  if (images.length === 0) {
    console.error(`demo: no images in ${dir}. Pass a folder of pictures: npm start -- --images ~/Pictures`);
    process.exit(2);
  }
  console.log(`demo: ${source}`);
  const { server, port } = await serveFeed(images);
  const ext = await launchWithExtension(port, chromeDist, { headless: !process.env.DISPLAY });
  const page = await ext.context.newPage();
  await page.goto('https://x.com/home');
  console.log(`demo: ${images.length} images on a local X-like timeline, extension ${ext.extensionId}\n`);
  const line = (o: Outcome): void => {
    const img = images[o.index]!;
    const truth = img.truth ? ` [truth: ${img.truth}]` : '';
    console.log(`${o.at.toFixed(1).padStart(5)} s  ${basename(img.file).slice(0, 50).padEnd(50)} ${o.label}${truth}`);
  };
  const { outcomes, revisited, seconds } = await watchFeed(page, images.length, timeoutS * 1000, line);
  const done = [...outcomes.values()].filter((o) => o.state === 'done').length;
  const unchecked = images.map((img, i) => (outcomes.has(i) ? undefined : basename(img.file))).filter((n) => n !== undefined);
  for (const name of unchecked) console.log(`    -    ${name.slice(0, 50).padEnd(50)} never checked`);
  console.log(
    `\ndemo: ${images.length} images in ${seconds.toFixed(1)} s: ${done} checked, ${outcomes.size - done} failed, ${unchecked.length} unchecked` +
      (revisited ? ` (${revisited} scrolled back into view)` : ''),
  );
  process.exitCode = unchecked.length > 0 ? 1 : 0;
  if (process.env.DISPLAY && !process.argv.includes('--exit')) {
    console.log('\ndemo: the browser stays open; press Ctrl+C to quit.');
    return;
  }
  await ext.close();
  server.close();
}

main().catch((err) => {
  console.error('demo failed:', err);
  process.exit(1);
});
