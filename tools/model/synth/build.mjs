#!/usr/bin/env node
// Synthetic training data for the model build (issue 10, item 2): human-made graphics the model must
// not call AI (screenshots, charts, documents, diagrams; labelled real) and caption overlays on
// pictures of both classes (memes; labelled as their picture), so that "rendered by a computer" and
// "has text on it" stop meaning AI.
//
//   node tools/model/synth/build.mjs [--out DIR] [--scale S] [--seed N] [--force]
//
// A rerun with the same generator sources, options and shared manifest finds DIR/.stamp and skips
// the work (--force renders anyway).
//
// Writes DIR/images/{ai,real}/FILE and DIR/manifest.csv with the shared manifest's columns (default
// DIR .cache/model/synth). Deterministic: every item draws from its own PRNG seeded by (seed, kind,
// template, index), pictures come from the shared data's train split only, and every output goes
// through the shared data's normalisation (normalise.mjs).
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { datasetDir, hasShared, sharedDir } from '../../shared-dir.mjs';
import { loadDataset, REPO_ROOT } from '../dataset.mjs';
import { openBrowser } from './browser.mjs';
import { DIAGRAMS } from './diagrams.mjs';
import { DOCUMENTS } from './documents.mjs';
import { meme, MEME_STYLES } from './memes.mjs';
import { describe, normalise } from './normalise.mjs';
import { hash32, rng } from './rand.mjs';
import { SCREENS } from './screens.mjs';

export const COLUMNS = ['file', 'label', 'split', 'group', 'kind', 'generator', 'imagenet_class', 'coco_objects', 'width', 'height', 'source_repo', 'source_path', 'license', 'orig_width', 'orig_height', 'orig_format'];

/** Items per kind at --scale 1. */
export const TARGETS = { screenshot: 250, chart: 150, document: 80, diagram: 80, meme: 400 };
const CHART_TEMPLATES = ['line', 'bar', 'scatter', 'pie', 'histogram', 'area', 'box'];
// Shared kinds that already are graphics or carry captions: not used as meme pictures or embedded photos.
const GRAPHIC_KINDS = new Set(['screenshot', 'chart', 'diagram', 'document', 'meme']);

const { values: opts } = parseArgs({ options: { out: { type: 'string', default: join(REPO_ROOT, '.cache/model/synth') }, scale: { type: 'string', default: '1' }, seed: { type: 'string', default: '1' }, force: { type: 'boolean', default: false } } });
const OUT = resolve(opts.out), SCALE = Number(opts.scale), SEED = Number(opts.seed);

if (!(SCALE > 0) || !Number.isInteger(SEED)) {
  console.error(`synth: --scale must be a positive number and --seed an integer (got ${opts.scale}, ${opts.seed})`);
  process.exit(2);
}
if (!hasShared) {
  console.error(`synth: the shared data folder ${sharedDir} does not exist (set DUALSIGHT_SHARED to its folder)`);
  process.exit(1);
}

