#!/usr/bin/env node
// PyTorch vs onnxruntime parity of the fine-tuned backbone: the features train_backbone.py computed with
// tools/model/finetune/onnx_torch.py (PIL decode + bilinear stretch) for a few images must match what
// onnxruntime-node computes from the installed models/_build/centernet-features.onnx with the project's
// own decode and pre-processing (tools/model/render.mjs, src/shared/preprocess.ts). Fails the build if they differ, so a
// training graph that drifted from the ONNX graph, or a bad write-back, cannot ship.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { CACHE_DIR } from '../dataset.mjs';
import { createSession, inputSpec, readBackbone } from '../backbone.mjs';
import { renderView } from '../render.mjs';
import { importShared } from '../shared-code.mjs';

// Relative to the feature's own scale (features reach ~25): float32 in two runtimes, same pixels.
const TOLERANCE = 1e-3;
const { modelPixels, toTensorData, tensorDims } = await importShared('preprocess');
const backbone = readBackbone();
if (!backbone.meta.finetune) {
  console.log('backbone not fine-tuned: no parity to check');
  process.exit(0);
}
const spec = inputSpec(backbone.meta);
const session = await createSession(ort, backbone.bytes, 2);
const records = JSON.parse(readFileSync(join(CACHE_DIR, 'finetune', 'installed-parity.json'), 'utf8'));
let worst = 0;
for (const { path, features } of records) {
  const img = await renderView(path, { kind: 'clean' }); // the file as stored, decoded as extraction decodes it
  const out = await session.run({ [spec.name]: new ort.Tensor('float32', toTensorData(modelPixels(img, spec), spec), tensorDims(spec)) });
  const got = out.features.data;
  const scale = Math.max(1, ...features.map(Math.abs));
  const diff = Math.max(...features.map((v, i) => Math.abs(v - got[i]))) / scale;
  worst = Math.max(worst, diff);
}
console.log(`PyTorch vs onnxruntime features of the fine-tuned backbone, ${records.length} images: max relative difference ${worst.toExponential(2)} (tolerance ${TOLERANCE})`);
if (!(worst <= TOLERANCE)) {
  console.error('parity failed: the fine-tuned ONNX graph does not compute what was trained');
  process.exit(1);
}
