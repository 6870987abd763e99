// Picks the inference backend: WebGPU when a real (non-fallback) adapter exists and its outputs agree
// with WASM on a self-test image, else multi-threaded WASM. A WebGPU run that fails later falls back to
// WASM for that check and for the rest of the session (RunningEngine).
import { Engine } from '../shared/engine';
import type { BackendChoice } from '../shared/messages';
import type { ModelManifest } from '../shared/model-manifest';
import type { RgbaImage } from '../shared/preprocess';
import { modelPixels } from '../shared/preprocess';
import { RunningEngine } from './running-engine';
import { wasmRuntime, webgpuRuntime } from './runtimes';

/** Largest difference allowed between WebGPU and WASM outputs on the self-test image. */
export const SELF_TEST_TOLERANCE = 2e-3;

/** A fixed synthetic picture (gradients, edges, flat areas) used only to compare two backends. */
export function selfTestImage(size = 256): RgbaImage {
  const data = new Uint8ClampedArray(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      const checker = ((x >> 4) + (y >> 4)) % 2;
      data[i] = (x * 255) / size;
      data[i + 1] = checker ? 220 : (y * 255) / size;
      data[i + 2] = Math.hypot(x - size / 2, y - size / 2) < size / 4 ? 240 : 30;
      data[i + 3] = 255;
    }
  }
  return { width: size, height: size, data };
}

async function webgpuAdapter(): Promise<{ adapter: GPUAdapter | null; fallback: boolean }> {
  const gpu = (navigator as Navigator & { gpu?: GPU }).gpu;
  if (!gpu) return { adapter: null, fallback: false };
  const adapter = await gpu.requestAdapter().catch(() => null);
  if (!adapter) return { adapter: null, fallback: false };
  const info = (adapter as GPUAdapter & { info?: { isFallbackAdapter?: boolean } }).info;
  const fallback = Boolean(info?.isFallbackAdapter ?? (adapter as GPUAdapter & { isFallbackAdapter?: boolean }).isFallbackAdapter);
  return { adapter, fallback };
}

function maxDiff(a: Float32Array, b: Float32Array): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i]! - b[i]!));
  return a.length === b.length ? d : Infinity;
}

/** A WASM engine for a model (the small WASM-only runtime). */
export async function wasmEngine(manifest: ModelManifest, bytes: Uint8Array): Promise<Engine> {
  return Engine.create(await wasmRuntime(), manifest, bytes, 'wasm', { executionProviders: ['wasm'] });
}

export async function startEngine(manifest: ModelManifest, bytes: Uint8Array, choice: BackendChoice): Promise<RunningEngine> {
  const makeWasm = () => wasmEngine(manifest, bytes);
  if (choice === 'wasm') return new RunningEngine(await makeWasm(), makeWasm, 'WASM chosen in settings');
  // The adapter query is cheap; the WASM engine starts meanwhile, as reference or as the engine itself.
  const [wasm, { adapter, fallback }] = await Promise.all([makeWasm(), webgpuAdapter()]);
  if (!adapter) return new RunningEngine(wasm, makeWasm, 'WebGPU is not available in this browser');
  if (fallback && choice === 'auto') return new RunningEngine(wasm, makeWasm, 'only a software (fallback) WebGPU adapter: WASM is faster');
  let gpu: Engine;
  try {
    gpu = await Engine.create(await webgpuRuntime(), manifest, bytes, 'webgpu', { executionProviders: ['webgpu'] });
  } catch (err) {
    return new RunningEngine(wasm, makeWasm, `WebGPU session failed: ${(err as Error).message}`);
  }
  const pixels = modelPixels(selfTestImage(), manifest.input);
  let diff: number;
  try {
    const [a, b] = [await wasm.runPixels(pixels), await gpu.runPixels(pixels)];
    diff = Math.max(maxDiff(a.objects, b.objects), maxDiff(a.authenticity, b.authenticity));
  } catch (err) {
    await gpu.release().catch(() => undefined);
    return new RunningEngine(wasm, makeWasm, `WebGPU self-test failed: ${(err as Error).message}`);
  }
  if (!(diff <= SELF_TEST_TOLERANCE)) {
    await gpu.release().catch(() => undefined);
    return new RunningEngine(wasm, makeWasm, `WebGPU self-test disagreed with WASM (max difference ${diff.toExponential(2)})`);
  }
  // Safe since the two live in separate runtimes (runtimes.ts); a later WebGPU failure makes a new one.
  await wasm.release();
  return new RunningEngine(gpu, makeWasm, fallback ? 'software WebGPU adapter (chosen in settings)' : undefined);
}
