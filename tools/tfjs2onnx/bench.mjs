#!/usr/bin/env node
// Benchmarks centernet-features.onnx at several input sizes and prints figures (no assertions):
//  - inference ms per image with onnxruntime-node (CPU EP) and onnxruntime-web (WASM, in Node);
//  - how close `objects` (per-class max of the heatmap) at a smaller size stays to 512:
//    mean / max |diff| over all classes, top-1 agreement, and agreement of the set of classes
//    scoring >= 0.3 (Jaccard);
//  - against COCO ground truth (the dataset's COCO photos list their classes with box areas):
//    recall of the classes covering >= 2% of the image and precision, at objects >= 0.3.
//
//   node tools/tfjs2onnx/bench.mjs [--sizes 512,384,320] [--images 24] [--reps 5] [--threads 2] [--timing-only]
//
// Builds each size with build_backbone.py into a temp dir. Images: N evenly spaced files of
// ../shared/datasets/ai-vs-real/images/real, stretched to size x size with sharp. Timings print
// the minimum and the median per image: on a shared machine the minimum is the less disturbed one.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as ortNode from 'onnxruntime-node';
import * as ortWeb from 'onnxruntime-web';
import sharp from 'sharp';
import { datasetDir } from '../shared-dir.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const IMAGES = path.join(datasetDir, 'images', 'real');
const { values: opts } = parseArgs({
  options: {
    sizes: { type: 'string', default: '512,384,320' },
    images: { type: 'string', default: '24' },
    reps: { type: 'string', default: '5' },
    threads: { type: 'string', default: String(Math.min(4, os.availableParallelism())) },
    'timing-only': { type: 'boolean', default: false },
  },
});
const sizes = opts.sizes.split(',').map(Number);
const threads = Number(opts.threads);
const MANIFEST = path.join(IMAGES, '..', '..', 'manifest.csv');
const THRESHOLD = 0.3;
const MIN_AREA = 0.02;

/** RFC 4180 rows (quoted fields may hold commas and doubled quotes). */
function csvRows(text) {
  const rows = [[]];
  let field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { rows.at(-1).push(field); field = ''; }
    else if (ch === '\n') { rows.at(-1).push(field.replace(/\r$/, '')); field = ''; rows.push([]); }
    else field += ch;
  }
  if (field) rows.at(-1).push(field);
  return rows.filter((r) => r.length > 1);
}

/** Real COCO photos with their ground-truth classes covering >= MIN_AREA of the image. */
function cocoTruth() {
  const [header, ...rows] = csvRows(readFileSync(MANIFEST, 'utf8'));
  const col = (name) => header.indexOf(name);
  return rows.filter((r) => r[col('label')] === 'real' && r[col('coco_objects')])
    .map((r) => ({
      file: r[col('file')],
      classes: new Set(r[col('coco_objects')].split(';').map((e) => e.split(':')).filter(([, a]) => Number(a) >= MIN_AREA).map(([n]) => n)),
    }))
    .filter((t) => t.classes.size > 0);
}

const all = readdirSync(IMAGES).filter((f) => /\.(jpe?g|png|webp)$/i.test(f)).sort();
// Evenly spaced over the sorted names, so that every source collection is represented.
const files = Array.from({ length: Math.min(all.length, Number(opts.images)) }, (_, i) => all[Math.floor((i * all.length) / Number(opts.images))]);

async function input(file, size) {
  const rgb = await sharp(path.join(IMAGES, file)).removeAlpha().resize(size, size, { fit: 'fill' }).raw().toBuffer();
  const plane = size * size;
  const x = new Float32Array(3 * plane);
  for (let i = 0; i < plane; i++) for (let c = 0; c < 3; c++) x[c * plane + i] = rgb[i * 3 + c];
  return x;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timeRuns(ort, session, x, size, reps) {
  const feeds = { image: new ort.Tensor('float32', x, [1, 3, size, size]) };
  await session.run(feeds); // warm-up: first run allocates and (web) compiles kernels
  const ms = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    await session.run(feeds);
    ms.push(performance.now() - t0);
  }
  return ms;
}

const figure = (ms) => `min ${Math.min(...ms).toFixed(1)} / median ${median(ms).toFixed(1)} ms`;

