#!/usr/bin/env node
// Object naming against input size: the backbone is built at each size (build_backbone.py --size S into a
// temp dir), every clean COCO photo of the dataset is run through it, and the scores go to
// .cache/model/size-sweep.json; tools/model/size_sweep.py then sets the object threshold on the train
// photos exactly as objects_eval.py does (87% precision) and prints recall and precision per size.
// Speed per size: tools/tfjs2onnx/bench.mjs.
//
//   node tools/model/size_sweep.mjs [--sizes 320,352,384,416,512] && /usr/bin/python3 tools/model/size_sweep.py
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as ort from 'onnxruntime-node';
import { CACHE_DIR, REPO_ROOT, loadDataset } from './dataset.mjs';
import { renderView } from './render.mjs';
import { createSession, inputSpec } from './backbone.mjs';
import { importShared } from './shared-code.mjs';

const { values: args } = parseArgs({ options: { sizes: { type: 'string', default: '320,352,384,416,512' } } });
const { modelPixels, toTensorData, tensorDims } = await importShared('preprocess');
const rows = loadDataset().filter((r) => r.group === 'coco');
const out = { images: rows.map((r) => ({ file: r.file, split: r.split, coco_objects: r.coco_objects })), sizes: {} };
for (const size of args.sizes.split(',').map(Number)) {
  const dir = mkdtempSync(join(tmpdir(), 'dualsight-size-'));
  execFileSync('/usr/bin/python3', [join(REPO_ROOT, 'tools/tfjs2onnx/build_backbone.py'), '--size', String(size), '--out-dir', dir]);
  const meta = JSON.parse(readFileSync(join(dir, 'centernet-features.json'), 'utf8'));
  const spec = inputSpec(meta);
  const session = await createSession(ort, readFileSync(join(dir, meta.file)), 2);
  out.labels = meta.outputs.objects.labels;
  out.sizes[size] = [];
  for (const r of rows) {
    const img = await renderView(r.path, { kind: 'clean' });
    const res = await session.run({ [spec.name]: new ort.Tensor('float32', toTensorData(modelPixels(img, spec), spec), tensorDims(spec)) }, ['objects']);
    out.sizes[size].push(Array.from(res.objects.data));
  }
  rmSync(dir, { recursive: true, force: true });
  console.log(`size-sweep: ${size} px, ${rows.length} COCO photos`);
}
writeFileSync(join(CACHE_DIR, 'size-sweep.json'), JSON.stringify(out));
