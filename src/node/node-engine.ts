// The shared Engine on onnxruntime-web's WASM backend in Node: the same runtime, kernels and code path
// as the extension's WASM fallback, so the CLI's numbers are the extension's numbers.
import { availableParallelism } from 'node:os';
import * as ort from 'onnxruntime-web';
import { Engine } from '../shared/engine';
import { readModelFolder } from './model-folder';

/** Like onnxruntime-web's own browser default: a few threads, never more than the cores. */
export const defaultThreads = (): number => Math.max(1, Math.min(4, availableParallelism()));

export async function createNodeEngine(modelDir: string, opts: { threads?: number } = {}): Promise<Engine> {
  const { manifest, model } = await readModelFolder(modelDir);
  ort.env.wasm.numThreads = opts.threads ?? defaultThreads();
  return Engine.create(ort, manifest, model, 'node-wasm', { executionProviders: ['wasm'] });
}
