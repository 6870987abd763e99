// The demo's local X-like timeline: its images (a dataset sample or a folder of the user's) and an
// HTTPS server answering for x.com and pbs.twimg.com, which Chromium resolves to it. Used by `npm start`
// (scripts/demo.ts) and the README screenshots (scripts/screenshots.ts).
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { selfSignedCertificate } from '../test/e2e/harness/certificate';
import { repoRoot } from '../test/e2e/harness/paths';
import { declaredAiPng, drawImages } from '../test/fixtures/drawn-images';
import { datasetDir, hasShared, sharedDir, sharedPath } from '../test/shared-data';

export interface DemoImage {
  file: string;
  /** Ground truth when known (dataset images). */
  truth?: 'ai' | 'real';
}

const IMAGE_TYPES: Record<string, string> = { '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.webp': 'image/webp', '.gif': 'image/gif', '.avif': 'image/avif' };

export function datasetImages(perClass = 6): DemoImage[] {
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
  // What feeds are full of besides photos: one human-made screenshot, chart and meme (their kinds).
  for (const kind of ['screenshot', 'chart', 'meme']) {
    const f = rows.map((r) => r.split(',')).find((f) => col(f, 'split') === 'val' && col(f, 'label') === 'real' && col(f, 'kind') === kind && Number(col(f, 'width')) >= 300);
    if (f) out.push({ file: join(dir, 'images', 'real', col(f, 'file')), truth: 'real' });
  }
  const declared = sharedPath('fixtures/provenance/generator-params/sdxl__comfyanonymous_ComfyUI_examples__lcm_lcm_basic_example.png');
  if (existsSync(declared)) out.push({ file: declared, truth: 'ai' });
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

/** The user's folder, else the shared dataset sample, else drawn pictures; `source` says which, in words. */
export async function pickImages(dir: string | undefined): Promise<{ images: DemoImage[]; source: string }> {
  if (dir) return { images: folderImages(dir), source: `images from ${dir}` };
  if (hasShared && existsSync(datasetDir)) return { images: datasetImages(), source: `validation images from ${datasetDir} (photos, AI images and a human-made screenshot, chart and meme, with their true labels) and an original ComfyUI PNG` };
  return {
    images: await drawnImages(),
    source:
      `no shared data at ${sharedDir}, so these are pictures the demo drew itself (${join(repoRoot, '.cache/demo-images')}): ` +
      'neither photographs nor AI images, so their verdicts mean nothing; the PNG declares AI generator parameters. ' +
      'For real pictures: npm start -- --images ~/Pictures',
  };
}

export function folderImages(dir: string, max = 60): DemoImage[] {
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

function timeline(images: DemoImage[], imageCss: string): string {
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
.who{display:flex;gap:8px;align-items:center}.avatar{border-radius:50%}[data-testid=tweetPhoto] img{width:100%;${imageCss};object-fit:cover;border-radius:16px}</style>
</head><body><main role="main"><div aria-label="Timeline: Your Home Timeline">${tweets}</div></main></body></html>`;
}

/** Serves `images` as a timeline on 127.0.0.1 (any port); `imageCss` sizes the post photos. */
export async function serveFeed(images: DemoImage[], imageCss = 'max-height:520px'): Promise<{ server: Server; port: number }> {
  const avatar = readFileSync(join(repoRoot, 'icons/icon-48.png'));
  const server = createServer(selfSignedCertificate(['x.com', 'pbs.twimg.com']), (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const url = new URL(req.url ?? '/', `https://${host}`);
    const send = (status: number, type: string, body: Buffer | string) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'access-control-allow-origin': '*', 'cross-origin-resource-policy': 'cross-origin' });
      res.end(body);
    };
    if (host === 'x.com') return send(200, 'text/html; charset=utf-8', timeline(images, imageCss));
    if (url.pathname.startsWith('/profile_images/')) return send(200, 'image/png', avatar);
    const m = /\/media\/demo-(\d+)$/.exec(url.pathname);
    const img = m ? images[Number(m[1])] : undefined;
    if (!img) return send(404, 'text/plain', 'not found');
    send(200, IMAGE_TYPES[extname(img.file).toLowerCase()] ?? 'application/octet-stream', readFileSync(img.file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { server, port };
}
