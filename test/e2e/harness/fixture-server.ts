// One local HTTPS server for every fixture host, routing by Host header: the imitation sites (X, Reddit,
// old Reddit, a generic site) and their media CDNs. Chromium reaches it through --host-resolver-rules,
// Firefox through the network.dns.forceResolve and network.socket.forcePort prefs (harness/firefox.ts).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { selfSignedCertificate } from './certificate';
import { mediaResponse, type MediaResponse } from './media-routes';
import { fixtureSitesDir } from './paths';

/** Page hosts -> folder under test/fixtures/sites. */
export const SITE_HOSTS: Record<string, string> = {
  'x.com': 'x',
  'twitter.com': 'x',
  'reddit.com': 'reddit',
  'www.reddit.com': 'reddit',
  'old.reddit.com': 'old-reddit',
  'example.org': 'generic',
};

export const MEDIA_HOSTS = [
  'pbs.twimg.com', 'abs-0.twimg.com', 'i.redd.it', 'preview.redd.it', 'external-preview.redd.it',
  'styles.redditmedia.com', 'b.thumbs.redditmedia.com', 'cdn.example.net',
];

export const ALL_HOSTS = [...Object.keys(SITE_HOSTS), ...MEDIA_HOSTS];

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

export interface FixtureServer {
  port: number;
  /** Every request served, "host/path?query", for tests that count fetches. */
  requests: string[];
  close(): Promise<void>;
}

function sitePage(site: string, pathname: string): { status: number; type: string; body: Buffer } {
  const dir = join(fixtureSitesDir, site);
  const rel = normalize(pathname).replace(/^(\.\.[/\\])+/, '');
  const file = join(dir, rel);
  if (extname(rel) && file.startsWith(dir) && existsSync(file) && statSync(file).isFile()) {
    return { status: 200, type: TYPES[extname(file)] ?? 'application/octet-stream', body: readFileSync(file) };
  }
  if (extname(rel)) return { status: 404, type: 'text/plain', body: Buffer.from('not found') };
  // Paths without an extension are app routes (the SPA's /home, /explore, /r/pics): the site's index.
  return { status: 200, type: TYPES['.html']!, body: readFileSync(join(dir, 'index.html')) };
}

/**
 * Answers a request before the imitation sites do (pages built by a test, real saved pages and their
 * media), or returns undefined to leave it to them. It may answer for any host name.
 */
export type ExtraRoute = (host: string, url: URL) => Promise<MediaResponse> | undefined;

export async function startFixtureServer(opts: { route?: ExtraRoute } = {}): Promise<FixtureServer> {
  const requests: string[] = [];
  const server: Server = createServer(selfSignedCertificate(ALL_HOSTS), (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const url = new URL(req.url ?? '/', `https://${host}`);
    requests.push(`${host}${url.pathname}${url.search}`);
    const respond = (r: { status: number; type: string; body: Buffer }): void => {
      res.writeHead(r.status, {
        'content-type': r.type,
        'content-length': r.body.length,
        'cache-control': 'no-store',
        // The extension's offscreen document fetches media cross-origin (COEP require-corp).
        'access-control-allow-origin': '*',
        'cross-origin-resource-policy': 'cross-origin',
      });
      res.end(req.method === 'HEAD' ? undefined : r.body);
    };
    // A redirect a hostile page can point the extension at: /redirect?to=URL.
    if (url.pathname === '/redirect' && url.searchParams.get('to')) {
      res.writeHead(302, { location: url.searchParams.get('to')!, 'access-control-allow-origin': '*' });
      return res.end();
    }
    // The user's own machine, as a page may name it: the extension must never fetch from here.
    if (host === '127.0.0.1' || host === 'localhost') {
      mediaResponse(url.pathname).then(respond, () => respond({ status: 500, type: 'text/plain', body: Buffer.from('error') }));
      return;
    }
    const extra = opts.route?.(host, url);
    if (extra) {
      extra.then(respond, (err: Error) => respond({ status: 500, type: 'text/plain', body: Buffer.from(err.message) }));
      return;
    }
    const site = SITE_HOSTS[host];
    if (site && !url.pathname.startsWith('/media/')) return respond(sitePage(site, url.pathname));
    // Media hosts, and /media/ on a site host (same-origin images).
    if (site || MEDIA_HOSTS.includes(host)) {
      mediaResponse(url.pathname).then(respond, (err: Error) => respond({ status: 500, type: 'text/plain', body: Buffer.from(err.message) }));
      return;
    }
    respond({ status: 421, type: 'text/plain', body: Buffer.from(`no fixture host ${host}`) });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    requests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
