// The shared Engine in Node, on one of two runtimes with the same model file and the same pre- and
// post-processing: onnxruntime-node (native CPU kernels, the CLI's default: about 4x faster than WASM
// here, bench/README.md) or onnxruntime-web's WASM backend (the extension's own runtime and kernels).
// Each runtime is imported only when chosen: loading one costs start-up time the other run never needs.
import { availableParallelism } from 'node:os';
import { Engine } from '../shared/engine';
import { readModelFolder } from './model-folder';

/** native: onnxruntime-node's CPU kernels (the CLI's default); wasm: onnxruntime-web's WebAssembly,
 *  the extension's runtime (to compare with the extension, or where the native binary cannot load). */
export const NODE_BACKENDS = ['native', 'wasm'] as const;
export type NodeBackend = (typeof NODE_BACKENDS)[number];

/** Like onnxruntime-web's own browser default: a few threads, never more than the cores. */
export const defaultThreads = (): number => Math.max(1, Math.min(4, availableParallelism()));

export async function createNodeEngine(modelDir: string, opts: { backend?: NodeBackend; threads?: number } = {}): Promise<Engine> {
  const backend = opts.backend ?? 'native';
  const threads = opts.threads ?? defaultThreads();
  // Read the folder while the runtime loads: both are start-up time before the first image.
  const [{ manifest, model }, ort] = await Promise.all([
    readModelFolder(modelDir),
    backend === 'native' ? import('onnxruntime-node') : import('onnxruntime-web'),
  ]);
  if (backend === 'native') {
    return Engine.create(ort, manifest, model, 'native', { executionProviders: ['cpu'], intraOpNumThreads: threads });
  }
  (ort as typeof import('onnxruntime-web')).env.wasm.numThreads = threads;
  return Engine.create(ort, manifest, model, 'wasm', { executionProviders: ['wasm'] });
}
