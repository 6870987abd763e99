// Picks the inference backend: WebGPU when a real (non-fallback) adapter exists and its outputs agree
// with WASM on a self-test image, else multi-threaded WASM.
import * as ort from 'onnxruntime-web';
import browser from 'webextension-polyfill';
import { Engine } from '../shared/engine';
import type { BackendChoice } from '../shared/messages';
import type { ModelManifest } from '../shared/model-manifest';
import type { RgbaImage } from '../shared/preprocess';
import { modelPixels } from '../shared/preprocess';
import { wasmThreadsFor } from './threads';

/** Largest difference allowed between WebGPU and WASM outputs on the self-test image. */
export const SELF_TEST_TOLERANCE = 2e-3;


let configured = false;
function configureOrt(): void {
  if (configured) return;
  configured = true;
  ort.env.wasm.wasmPaths = browser.runtime.getURL('ort/');
  // Threads need SharedArrayBuffer, i.e. a cross-origin-isolated page (manifest sets COOP/COEP).
  ort.env.wasm.numThreads = globalThis.crossOriginIsolated ? wasmThreadsFor(navigator.hardwareConcurrency || 1) : 1;
}

export function setWasmThreads(n: number): void {
  configureOrt();
  ort.env.wasm.numThreads = n;
}

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

export interface StartedEngine {
  engine: Engine;
  /** Why WebGPU is not used, when it is not. */
  note?: string;
}

export async function startEngine(manifest: ModelManifest, bytes: Uint8Array, choice: BackendChoice): Promise<StartedEngine> {
  configureOrt();
  const wasm = await Engine.create(ort as never, manifest, bytes, 'wasm', { executionProviders: ['wasm'] });
  if (choice === 'wasm') return { engine: wasm, note: 'WASM chosen in settings' };
  const { adapter, fallback } = await webgpuAdapter();
  if (!adapter) return { engine: wasm, note: 'WebGPU is not available in this browser' };
  if (fallback && choice === 'auto') return { engine: wasm, note: 'only a software (fallback) WebGPU adapter: WASM is faster' };
  let gpu: Engine;
  try {
    gpu = await Engine.create(ort as never, manifest, bytes, 'webgpu', { executionProviders: ['webgpu'] });
  } catch (err) {
    return { engine: wasm, note: `WebGPU session failed: ${(err as Error).message}` };
  }
  const pixels = modelPixels(selfTestImage(), manifest.input);
  const [a, b] = [await wasm.runPixels(pixels), await gpu.runPixels(pixels)];
  const diff = Math.max(maxDiff(a.objects, b.objects), maxDiff(a.authenticity, b.authenticity));
  if (!(diff <= SELF_TEST_TOLERANCE)) {
    await gpu.release();
    return { engine: wasm, note: `WebGPU self-test disagreed with WASM (max difference ${diff.toExponential(2)})` };
  }
  await wasm.release();
  return { engine: gpu, note: fallback ? 'software WebGPU adapter (chosen in settings)' : undefined };
}
