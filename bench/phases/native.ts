// The same model run natively by onnxruntime-node (CPU execution provider) on the same machine, on the
// same pre-processed inputs as the extension (sharp decode as the CLI does, then src/shared/preprocess),
// timing session.run only, as Verdict.modelMs does.
import { readFile } from 'node:fs/promises';
import * as ortNode from 'onnxruntime-node';
import { decodeImage } from '../../src/node/decode-image';
import { readModelFolder } from '../../src/node/model-folder';
import { modelPixels, tensorDims, toTensorData } from '../../src/shared/preprocess';
import type { BenchImage } from '../dataset';
import { summarize, type Summary } from '../stats';

export interface NativeResult {
  threads: number;
  runMs: Summary | null;
  /** Whole per-image path in Node: decode (sharp) + resample + tensor + run. */
  pathMs: Summary | null;
}

export async function runNative(modelDir: string, images: BenchImage[], threadCounts: number[]): Promise<NativeResult[]> {
  const { manifest, model } = await readModelFolder(modelDir);
  const spec = manifest.input;
  const out: NativeResult[] = [];
  for (const threads of threadCounts) {
    const session = await ortNode.InferenceSession.create(model, {
      executionProviders: ['cpu'],
      graphOptimizationLevel: 'all',
      intraOpNumThreads: threads,
      interOpNumThreads: 1,
      executionMode: 'sequential',
    });
    const run: number[] = [];
    const path: number[] = [];
    for (let i = -2; i < images.length; i++) {
      const img = images[Math.max(0, i)]!; // two warm-up runs on the first image
      const t0 = performance.now();
      const rgba = await decodeImage(new Uint8Array(await readFile(img.file)));
      const tensor = new ortNode.Tensor('float32', toTensorData(modelPixels(rgba, spec), spec), tensorDims(spec));
      const t1 = performance.now();
      await session.run({ [spec.name]: tensor }, [manifest.outputs.objects.name, manifest.outputs.authenticity.name]); // as the extension's engine: only the two heads
      const t2 = performance.now();
      if (i < 0) continue;
      run.push(t2 - t1);
      path.push(t2 - t0);
    }
    await session.release();
    out.push({ threads, runMs: summarize(run, 1), pathMs: summarize(path, 1) });
  }
  return out;
}
