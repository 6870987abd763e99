// Image kinds in a feed (issue 10): human-made graphics (screenshots, charts, diagrams) get "Graphic ·
// not scored" and are never called likely AI, a meme is scored as a picture without being called AI for
// its caption, and photographs are scored as photos. The images are the first validation images of each
// kind in ../shared/datasets/ai-vs-real (sources the model build never trains on), read at test time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { waitForSettledBadges } from './harness/browser';
import { withExtensionBrowser } from './harness/suite';
import { datasetDir, hasShared, needsShared } from '../shared-data';

interface Pick {
  id: string;
  file: string;
  kind: string;
}

/** The first `n` val images (>= 200 px) of each dataset kind, in manifest order. */
function picks(): Pick[] {
  if (!hasShared) return [];
  const [header, ...rows] = readFileSync(join(datasetDir, 'manifest.csv'), 'utf8').trim().split(/\r?\n/);
  const cols = header!.split(',');
  const at = (name: string): number => cols.indexOf(name);
  const want: Record<string, number> = { screenshot: 2, chart: 2, diagram: 2, meme: 2, photo: 4 };
  const out: Pick[] = [];
  for (const row of rows) {
    const f = row.split(',');
    const kind = f[at('kind')]!;
    if (f[at('split')] !== 'val' || f[at('label')] !== 'real' || !want[kind]) continue;
    if (Number(f[at('width')]) < 200 || Number(f[at('height')]) < 200) continue;
    want[kind]!--;
    out.push({ id: `kind-${out.length}`, file: join(datasetDir, 'images', 'real', f[at('file')]!), kind });
  }
  return out;
}

const PICKS = picks();
const media = (id: string): string => `https://pbs.twimg.com/media/${id}?format=jpg&name=small`;
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Kinds</title>
<style>body{margin:0} .post{position:relative;width:420px;margin:10px} img{display:block;width:400px;height:300px;object-fit:cover}</style></head>
<body>${PICKS.map((p) => `<article class="post"><img src="${media(p.id)}" alt="${p.kind}"></article>`).join('')}</body></html>`;

const suite = withExtensionBrowser({
  route: (host, url) => {
    if (host === 'x.com' && url.pathname === '/kinds') return Promise.resolve({ status: 200, type: 'text/html; charset=utf-8', body: Buffer.from(PAGE) });
    const p = host === 'pbs.twimg.com' ? PICKS.find((x) => url.pathname === `/media/${x.id}`) : undefined;
    return p ? Promise.resolve({ status: 200, type: 'image/jpeg', body: readFileSync(p.file) }) : undefined;
  },
});

describe.skipIf(!hasShared)(needsShared('image kinds in a feed'), () => {
  it('does not score graphics, scores memes and photos, and never calls a human-made image likely AI', async () => {
    expect(PICKS.length).toBe(12);
    const page = await suite.ext.context.newPage();
    await page.setViewportSize({ width: 480, height: 4200 }); // every post in view at once
    await page.goto('https://x.com/kinds');
    await waitForSettledBadges(page, PICKS.length, 180_000);
    const got = await page.evaluate(() =>
      [...document.querySelectorAll('[data-dualsight]')].map((h) => ({
        src: h.getAttribute('data-dualsight-src'),
        state: h.getAttribute('data-dualsight'),
        kind: h.getAttribute('data-dualsight-kind'),
        verdict: h.getAttribute('data-dualsight-verdict'),
        label: h.getAttribute('aria-label'),
      })),
    );
    const of = (p: Pick) => got.find((b) => b.src === media(p.id))!;
    for (const p of PICKS) {
      const b = of(p);
      expect(b, p.file).toBeTruthy();
      expect(b.state, `${p.file}: ${b.label}`).toBe('done');
      expect(['photo', 'artwork', 'graphic', 'composite'], p.file).toContain(b.kind);
      // None of these human-made images may be called likely AI.
      expect(b.verdict, `${p.kind} ${p.file}: ${b.label}`).not.toBe('ai');
    }
    const graphics = PICKS.filter((p) => ['screenshot', 'chart', 'diagram'].includes(p.kind));
    const unscored = graphics.filter((p) => of(p).verdict === 'unscored');
    // The words users read for an unscored graphic.
    for (const p of unscored) expect(of(p).label).toMatch(/^DualSight: graphic, not scored for AI; (objects: |no objects)/);
    expect(unscored.length, graphics.map((p) => `${p.kind}: ${of(p).label}`).join('\n')).toBeGreaterThanOrEqual(graphics.length - 1);
    // Photos and memes are pictures: they get a score.
    for (const p of PICKS.filter((x) => x.kind === 'photo' || x.kind === 'meme')) {
      expect(of(p).verdict, `${p.kind} ${p.file}: ${of(p).label}`).not.toBe('unscored');
    }
    expect(PICKS.filter((p) => p.kind === 'photo' && of(p).kind === 'photo').length).toBeGreaterThanOrEqual(3);
    await page.close();
  }, 240_000);
});
