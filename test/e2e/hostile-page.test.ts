// Pages that fight back (issue 11, issue 12): CSS that hides every unregistered custom element and every
// generic element beside an image, with !important; a page that registers "dualsight-badge" itself
// before the content script runs (its constructor attaches a closed shadow root, so attachShadow on that
// element throws); and an image slotted into a component's shadow root, where an unslotted sibling is
// not drawn at all. The badge must still be made, finish its check, and be drawn where it can be clicked.
// Canary elements in the same spot show that the page's rules do hide what is not guarded.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { MediaResponse } from './harness/media-routes';
import { drawnBadges, isDrawn } from './harness/drawn-badges';
import { readScreen } from './harness/scroll';
import { withExtensionBrowser } from './harness/suite';

const PHOTO = 'https://pbs.twimg.com/media/hostile-photo?format=jpg&name=small';

const HOSTILE_CSS = `
:not(:defined) { visibility: hidden !important; display: none !important; opacity: 0 !important; }
.frame > :not(img), span, div:not(.frame) { display: none !important; visibility: hidden !important; opacity: 0 !important; }
[data-dualsight], dualsight-badge { display: none !important; position: static !important; z-index: -1 !important;
  transform: scale(0) !important; clip-path: inset(50%) !important; pointer-events: none !important; }`;

const PREDEFINE = `<script>
customElements.define('dualsight-badge', class extends HTMLElement {
  constructor() { super(); this.attachShadow({ mode: 'closed' }); }
});
</script>`;

/** A component that shows only what is slotted as "media". */
const SLOTTED = `<script>
customElements.define('x-media', class extends HTMLElement {
  constructor() { super(); this.attachShadow({ mode: 'open' }).innerHTML = '<slot name="media"></slot>'; }
});
</script>`;

/** The image in a frame (a <div>, or a component that slots it), with canaries beside it. */
function hostilePage(head: string, frame: 'div' | 'x-media' = 'div'): string {
  const slot = frame === 'x-media' ? ' slot="media"' : '';
  return `<!doctype html><html><head><meta charset="utf-8"><title>Hostile</title><style>${HOSTILE_CSS}</style>${head}</head>
<body><article class="post"><${frame} class="frame" style="display:block;position:relative;width:600px">
<img id="photo"${slot} src="${PHOTO}" width="600" height="400" alt="a photo">
<x-canary${slot} style="position:absolute;top:0;left:0;width:50px;height:20px;background:red">x</x-canary>
<span class="canary"${slot} style="position:absolute;top:0;left:60px;width:50px;height:20px;background:red">x</span>
</${frame}></article></body></html>`;
}

const PAGES: Record<string, string> = {
  'https://x.com/hostile/css': hostilePage(''),
  'https://x.com/hostile/predefined': hostilePage(PREDEFINE),
  'https://x.com/hostile/slotted': hostilePage(SLOTTED, 'x-media'),
};

/** Noise rather than a dataset image: this test needs no ../shared. */
let photo: Promise<Buffer> | undefined;
function noisePhoto(): Promise<MediaResponse> {
  photo ??= sharp({ create: { width: 600, height: 400, channels: 3, background: '#888', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).jpeg().toBuffer();
  return photo.then((body) => ({ status: 200, type: 'image/jpeg', body }));
}

const suite = withExtensionBrowser({
  route: (host, url) => {
    const page = PAGES[`https://${host}${url.pathname}`];
    if (page) return Promise.resolve({ status: 200, type: 'text/html; charset=utf-8', body: Buffer.from(page) });
    return `https://${host}${url.pathname}` === PHOTO.split('?')[0] ? noisePhoto() : undefined;
  },
});

describe('a page that fights back', () => {
  for (const [name, url, tag] of [
    ['hides unregistered custom elements and generic elements with !important', 'https://x.com/hostile/css', 'dualsight-badge'],
    ['also registers the dualsight-badge name first', 'https://x.com/hostile/predefined', 'span'],
    ['slots the image into a shadow root', 'https://x.com/hostile/slotted', 'dualsight-badge'],
  ] as const) {
    it(`${name}: the badge is made, finishes and is drawn`, async () => {
      const page = await suite.ext.context.newPage();
      try {
        await page.goto(url);
        await page.waitForFunction(() => document.querySelector('[data-dualsight]'), null, { timeout: 30_000 });
        await readScreen(page);
        const facts = await page.evaluate(() => {
          const host = document.querySelector('[data-dualsight]')!;
          const visible = (sel: string) => document.querySelector(sel)!.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
          return {
            hosts: document.querySelectorAll('[data-dualsight]').length,
            tag: host.localName,
            besideImage: host.previousElementSibling?.id,
            state: host.getAttribute('data-dualsight'),
            ai: host.getAttribute('data-dualsight-ai'),
            label: host.getAttribute('aria-label'),
            pageOwnsName: customElements.get('dualsight-badge') !== undefined,
            // What a page script would need to rewrite the verdict the user reads.
            shadowReachable: host.shadowRoot !== null,
            canaries: [visible('x-canary'), visible('span.canary')],
          };
        });
        expect(facts.canaries, 'the page rules hide unguarded elements').toEqual([false, false]);
        expect(facts.pageOwnsName).toBe(tag === 'span');
        expect(facts).toMatchObject({ hosts: 1, tag, besideImage: 'photo', state: 'done', shadowReachable: false });
        expect(facts.ai).toMatch(/^(0|1)\.\d\d$/);
        expect(facts.label).toMatch(/^DualSight: /);
        const [drawn] = await drawnBadges(page);
        expect(drawn, `hit ${drawn!.hitInstead}`).toMatchObject({ visibility: 'visible', display: 'block', opacity: '1', checkVisibility: true, hit: true });
        expect(isDrawn(drawn!)).toBe(true);
      } finally {
        await page.close();
      }
    }, 120_000);
  }
});
