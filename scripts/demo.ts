// `npm start`: Chromium with the built extension on a local demo feed (an X-like timeline served from
// this machine), printing each image's verdict as its badge settles. Headless unless a display exists.
// Images: --images DIR (yours); else, where the project's shared data exists, 12 validation images of
// its datasets/ai-vs-real (6 AI, 6 real) plus an original ComfyUI PNG; else (a fresh clone) pictures
// drawn by the tests' fixture code plus one carrying AI generator parameters. The first line says which.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { extname, join, basename } from 'node:path';
import { launchWithExtension } from '../test/e2e/harness/browser';
import { selfSignedCertificate } from '../test/e2e/harness/certificate';
import { repoRoot } from '../test/e2e/harness/paths';
import { declaredAiPng, drawImages } from '../test/fixtures/drawn-images';
import { datasetDir, hasShared, sharedDir, sharedPath } from '../test/shared-data';

interface DemoImage {
  file: string;
  /** Ground truth when known (dataset images). */
  truth?: 'ai' | 'real';
}

const IMAGE_TYPES: Record<string, string> = { '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.webp': 'image/webp', '.gif': 'image/gif', '.avif': 'image/avif' };

function datasetImages(perClass = 6): DemoImage[] {
  const dir = datasetDir;
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
  const declared = sharedPath('fixtures/provenance/generator-params/sdxl__comfyanonymous_ComfyUI_examples__lcm_lcm_basic_example.png');
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

/** Drawings (not photographs, not AI images: their model verdicts mean nothing) and one PNG that
 *  declares itself AI-generated in its metadata, so the demo shows a badge for each kind of evidence. */
async function drawnImages(): Promise<DemoImage[]> {
  const dir = join(repoRoot, '.cache/demo-images');
  const images: DemoImage[] = (await drawImages(dir, 8)).map((file) => ({ file }));
  const declared = join(dir, 'declared-ai-parameters.png');
  writeFileSync(declared, await declaredAiPng());
  return [...images, { file: declared }];
}

async function pickImages(dir: string | undefined): Promise<{ images: DemoImage[]; source: string }> {
  if (dir) return { images: folderImages(dir), source: `images from ${dir}` };
  if (hasShared && existsSync(datasetDir)) return { images: datasetImages(), source: `validation images from ${datasetDir} (with their true labels) and an original ComfyUI PNG` };
  return {
    images: await drawnImages(),
    source:
      `no shared data at ${sharedDir}, so these are pictures the demo drew itself (${join(repoRoot, '.cache/demo-images')}): ` +
      'neither photographs nor AI images, so their verdicts mean nothing; the PNG declares AI generator parameters. ' +
      'For real pictures: npm start -- --images ~/Pictures',
  };
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

function parseArgs(argv: string[]): { images?: string } {
  const i = argv.indexOf('--images');
  return { images: i >= 0 ? argv[i + 1] : undefined };
}

async function main(): Promise<void> {
  const { images: dir } = parseArgs(process.argv.slice(2));
  const { images, source } = await pickImages(dir);
  if (images.length === 0) {
    console.error(`demo: no images in ${dir}. Pass a folder of pictures: npm start -- --images ~/Pictures`);
    process.exit(2);
  }
  console.log(`demo: ${source}`);
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
  const ext = await launchWithExtension(port, join(repoRoot, 'dist/chrome'), { headless: !process.env.DISPLAY });
  const page = await ext.context.newPage();
  await page.goto('https://x.com/home');
  console.log(`demo: ${images.length} images on a local X-like timeline, extension ${ext.extensionId}\n`);
  const reported = new Set<number>();
  const started = Date.now();
  let checking = false;
  let checkingSince = 0;
  while (reported.size < images.length && Date.now() - started < 10 * 60_000) {
    // A reader's pace: the next screen only once this screen's checks are done, because the extension
    // withdraws checks whose image has scrolled away (on a busy machine the demo used to outrun them
    // and then wait out its time limit). From the end of the feed, back to the top for any missed.
    // A check that never settles (it has its own time limit) does not hold the demo for more than 30 s.
    if (!checking || Date.now() - checkingSince > 30_000) await page.evaluate(() => (scrollY + innerHeight >= document.documentElement.scrollHeight - 2 ? scrollTo(0, 0) : scrollBy(0, 350)));
    await page.waitForTimeout(400);
    const rows = await page.$$eval('dualsight-badge', (hosts) =>
      hosts.map((h) => ({
        src: h.getAttribute('data-dualsight-src') ?? '',
        state: h.getAttribute('data-dualsight'),
        label: h.getAttribute('aria-label') ?? '',
      })),
    );
    const nowChecking = rows.some((r) => r.state === 'checking');
    if (nowChecking && !checking) checkingSince = Date.now();
    checking = nowChecking;
    for (const r of rows) {
      const i = Number(/demo-(\d+)/.exec(r.src)?.[1] ?? NaN);
      if (Number.isNaN(i) || reported.has(i) || r.state === 'checking') continue;
      reported.add(i);
      const img = images[i]!;
      const truth = img.truth ? ` [truth: ${img.truth}]` : '';
      console.log(`${basename(img.file).slice(0, 60).padEnd(60)} ${r.label.replace(/^DualSight: /, '')}${truth}`);
    }
  }
  if (reported.size < images.length) console.log(`\ndemo: ${images.length - reported.size} of ${images.length} images got no verdict within 10 minutes`);
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
