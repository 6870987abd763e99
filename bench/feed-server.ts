// The bench's local X: https://x.com/feed/<run>/<n> is a timeline of n photo posts whose photos are
// https://pbs.twimg.com/media/<run>-<i>, image i of the bench set (cycled). A fresh <run> gives fresh
// URLs, so neither the verdict cache nor the HTTP cache answers for a run before it.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { selfSignedCertificate } from '../test/e2e/harness/certificate';
import type { BenchImage } from './dataset';
import { pageProbe } from './page-probe';

export interface FeedServer {
  port: number;
  /** The photo URL of image `i` in run `run`. */
  imageUrl(run: string, i: number): string;
  feedUrl(run: string, n: number): string;
  /** A page with `n` images in view at once (a media tab, a gallery, image search). */
  gridUrl(run: string, n: number): string;
  close(): Promise<void>;
}

function timeline(run: string, n: number, imageUrl: (run: string, i: number) => string): string {
  const posts: string[] = [];
  for (let i = 0; i < n; i++) {
    posts.push(`<div data-testid="cellInnerDiv"><article data-testid="tweet" role="article"><b>Account ${i + 1}</b><p>Post ${i + 1}</p>` +
      `<div data-testid="tweetPhoto"><img alt="Image" src="${imageUrl(run, i)}"></div></article></div>`);
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Home / X (DualSight bench)</title>
<style>body{font:15px system-ui;max-width:600px;margin:0 auto}article{border-bottom:1px solid #eee;padding:12px}
[data-testid=tweetPhoto] img{display:block;width:100%;height:480px;object-fit:cover;border-radius:16px}</style>
<script>(${pageProbe.toString()})()</script></head><body><main role="main"><div aria-label="Timeline: Your Home Timeline">
${posts.join('\n')}</div></main></body></html>`;
}

/** `n` photos in a grid of 100 px tiles, all within the viewport and its 400 px scan margin at once. */
function grid(run: string, n: number, imageUrl: (run: string, i: number) => string): string {
  const tiles = Array.from({ length: n }, (_, i) =>
    `<article data-testid="tweet" role="article"><div data-testid="tweetPhoto"><img alt="Image" src="${imageUrl(run, i)}"></div></article>`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Media / X (DualSight bench)</title>
<style>body{margin:0}main{display:flex;flex-wrap:wrap;gap:2px}article{width:106px;height:106px}
[data-testid=tweetPhoto] img{display:block;width:106px;height:106px;object-fit:cover}</style></head>
<body><main role="main">${tiles.join('\n')}</main></body></html>`;
}

export async function startFeedServer(images: BenchImage[]): Promise<FeedServer> {
  const bytes = images.map((img) => readFileSync(img.file));
  const imageUrl = (run: string, i: number): string => `https://pbs.twimg.com/media/${run}-${i}?format=jpg&name=small`;
  const server = createServer(selfSignedCertificate(['x.com', 'pbs.twimg.com']), (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const url = new URL(req.url ?? '/', `https://${host}`);
    const send = (status: number, type: string, body: Buffer | string): void => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'access-control-allow-origin': '*', 'cross-origin-resource-policy': 'cross-origin' });
      res.end(body);
    };
    const feed = /^\/feed\/([\w-]+)\/(\d+)$/.exec(url.pathname);
    if (host === 'x.com' && feed) return send(200, 'text/html; charset=utf-8', timeline(feed[1]!, Number(feed[2]), imageUrl));
    const tiles = /^\/grid\/([\w-]+)\/(\d+)$/.exec(url.pathname);
    if (host === 'x.com' && tiles) return send(200, 'text/html; charset=utf-8', grid(tiles[1]!, Number(tiles[2]), imageUrl));
    const media = /^\/media\/[\w-]+-(\d+)$/.exec(url.pathname);
    if (host === 'pbs.twimg.com' && media) return send(200, 'image/jpeg', bytes[Number(media[1]) % bytes.length]!);
    send(404, 'text/plain', 'not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    imageUrl,
    feedUrl: (run, n) => `https://x.com/feed/${run}/${n}`,
    gridUrl: (run, n) => `https://x.com/grid/${run}/${n}`,
    close: () => new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}
