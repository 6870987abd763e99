// `npm start`: Chromium with the built extension on a local demo feed (an X-like timeline served from
// this machine), printing each image's verdict as its badge settles, then a summary. Headless unless a
// display exists. Exits 1 when an image was never checked within --timeout seconds (default 120).
// Images: --images DIR (yours), else 12 validation images of ../shared/datasets/ai-vs-real (6 AI, 6 real)
// plus an original ComfyUI PNG from ../shared/fixtures when this project's shared folder is beside it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { extname, join, basename } from 'node:path';
import { launchWithExtension } from '../test/e2e/harness/browser';
import { selfSignedCertificate } from '../test/e2e/harness/certificate';
import { chromeDist, repoRoot, sharedDir } from '../test/e2e/harness/paths';
import { watchFeed, type Outcome } from './demo-watch';

interface DemoImage {
  file: string;
  /** Ground truth when known (dataset images). */
  truth?: 'ai' | 'real';
}

const IMAGE_TYPES: Record<string, string> = { '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.webp': 'image/webp', '.gif': 'image/gif', '.avif': 'image/avif' };

function datasetImages(perClass = 6): DemoImage[] {
  const dir = join(sharedDir, 'datasets/ai-vs-real');
  const [header, ...rows] = readFileSync(join(dir, 'manifest.csv'), 'utf8').trim().split('\n');
  const cols = header!.split(',');
  const col = (f: string[], name: string) => f[cols.indexOf(name)]!;
  const out: DemoImage[] = [];
  const count = { ai: 0, real: 0 };
  // Every 37th validation image: a spread of sources rather than the first rows of one group.
  rows.forEach((row, i) => {
    const f = row.split(',');
    const label = col(f, 'label') as 'ai' | 'real';
    if (col(f, 'split') !== 'val' || i % 37 !== 0 || count[label] >= perClass) return;
    count[label]++;
    out.push({ file: join(dir, 'images', label, col(f, 'file')), truth: label });
  });
  const declared = join(sharedDir, 'fixtures/provenance/generator-params/sdxl__comfyanonymous_ComfyUI_examples__lcm_lcm_basic_example.png');
  if (existsSync(declared)) out.push({ file: declared, truth: 'ai' });
  return out;
}

function folderImages(dir: string, max = 60): DemoImage[] {
  const out: DemoImage[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (IMAGE_TYPES[extname(name).toLowerCase()] && out.length < max) out.push({ file: p });
    }
  };
  walk(dir);
  return out;
}

function timeline(images: DemoImage[]): string {
  const tweets = images
    .map(
      (_, i) => `<div data-testid="cellInnerDiv"><article data-testid="tweet" role="article">
  <div class="who"><img class="avatar" alt="" src="https://pbs.twimg.com/profile_images/1/avatar_normal.png" width="40" height="40"><b>Demo account ${i + 1}</b></div>
  <p>Post ${i + 1}</p>
  <div data-testid="tweetPhoto"><img alt="Image" src="https://pbs.twimg.com/media/demo-${i}?format=jpg&amp;name=small"></div>
</article></div>`,
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Home / X (DualSight demo)</title>
<style>body{font:15px system-ui;max-width:600px;margin:0 auto;background:#fff}article{border-bottom:1px solid #eee;padding:12px}
.who{display:flex;gap:8px;align-items:center}.avatar{border-radius:50%}[data-testid=tweetPhoto] img{width:100%;max-height:520px;object-fit:cover;border-radius:16px}</style>
</head><body><main role="main"><div aria-label="Timeline: Your Home Timeline">${tweets}</div></main></body></html>`;
}

function parseArgs(argv: string[]): { images?: string; timeoutS: number } {
  const value = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  const timeoutS = Number(value('--timeout') ?? 120);
  if (!(timeoutS > 0)) throw new Error('--timeout takes a number of seconds');
  return { images: value('--images'), timeoutS };
}

async function main(): Promise<void> {
  const { images: dir, timeoutS } = parseArgs(process.argv.slice(2));
  const images = dir ? folderImages(dir) : existsSync(join(sharedDir, 'datasets/ai-vs-real')) ? datasetImages() : [];
  if (images.length === 0) {
    console.error('demo: no images. Pass a folder of pictures: npm start -- --images ~/Pictures');
    process.exit(2);
  }
  const avatar = readFileSync(join(repoRoot, 'icons/icon-48.png'));
  const server = createServer(selfSignedCertificate(['x.com', 'pbs.twimg.com']), (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const url = new URL(req.url ?? '/', `https://${host}`);
    const send = (status: number, type: string, body: Buffer | string) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'access-control-allow-origin': '*', 'cross-origin-resource-policy': 'cross-origin' });
      res.end(body);
    };
    if (host === 'x.com') return send(200, 'text/html; charset=utf-8', timeline(images));
    if (url.pathname.startsWith('/profile_images/')) return send(200, 'image/png', avatar);
    const m = /\/media\/demo-(\d+)$/.exec(url.pathname);
    const img = m ? images[Number(m[1])] : undefined;
    if (!img) return send(404, 'text/plain', 'not found');
    send(200, IMAGE_TYPES[extname(img.file).toLowerCase()] ?? 'application/octet-stream', readFileSync(img.file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
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
