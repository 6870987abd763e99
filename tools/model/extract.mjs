#!/usr/bin/env node
// Feature extraction for the authenticity head: every planned view (views.mjs) is rendered with sharp,
// turned into the model input by the project's own pre-processing (src/shared/preprocess.ts) and run
// through the converted backbone with onnxruntime-node. Writes, under .cache/model/:
//   features.f32 (views x D float32), objects.f32 (views x 80 float32), index.json (the views, in order).
// Resumable: an interrupted run continues where it stopped when the backbone and plan are unchanged.
//
// Usage: node tools/model/extract.mjs [--views N (augmented views per train image, default 2)] [--threads 1] [--bench 200]
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
    views: { type: 'string', default: '2' },
    bench: { type: 'string' },
    threads: { type: 'string', default: '1' },
  },
});

const { modelPixels, toTensorData, tensorDims } = await importShared('preprocess');
const backbone = readBackbone();
const spec = inputSpec(backbone.meta);
const session = await createSession(ort, backbone.bytes, Number(args.threads));
const rows = loadDataset();
const views = planViews(rows, Number(args.views));

/** Model input for one decoded view (the project's own pre-processing). */
const tensorFor = (img) => new ort.Tensor('float32', toTensorData(modelPixels(img, spec), spec), tensorDims(spec));

// Rendering (sharp, on libuv threads) runs ahead, and the next view's pre-processing (main thread)
// overlaps the current model run (onnxruntime's thread), so both cores stay busy.
async function* extracted(list) {
  const ahead = [];
  let next = 0;
  const fill = () => {
    while (ahead.length < 3 && next < list.length) {
      const v = list[next++];
      ahead.push(renderView(rows[v.row].path, v));
    }
  };
  fill();
  let tensor = ahead.length ? tensorFor(await ahead.shift()) : null;
  while (tensor) {
    fill();
    const running = session.run({ [spec.name]: tensor });
    tensor = ahead.length ? tensorFor(await ahead.shift()) : null;
    const out = await running;
    yield { features: out.features.data, objects: out.objects.data };
  }
}

if (args.bench) {
  const n = Number(args.bench);
  const sample = views.filter((_, i) => i % Math.floor(views.length / n) === 0).slice(0, n);
  const t0 = performance.now();
  for await (const _ of extracted(sample));
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

// Output widths from the backbone description.
const D = backbone.meta.outputs.features.shape[1], K = backbone.meta.outputs.objects.shape[1];
// Resume when the backbone is unchanged and the views done so far are the new plan's first views
// (the plan is ordered by augmentation round, so asking for fewer or more rounds keeps the prefix).
const planned = views.map((v) => JSON.stringify({ file: rows[v.row].file, kind: v.kind, aug: v.aug }));
let done = 0;
if (existsSync(partialPath) && existsSync(featPath) && existsSync(objPath)) {
  const partial = JSON.parse(readFileSync(partialPath, 'utf8'));
  const stored = Math.min(Math.floor(statSync(featPath).size / (4 * D)), Math.floor(statSync(objPath).size / (4 * K)));
  const samePrefix = partial.backboneSha256 === backbone.sha256 && Array.isArray(partial.views) &&
    partial.views.length >= stored && planned.slice(0, stored).every((v, i) => v === partial.views[i]);
  if (samePrefix || partial.key === key) done = Math.min(stored, views.length);
}
writeFileSync(partialPath, JSON.stringify({ backboneSha256: backbone.sha256, views: planned }));
const featFd = openSync(featPath, done ? 'r+' : 'w');
const objFd = openSync(objPath, done ? 'r+' : 'w');
ftruncateSync(featFd, done * 4 * D);
ftruncateSync(objFd, done * 4 * K);
console.log(`extract: ${views.length} views, D=${D}, ${done ? `resuming at ${done}` : 'starting'}`);

const t0 = performance.now();
let i = done;
for await (const { features, objects } of extracted(views.slice(done))) {
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
