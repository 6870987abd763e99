// The converted detector backbone (models/_build/centernet-features.{onnx,json}, written by
// tools/tfjs2onnx/build_backbone.py) and a native onnxruntime session for it.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { BACKBONE_JSON, BACKBONE_ONNX } from './dataset.mjs';

export function readBackbone() {
  const meta = JSON.parse(readFileSync(BACKBONE_JSON, 'utf8'));
  const bytes = readFileSync(BACKBONE_ONNX);
  return { meta, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** The backbone's input as a manifest InputSpec (its JSON already uses model-manifest.ts fields). */
export function inputSpec(meta) {
  const { name, layout, width, height, resize, resizeShorter, scale, mean, std } = meta.input;
  return { name, layout, width, height, resize, ...(resizeShorter ? { resizeShorter } : {}), scale, mean, std };
}

export async function createSession(ort, bytes, threads = 2) {
  return ort.InferenceSession.create(bytes, {
    executionProviders: ['cpu'],
    graphOptimizationLevel: 'all',
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
  });
}
