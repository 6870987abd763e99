#!/usr/bin/env node
// Feature extraction for the authenticity head: every planned view (views.mjs) is rendered with sharp,
// turned into the model input by the project's own pre-processing (src/shared/preprocess.ts) and run
// through the converted backbone with onnxruntime-node. Writes, under .cache/model/:
//   features.f32 (views x D float32), objects.f32 (views x 80 float32), index.json (the views, in order).
// Resumable: an interrupted run continues where it stopped when the backbone and plan are unchanged.
//
// Usage: node tools/model/extract.mjs [--views N] [--bench 200]
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync, writeFileSync, writeSync, ftruncateSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as ort from 'onnxruntime-node';
import { CACHE_DIR, loadDataset } from './dataset.mjs';
import { planViews } from './views.mjs';
import { renderView } from './render.mjs';
import { createSession, inputSpec, readBackbone } from './backbone.mjs';
import { importShared } from './shared-code.mjs';

const { values: args } = parseArgs({
  options: {
    views: { type: 'string', default: '3' },
    bench: { type: 'string' },
    threads: { type: 'string', default: '2' },
  },
});

const { modelPixels, toTensorData, tensorDims } = await importShared('preprocess');
const backbone = readBackbone();
const spec = inputSpec(backbone.meta);
const session = await createSession(ort, backbone.bytes, Number(args.threads));
const rows = loadDataset();
const views = planViews(rows, Number(args.views));

/** Backbone outputs for one view. */
async function extractView(img) {
  const data = toTensorData(modelPixels(img, spec), spec);
  const out = await session.run({ [spec.name]: new ort.Tensor('float32', data, tensorDims(spec)) });
  return { features: out.features.data, objects: out.objects.data };
}

// Prefetch: render the next views (sharp runs on libuv threads) while the model runs.
async function* rendered(list) {
  const ahead = [];
  let next = 0;
  const fill = () => {
    while (ahead.length < 3 && next < list.length) {
      const v = list[next++];
      ahead.push(renderView(rows[v.row].path, v).then((img) => ({ v, img })));
    }
  };
  fill();
  while (ahead.length) {
    const item = await ahead.shift();
    fill();
    yield item;
  }
}

if (args.bench) {
  const n = Number(args.bench);
  const sample = views.filter((_, i) => i % Math.floor(views.length / n) === 0).slice(0, n);
  const t0 = performance.now();
  for await (const { img } of rendered(sample)) await extractView(img);
  const ms = (performance.now() - t0) / sample.length;
  console.log(`${sample.length} views: ${ms.toFixed(1)} ms/view -> ${views.length} planned views (--views ${args.views}) take ~${((ms * views.length) / 60000).toFixed(1)} min`);
  process.exit(0);
}

mkdirSync(CACHE_DIR, { recursive: true });
const key = createHash('sha256').update(backbone.sha256).update(JSON.stringify(views)).digest('hex');
const indexPath = join(CACHE_DIR, 'index.json');
const partialPath = join(CACHE_DIR, 'partial.json');
const featPath = join(CACHE_DIR, 'features.f32');
const objPath = join(CACHE_DIR, 'objects.f32');

if (existsSync(indexPath) && JSON.parse(readFileSync(indexPath, 'utf8')).key === key) {
  console.log(`extract: cache is up to date (${views.length} views)`);
  process.exit(0);
}

// Output dimensions from a first run, then resume or start over.
const probe = await extractView(await renderView(rows[views[0].row].path, views[0]));
const D = probe.features.length, K = probe.objects.length;
let done = 0;
if (existsSync(partialPath) && JSON.parse(readFileSync(partialPath, 'utf8')).key === key && existsSync(featPath) && existsSync(objPath)) {
  done = Math.min(Math.floor(statSync(featPath).size / (4 * D)), Math.floor(statSync(objPath).size / (4 * K)));
}
writeFileSync(partialPath, JSON.stringify({ key }));
const featFd = openSync(featPath, done ? 'r+' : 'w');
const objFd = openSync(objPath, done ? 'r+' : 'w');
ftruncateSync(featFd, done * 4 * D);
ftruncateSync(objFd, done * 4 * K);
console.log(`extract: ${views.length} views, D=${D}, ${done ? `resuming at ${done}` : 'starting'}`);

const t0 = performance.now();
let i = done;
for await (const { img } of rendered(views.slice(done))) {
  const { features, objects } = await extractView(img);
  writeSync(featFd, Buffer.from(features.buffer, features.byteOffset, features.byteLength), 0, features.byteLength, i * 4 * D);
  writeSync(objFd, Buffer.from(objects.buffer, objects.byteOffset, objects.byteLength), 0, objects.byteLength, i * 4 * K);
  i++;
  if ((i - done) % 500 === 0) {
    const rate = (performance.now() - t0) / (i - done);
    console.log(`extract: ${i}/${views.length} (${rate.toFixed(1)} ms/view, ~${(((views.length - i) * rate) / 60000).toFixed(1)} min left)`);
  }
}
closeSync(featFd);
closeSync(objFd);

const index = {
  key,
  backboneSha256: backbone.sha256,
  input: spec,
  featureDim: D,
  objectDim: K,
  count: views.length,
  views: views.map((v) => ({ file: rows[v.row].file, kind: v.kind, ...(v.aug ? { aug: v.aug } : {}) })),
};
writeFileSync(indexPath, JSON.stringify(index));
console.log(`extract: wrote ${views.length} views in ${((performance.now() - t0) / 60000).toFixed(1)} min`);
