// Real saved X and Reddit pages (../shared/fixtures/real-pages, never copied into the project), served
// with their own inline CSS at https://<site>/real-pages/<name>, and generated image bytes for every
// media URL they name. Their scripts were removed when they were saved, so each page gets the few rules
// its scripts would have applied once loaded (`loadedCss`); the rest of the page's CSS stays, including
// the rules that hide what is not yet defined.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SITE_HOSTS, type ExtraRoute } from './fixture-server';
import { generatedMedia } from './generated-media';
import { sharedDir } from '../../shared-data';

export const realPagesDir = join(sharedDir, 'fixtures/real-pages');

/** The images served for the pages' media URLs come from here (generated-media.ts). */
const datasetManifest = join(sharedDir, 'datasets/ai-vs-real/manifest.csv');

/** Why the real-page tests are skipped in a fresh clone (no ../shared), or undefined when they can run. */
const missing = [join(realPagesDir, 'README.md'), datasetManifest].find((f) => !existsSync(f));
export const realPagesMissing = missing && `no ${missing} (kept outside the project, in ../shared)`;

export interface RealPage {
  /** File name without .html. */
  name: string;
  url: string;
  /** What the page's scripts would have done to its CSS once loaded, from its markup. */
  loadedCss(html: string): string;
}

/**
 * New Reddit, loaded: its scripts define its own custom elements (which the page's
 * `:not(:defined){visibility:hidden}` rule then stops hiding: ours stay undefined), shreddit-aspect-ratio
 * lays its media over the ratio box from its shadow root, gallery-carousel shows one slide at a time, and
 * faceplate-dialog keeps its content in a closed <dialog> until opened (the "Get the app" dialog).
 */
function newRedditLoaded(html: string): string {
  const own = [...new Set(html.match(/<[a-z][a-z0-9]*-[a-z0-9-]+/g) ?? [])].map((t) => `${t.slice(1)}:not(:defined)`);
  return `${own.join(',')}{visibility:visible}
shreddit-aspect-ratio:not(:defined)>*{position:absolute;inset:0}
gallery-carousel li[slot]:not([slot="page-1"]){display:none}
faceplate-dialog:not([open]){display:none}`;
}

/** X and old Reddit render without their scripts' help: nothing to add. */
const nothing = (): string => '';

export const REAL_PAGES: readonly RealPage[] = [
  { name: 'x-profile', url: 'https://x.com/real-pages/x-profile', loadedCss: nothing },
  { name: 'x-tweet-detail', url: 'https://x.com/real-pages/x-tweet-detail', loadedCss: nothing },
  { name: 'reddit-topic-feed', url: 'https://www.reddit.com/real-pages/reddit-topic-feed', loadedCss: newRedditLoaded },
  { name: 'reddit-subreddit', url: 'https://www.reddit.com/real-pages/reddit-subreddit', loadedCss: newRedditLoaded },
  { name: 'reddit-comments', url: 'https://www.reddit.com/real-pages/reddit-comments', loadedCss: newRedditLoaded },
  { name: 'old-reddit-home', url: 'https://old.reddit.com/real-pages/old-reddit-home', loadedCss: nothing },
];

/** The page as served: the saved markup with its loaded-state rules appended to <head>. */
export function servedHtml(page: RealPage): string {
  const html = readFileSync(join(realPagesDir, `${page.name}.html`), 'utf8');
  const style = `<style data-test="loaded-page">${page.loadedCss(html)}</style>`;
  return html.includes('</head>') ? html.replace('</head>', `${style}</head>`) : style + html;
}

const html = (body: string) => Promise.resolve({ status: 200, type: 'text/html; charset=utf-8', body: Buffer.from(body) });
const notFound = () => Promise.resolve({ status: 404, type: 'text/plain', body: Buffer.from('not found') });

/**
 * Serves the real pages, and an image for any other URL on a host that is not an imitation site.
 * Emoji are left to the usual media routes (small SVGs); stylesheets, fonts and scripts the markup still
 * links to are answered 404, as the saved pages lack them.
 */
export function realPagesRoute(): ExtraRoute {
  return (host, url) => {
    const here = `https://${host}${url.pathname}`;
    const page = REAL_PAGES.find((p) => p.url === here);
    if (page) return html(servedHtml(page));
    if (SITE_HOSTS[host] || url.pathname.includes('/emoji/')) return undefined;
    if (/\.(css|js|mjs|json|woff2?|ttf|otf|ico|map)$/i.test(url.pathname)) return notFound();
    return generatedMedia(url);
  };
}
