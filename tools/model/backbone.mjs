// The converted detector backbone (models/_build/centernet-features.{onnx,json}) as the extension's
// InputSpec, and a native onnxruntime session for it.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { BACKBONE_JSON, BACKBONE_ONNX } from './dataset.mjs';

export function readBackbone() {
  const meta = JSON.parse(readFileSync(BACKBONE_JSON, 'utf8'));
  const bytes = readFileSync(BACKBONE_ONNX);
  return { meta, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** The backbone description's input as a manifest InputSpec (model-manifest.ts). */
export function inputSpec(meta) {
  const i = meta.input;
  return {
    name: i.name,
    layout: i.layout ?? 'NCHW',
    width: i.width,
    height: i.height,
    resize: i.resize ?? 'stretch',
    ...(i.resizeShorter ? { resizeShorter: i.resizeShorter } : {}),
    scale: i.scale,
    mean: i.mean,
    std: i.std,
  };
}

export async function createSession(ort, bytes, threads = 2) {
  return ort.InferenceSession.create(bytes, {
    executionProviders: ['cpu'],
    graphOptimizationLevel: 'all',
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
  });
}
