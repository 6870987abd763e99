#!/usr/bin/env node
// Feature extraction for the authenticity head: every planned view (views.mjs) is rendered with sharp,
// turned into the model input by the project's own pre-processing (src/shared/preprocess.ts) and run
// through the converted backbone with onnxruntime-node. Writes, under .cache/model/:
//   store/{features.f32, objects.f32, keys.json}: every view ever extracted with this backbone (D / 80 float32 each),
//   index.json: the planned views, in order, each with its offset in the store.
// Resumable and incremental: only views not yet in the store are extracted.
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
    // Writes index.json for the planned views already in the store and extracts nothing (to try the
    // training on a partial extraction while it runs).
    'index-only': { type: 'boolean', default: false },
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
// A content-addressed store: every view extracted once is kept under its identity (file, condition,
// augmentation), so adding rows (a new dataset round, the generated set) or augmentation rounds extracts
// only what is new. The store is dropped when the backbone changes.
const D = backbone.meta.outputs.features.shape[1], K = backbone.meta.outputs.objects.shape[1];
const storeDir = join(CACHE_DIR, 'store');
mkdirSync(storeDir, { recursive: true });
const keysPath = join(storeDir, 'keys.json');
const featPath = join(storeDir, 'features.f32');
const objPath = join(storeDir, 'objects.f32');
const viewKey = (v) => createHash('sha1').update(JSON.stringify({ file: rows[v.row].file, kind: v.kind, aug: v.aug ?? null })).digest('hex');
const keys = views.map(viewKey);

let stored = [];
if (existsSync(keysPath) && existsSync(featPath) && existsSync(objPath)) {
  const meta = JSON.parse(readFileSync(keysPath, 'utf8'));
  const complete = Math.min(Math.floor(statSync(featPath).size / (4 * D)), Math.floor(statSync(objPath).size / (4 * K)));
  if (meta.backboneSha256 === backbone.sha256) stored = meta.keys.slice(0, complete);
}
const offsetOf = new Map(stored.map((k, i) => [k, i]));
// One extraction per missing key (a plan may name the same view twice).
const queued = new Set();
const missing = keys.flatMap((k, i) => (offsetOf.has(k) || queued.has(k) ? [] : (queued.add(k), [i])));
console.log(`extract: ${views.length} views planned, ${views.length - missing.length} in the store, ${missing.length} to extract (D=${D})`);

if (args['index-only']) {
  const have = views.map((v, i) => ({ v, offset: offsetOf.get(keys[i]) })).filter((x) => x.offset !== undefined);
  writeFileSync(join(CACHE_DIR, 'index.json'), JSON.stringify({
    backboneSha256: backbone.sha256, input: spec, featureDim: D, objectDim: K, count: have.length, store: 'store', partial: true,
    views: have.map(({ v, offset }) => ({ file: rows[v.row].file, kind: v.kind, offset, ...(v.aug ? { aug: v.aug } : {}) })),
  }));
  console.log(`extract: index of the ${have.length} planned views already in the store written (partial)`);
  process.exit(0);
}

const featFd = openSync(featPath, stored.length ? 'r+' : 'w');
const objFd = openSync(objPath, stored.length ? 'r+' : 'w');
ftruncateSync(featFd, stored.length * 4 * D);
ftruncateSync(objFd, stored.length * 4 * K);
const saveKeys = () => writeFileSync(keysPath, JSON.stringify({ backboneSha256: backbone.sha256, keys: stored }));

const t0 = performance.now();
let n = 0;
for await (const { features, objects } of extracted(missing.map((i) => views[i]))) {
  const at = stored.length;
  writeSync(featFd, Buffer.from(features.buffer, features.byteOffset, features.byteLength), 0, features.byteLength, at * 4 * D);
  writeSync(objFd, Buffer.from(objects.buffer, objects.byteOffset, objects.byteLength), 0, objects.byteLength, at * 4 * K);
  const key = keys[missing[n]];
  stored.push(key);
  offsetOf.set(key, at);
  n++;
  if (n % 500 === 0) {
    saveKeys(); // resumable: an interrupted run keeps what it extracted
    const rate = (performance.now() - t0) / n;
    console.log(`extract: ${n}/${missing.length} (${rate.toFixed(1)} ms/view, ~${(((missing.length - n) * rate) / 60000).toFixed(1)} min left)`);
  }
}
closeSync(featFd);
closeSync(objFd);
saveKeys();

const index = {
  backboneSha256: backbone.sha256,
  input: spec,
  featureDim: D,
  objectDim: K,
  count: views.length,
  store: 'store',
  views: views.map((v, i) => ({ file: rows[v.row].file, kind: v.kind, offset: offsetOf.get(keys[i]), ...(v.aug ? { aug: v.aug } : {}) })),
};
writeFileSync(join(CACHE_DIR, 'index.json'), JSON.stringify(index));
console.log(`extract: extracted ${n} views in ${((performance.now() - t0) / 60000).toFixed(1)} min; index of ${views.length} views written`);
