#!/usr/bin/env node
// Calibration and evaluation of the int8 variant (int8.py). Images: ../shared/datasets/ai-vs-real,
// clean views (as stored), the project's own pre-processing (src/shared/preprocess.ts).
//   evaluate.mjs calibrate EXPOSED_MODEL NAMES_JSON OUT_RANGES_JSON [N]   # min/max of each tensor on N train images
//   evaluate.mjs compare MODEL_DIR INT8_MODEL OUT_JSON                     # agreement on every val image, and speed
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ortNode from 'onnxruntime-node';
import * as ortWeb from 'onnxruntime-web';
import { DATASET_DIR, loadDataset } from '../model/dataset.mjs';
import { renderView } from '../model/render.mjs';
import { importShared } from '../model/shared-code.mjs';

const { modelPixels, toTensorData, tensorDims } = await importShared('preprocess');
const { parseManifest } = await importShared('model-manifest');
const { interpret } = await importShared('postprocess');

const rows = loadDataset(DATASET_DIR);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function tensorFor(ort, spec, path) {
  const img = await renderView(path, { kind: 'clean' });
  return new ort.Tensor('float32', toTensorData(modelPixels(img, spec), spec), tensorDims(spec));
}

async function calibrate(model, namesFile, out, n = '64') {
  const names = JSON.parse(readFileSync(namesFile, 'utf8'));
  const manifest = parseManifest(JSON.parse(readFileSync(join(process.env.MODEL_DIR ?? 'models/dualsight-lite', 'manifest.json'), 'utf8')));
  const session = await ortNode.InferenceSession.create(readFileSync(model), { intraOpNumThreads: 2 });
  // Train images only, both classes, spread over the groups (every k-th row).
  const train = rows.filter((r) => r.split === 'train');
  const step = Math.max(1, Math.floor(train.length / Number(n)));
  const picked = train.filter((_, i) => i % step === 0).slice(0, Number(n));
  const ranges = Object.fromEntries(names.map((t) => [t, [Infinity, -Infinity]]));
  for (const r of picked) {
    const outs = await session.run({ [manifest.input.name]: await tensorFor(ortNode, manifest.input, r.path) }, names);
    for (const t of names) {
      const d = outs[t].data;
      let lo = ranges[t][0], hi = ranges[t][1];
      for (let i = 0; i < d.length; i++) {
        const v = d[i];
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      ranges[t] = [lo, hi];
    }
  }
  writeFileSync(out, JSON.stringify(ranges));
  console.log(`calibrate: ${names.length} tensors over ${picked.length} train images -> ${out}`);
}

/** Median session.run time over `feeds` (two warm-up runs first), then the session is released. */
async function timeRuns(session, feeds, outputs) {
  const t = [];
  for (let i = -2; i < feeds.length; i++) {
    const t0 = performance.now();
    await session.run(feeds[Math.max(0, i)], outputs);
    if (i >= 0) t.push(performance.now() - t0);
  }
  await session.release();
  return median(t);
}

async function timeWasm(bytes, feeds, outputs) {
  ortWeb.env.wasm.numThreads = 1;
  return timeRuns(await ortWeb.InferenceSession.create(bytes, { graphOptimizationLevel: 'all', executionProviders: ['wasm'] }), feeds, outputs);
}

async function timeNative(bytes, feeds, outputs) {
  return timeRuns(await ortNode.InferenceSession.create(bytes, { intraOpNumThreads: 1, interOpNumThreads: 1, graphOptimizationLevel: 'all' }), feeds, outputs);
}

async function compare(dir, int8Path, out) {
  const manifest = parseManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
  const fp32Bytes = readFileSync(join(dir, manifest.file));
  const int8Bytes = readFileSync(int8Path);
  const outputs = [manifest.outputs.objects.name, manifest.outputs.authenticity.name];
  const opts = { intraOpNumThreads: 2, graphOptimizationLevel: 'all' };
  const [fp32, int8] = await Promise.all([ortNode.InferenceSession.create(fp32Bytes, opts), ortNode.InferenceSession.create(int8Bytes, opts)]);
  const val = rows.filter((r) => r.split === 'val');
  const results = [];
  for (const r of val) {
    const feeds = { [manifest.input.name]: await tensorFor(ortNode, manifest.input, r.path) };
    const read = async (s) => {
      const o = await s.run(feeds, outputs);
      return interpret({ objects: o[outputs[0]].data, authenticity: o[outputs[1]].data }, manifest, { objectLimit: 3 });
    };
    const [a, b] = [await read(fp32), await read(int8)];
    results.push({ label: r.label, pA: a.ai.probability, pB: b.ai.probability, vA: a.ai.verdict, vB: b.ai.verdict, oA: a.objects.map((x) => x.label).join(','), oB: b.objects.map((x) => x.label).join(',') });
  }
  const balanced = (key) => {
    const acc = (label) => {
      const xs = results.filter((x) => x.label === label);
      return xs.filter((x) => (x[key] >= 0.5) === (label === 'ai')).length / xs.length;
    };
    return (acc('ai') + acc('real')) / 2;
  };
  const diffs = results.map((x) => Math.abs(x.pA - x.pB));
  const timingFeeds = [];
  for (const r of val.slice(0, 12)) timingFeeds.push({ [manifest.input.name]: await tensorFor(ortWeb, manifest.input, r.path) });
  const nativeFeeds = timingFeeds.map((f) => ({ [manifest.input.name]: new ortNode.Tensor('float32', f[manifest.input.name].data, f[manifest.input.name].dims) }));
  const report = {
    images: results.length,
    probability: { maxAbsDiff: Math.max(...diffs), meanAbsDiff: diffs.reduce((s, d) => s + d, 0) / diffs.length, medianAbsDiff: median(diffs) },
    verdictAgreement: results.filter((x) => x.vA === x.vB).length / results.length,
    top3ObjectsIdentical: results.filter((x) => x.oA === x.oB).length / results.length,
    balancedAccuracyAt05: { fp32: balanced('pA'), int8: balanced('pB') },
    modelBytes: { fp32: fp32Bytes.length, int8: int8Bytes.length },
    wasm1ThreadMedianMs: { fp32: await timeWasm(fp32Bytes, timingFeeds, outputs), int8: await timeWasm(int8Bytes, timingFeeds, outputs) },
    native1ThreadMedianMs: { fp32: await timeNative(fp32Bytes, nativeFeeds, outputs), int8: await timeNative(int8Bytes, nativeFeeds, outputs) },
  };
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(JSON.stringify(report, null, 2));
}

const [cmd, ...args] = process.argv.slice(2);
if (cmd === 'calibrate') await calibrate(...args);
else if (cmd === 'compare') await compare(...args);
else throw new Error('usage: evaluate.mjs calibrate|compare ...');
