#!/usr/bin/env node
// Checks the assembled models/dualsight-lite/model.onnx against the trained head: on every val image
// (clean, as stored) the ONNX ai_logit must give the probability the head computed from the cached
// features (<= 1e-4), kind_logits the kind probabilities (<= 1e-4), and its objects must equal the
// cached backbone outputs through the object calibration (<= 1e-4). Writes .cache/model/verify.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { CACHE_DIR, DATASET_DIR, REPO_ROOT, loadDataset } from './dataset.mjs';
import { createSession } from './backbone.mjs';
import { renderView } from './render.mjs';
import { importShared } from './shared-code.mjs';

const TOLERANCE = 1e-4;
const { modelPixels, toTensorData, tensorDims } = await importShared('preprocess');
const { parseManifest } = await importShared('model-manifest');
const dir = join(REPO_ROOT, 'models/dualsight-lite');
const manifest = parseManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
const session = await createSession(ort, readFileSync(join(dir, manifest.file)));
const check = JSON.parse(readFileSync(join(CACHE_DIR, 'check.json'), 'utf8'));
const index = JSON.parse(readFileSync(join(CACHE_DIR, 'index.json'), 'utf8'));
const K = index.objectDim;
const cachedObjects = new Float32Array(readFileSync(join(CACHE_DIR, index.store ?? '.', 'objects.f32')).buffer.slice(0));
// The shipped objects are the backbone's scores through objects_eval.py's calibration (assemble.py folds it in).
const objCal = JSON.parse(readFileSync(join(CACHE_DIR, 'objects.json'), 'utf8')).calibration;
const calibratedObject = (raw) => 1 / (1 + Math.exp(-(objCal.a * Math.log(raw + objCal.eps) + objCal.b)));
const rowOf = new Map(index.views.map((v, i) => [`${v.file}|${v.kind}`, v.offset ?? i]));
const paths = new Map(loadDataset(DATASET_DIR).map((r) => [r.file, r.path]));
const softmax = (z) => {
  const m = Math.max(...z);
  const e = z.map((x) => Math.exp(x - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
};

const sigmoid = (x) => 1 / (1 + Math.exp(-x));
let maxProb = 0, maxLogit = 0, maxObj = 0, maxKind = 0;
for (let i = 0; i < check.files.length; i++) {
  const img = await renderView(paths.get(check.files[i]), { kind: 'clean' });
  const spec = manifest.input;
  const out = await session.run({ [spec.name]: new ort.Tensor('float32', toTensorData(modelPixels(img, spec), spec), tensorDims(spec)) });
  const logit = out.ai_logit.data[0];
  maxLogit = Math.max(maxLogit, Math.abs(logit - check.logits[i]));
  maxProb = Math.max(maxProb, Math.abs(sigmoid(logit) - sigmoid(check.logits[i])));
  const kindP = softmax(Array.from(out.kind_logits.data)), wantP = softmax(check.kindLogits[i]);
  kindP.forEach((p, k) => { maxKind = Math.max(maxKind, Math.abs(p - wantP[k])); });
  const row = rowOf.get(`${check.files[i]}|clean`);
  for (let k = 0; k < K; k++) maxObj = Math.max(maxObj, Math.abs(out.objects.data[k] - calibratedObject(cachedObjects[row * K + k])));
}
// Model time with the extension's runtime: onnxruntime-web's WASM backend, 1 thread, in Node (the same V8
// WebAssembly engine as Chrome), median over 40 val images after 3 warm-up runs (issue 10's speed target).
const ortWeb = await import('onnxruntime-web');
ortWeb.env.wasm.numThreads = 1;
const wasm = await ortWeb.InferenceSession.create(readFileSync(join(dir, manifest.file)), { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
const times = [];
for (let i = 0; i < 43; i++) {
  const img = await renderView(paths.get(check.files[i % check.files.length]), { kind: 'clean' });
  const spec = manifest.input;
  const feeds = { [spec.name]: new ortWeb.Tensor('float32', toTensorData(modelPixels(img, spec), spec), tensorDims(spec)) };
  const t0 = performance.now();
  await wasm.run(feeds);
  if (i >= 3) times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const timing = { images: times.length, wasmMedianMs: times[Math.floor(times.length / 2)], threads: 1, runtime: 'onnxruntime-web wasm (Node)' };
console.log(`verify: WASM 1 thread median ${timing.wasmMedianMs.toFixed(0)} ms per image over ${timing.images} images`);

const result = { timing, images: check.files.length, maxProbabilityDiff: maxProb, maxLogitDiff: maxLogit, maxObjectDiff: maxObj, maxKindProbabilityDiff: maxKind, tolerance: TOLERANCE };
writeFileSync(join(CACHE_DIR, 'verify.json'), JSON.stringify(result, null, 1));
console.log(`verify: ${result.images} val images, max |dP(AI)| ${maxProb.toExponential(2)}, max |d logit| ${maxLogit.toExponential(2)}, max |d object| ${maxObj.toExponential(2)}, max |d P(kind)| ${maxKind.toExponential(2)}`);
if (!(maxProb <= TOLERANCE && maxObj <= TOLERANCE && maxKind <= TOLERANCE)) {
  console.error(`verify: FAILED (tolerance ${TOLERANCE})`);
  process.exit(1);
}