const count = (kind) => Math.max(kind === 'meme' ? 2 : 1, Math.round(TARGETS[kind] * SCALE));
const pad = (i) => String(i).padStart(4, '0');
const csvField = (v) => (/[",\r\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));

/** Every planned item: kind, template, label, group, file name and seed. */
function plan(trainRows) {
  const items = [];
  const add = (kind, templates, extra = () => ({}), slot = (i) => i) => {
    for (let i = 0; i < count(kind); i++) {
      const template = templates[slot(i) % templates.length];
      const seed = hash32(`${SEED}/${kind}/${template}/${i}`);
      items.push({ kind, template, seed, label: 'real', group: `synth-${kind}`, file: `synth-${kind}__${template}__${pad(i)}.jpg`, ...extra(i, seed) });
    }
  };
  add('screenshot', Object.keys(SCREENS));
  add('chart', CHART_TEMPLATES);
  add('document', Object.keys(DOCUMENTS));
  add('diagram', Object.keys(DIAGRAMS));
  // Memes: half on AI pictures, half on real ones, each drawn without repeats from a seeded shuffle.
  const pictures = trainRows.filter((r) => !GRAPHIC_KINDS.has(r.kind));
  const pools = Object.fromEntries(['ai', 'real'].map((l) => [l, rng(hash32(`${SEED}/meme-pool/${l}`)).shuffle(pictures.filter((r) => r.label === l))]));
  // Labels alternate and styles advance every second item, so both labels get every style equally.
  const half = (i) => Math.floor(i / 2);
  add('meme', MEME_STYLES, (i) => {
    const label = i % 2 ? 'real' : 'ai';
    const row = pools[label][half(i) % pools[label].length];
    return { label, row, group: `synth-meme-${label}`, file: `synth-meme-${label}__${MEME_STYLES[half(i) % MEME_STYLES.length]}__${pad(i)}.jpg` };
  }, half);
  return items;
}

/** Real photographs from the train split, as data: URLs, for posts, articles and chats. */
function photoSource(trainRows) {
  const photos = trainRows.filter((r) => r.label === 'real' && r.kind === 'photo');
  return (used) => (g) => {
    const row = g.pick(photos);
    used.push(row.file);
    return `data:image/jpeg;base64,${readFileSync(row.path).toString('base64')}`;
  };
}

/** What the output depends on: this folder's sources, the options and the shared manifest. */
function stampOf() {
  const h = createHash('sha256').update(JSON.stringify({ SCALE, SEED }));
  const here = dirname(fileURLToPath(import.meta.url));
  for (const f of readdirSync(here).sort()) if (/\.(mjs|py)$/.test(f)) h.update(f).update(readFileSync(join(here, f)));
  return h.update(readFileSync(join(datasetDir, 'manifest.csv'))).digest('hex');
}

async function main() {
  const t0 = Date.now();
  const stamp = stampOf();
  if (!opts.force && existsSync(join(OUT, 'manifest.csv')) && existsSync(join(OUT, '.stamp')) && readFileSync(join(OUT, '.stamp'), 'utf8') === stamp) {
    console.log(`synth: ${OUT} is up to date (same sources, options and shared manifest; --force renders anyway)`);
    return;
  }
  const trainRows = loadDataset().filter((r) => r.split === 'train');
  const items = plan(trainRows);
  // Only what this script writes is removed, so a mistaken --out cannot delete anything else.
  for (const p of ['images', 'tmp-charts', 'manifest.csv', '.stamp']) rmSync(join(OUT, p), { recursive: true, force: true });
  for (const l of ['ai', 'real']) mkdirSync(join(OUT, 'images', l), { recursive: true });
  const rows = [];
  const write = async (item, png, sourcePath) => {
    const orig = await describe(png);
    const { data, width, height } = await normalise(png);
    writeFileSync(join(OUT, 'images', item.label, item.file), data);
    rows.push({ file: item.file, label: item.label, split: 'train', group: item.group, kind: item.kind, generator: '', imagenet_class: '', coco_objects: '', width, height, source_repo: 'dualsight-synth', source_path: sourcePath, license: 'generated', orig_width: orig.width, orig_height: orig.height, orig_format: orig.format });
  };

  // Charts in one Python process, alongside the browser (two processes for two cores).
  const chartItems = items.filter((i) => i.kind === 'chart');
  const chartDir = join(OUT, 'tmp-charts');
  mkdirSync(chartDir, { recursive: true });
  writeFileSync(join(chartDir, 'jobs.json'), JSON.stringify(chartItems.map(({ file, template, seed }) => ({ name: file, template, seed }))));
  const charts = promisify(execFile)('/usr/bin/python3', [join(REPO_ROOT, 'tools/model/synth/charts.py'), join(chartDir, 'jobs.json'), chartDir], { maxBuffer: 1 << 24 })
    .then((r) => r, (err) => ({ err }));

  const browser = await openBrowser();
  const photo = photoSource(trainRows);
  const templates = { screenshot: SCREENS, document: DOCUMENTS, diagram: DIAGRAMS };
  try {
    for (const item of items) {
      if (item.kind === 'chart') continue;
      const g = rng(item.seed);
      const used = [];
      const job = item.kind === 'meme' ? meme(g, item.template, item.row) : templates[item.kind][item.template](g, { photo: photo(used) });
      if (item.row) used.push(item.row.file);
      const png = await browser.shoot(job.html, job);
      await write(item, png, `${item.template}?seed=${item.seed}${used.length ? `&src=${used.join('+')}` : ''}`);
    }
  } finally {
    await browser.close();
  }
  const { stderr, err } = await charts;
  if (err) throw new Error(`synth: charts.py failed: ${err.stderr || err.message}`);
  if (stderr.trim()) console.error(stderr.trim().split('\n').slice(-5).join('\n'));
  for (const item of chartItems) await write(item, readFileSync(join(chartDir, `${item.file}.png`)), `charts.py:${item.template}?seed=${item.seed}`);
  rmSync(chartDir, { recursive: true, force: true });

  rows.sort((a, b) => (a.file < b.file ? -1 : 1));
  writeFileSync(join(OUT, 'manifest.csv'), [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => csvField(r[c])).join(','))].join('\r\n') + '\r\n');
  writeFileSync(join(OUT, '.stamp'), stamp);
  const byKind = {};
  for (const r of rows) byKind[`${r.kind}/${r.label}`] = (byKind[`${r.kind}/${r.label}`] || 0) + 1;
  console.log(`synth: ${rows.length} images in ${OUT} (${Object.entries(byKind).map(([k, n]) => `${k} ${n}`).join(', ')}) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

await main();