const dir = mkdtempSync(path.join(os.tmpdir(), 'centernet-bench-'));
ortWeb.env.wasm.numThreads = threads;
const objects = {};
const truth = opts['timing-only'] ? [] : cocoTruth();
const cocoScores = {};
try {
  for (const size of sizes) {
    const out = path.join(dir, String(size));
    execFileSync('/usr/bin/python3', [path.join(REPO, 'tools/tfjs2onnx/build_backbone.py'), '--size', String(size), '--out-dir', out]);
    const file = path.join(out, 'centernet-features.onnx');
    const nodeSession = await ortNode.InferenceSession.create(file, { intraOpNumThreads: threads });
    const webSession = await ortWeb.InferenceSession.create(readFileSync(file), { executionProviders: ['wasm'] });
    objects[size] = [];
    const nodeMs = [];
    const webMs = [];
    for (const [i, f] of (opts['timing-only'] ? files.slice(0, 3) : files).entries()) {
      const x = await input(f, size);
      const res = await nodeSession.run({ image: new ortNode.Tensor('float32', x, [1, 3, size, size]) });
      objects[size].push(Float32Array.from(res.objects.data));
      if (i < 3) {
        nodeMs.push(...(await timeRuns(ortNode, nodeSession, x, size, Number(opts.reps))));
        webMs.push(...(await timeRuns(ortWeb, webSession, x, size, Number(opts.reps))));
      }
    }
    cocoScores[size] = [];
    for (const t of truth) {
      const res = await nodeSession.run({ image: new ortNode.Tensor('float32', await input(t.file, size), [1, 3, size, size]) });
      cocoScores[size].push(Float32Array.from(res.objects.data));
    }
    console.log(`size ${size}: onnxruntime-node ${figure(nodeMs)}, onnxruntime-web wasm ${figure(webMs)} ` +
      `(${opts.reps} runs x 3 images, ${threads} threads)`);
    await nodeSession.release();
    await webSession.release();
  }
  if (!opts['timing-only']) printQuality();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

function printQuality() {
  const ref = objects[sizes[0]];
  const labels = JSON.parse(readFileSync(path.join(dir, String(sizes[0]), 'centernet-features.json'), 'utf8')).outputs.objects.labels;
  const argmax = (a) => a.indexOf(Math.max(...a));
  const above = (a) => new Set([...a.keys()].filter((k) => a[k] >= 0.3));
  for (const size of sizes.slice(1)) {
    let sum = 0, n = 0, max = 0, top1 = 0, jaccard = 0;
    objects[size].forEach((o, i) => {
      const r = ref[i];
      for (let k = 0; k < o.length; k++) { const d = Math.abs(o[k] - r[k]); sum += d; n++; max = Math.max(max, d); }
      if (argmax(o) === argmax(r)) top1++;
      const a = above(o), b = above(r);
      const union = new Set([...a, ...b]).size;
      jaccard += union === 0 ? 1 : [...a].filter((k) => b.has(k)).length / union;
    });
    console.log(`objects ${size} vs ${sizes[0]} over ${files.length} images: mean |diff| ${(sum / n).toFixed(4)}, max |diff| ${max.toFixed(3)}, ` +
      `top-1 same ${top1}/${files.length}, classes >= 0.3 Jaccard ${(jaccard / files.length).toFixed(2)}`);
  }
  for (const size of sizes) {
    let hit = 0, gt = 0, predicted = 0;
    cocoScores[size].forEach((o, i) => {
      const found = labels.filter((_, k) => o[k] >= THRESHOLD);
      predicted += found.length;
      gt += truth[i].classes.size;
      hit += found.filter((l) => truth[i].classes.has(l)).length;
    });
    console.log(`COCO truth at ${size} (${truth.length} photos, classes covering >= ${MIN_AREA * 100}%, objects >= ${THRESHOLD}): ` +
      `recall ${(hit / gt).toFixed(3)} (${hit}/${gt}), precision ${(hit / predicted).toFixed(3)} (${hit}/${predicted})`);
  }
  console.log(`example top-1 at ${sizes.join('/')}: ` + ref.slice(0, 4).map((_, i) =>
    sizes.map((s) => { const o = objects[s][i]; const k = argmax(o); return `${labels[k]} ${o[k].toFixed(2)}`; }).join(' | ')).join('; '));
}
