// The two onnxruntime-web builds the inference host loads, each a separate module instance with its own
// WebAssembly instance:
// - `onnxruntime-web/wasm` (ort-wasm-simd-threaded.wasm, 14 MB): every WASM session. The smallest
//   runtime, so a user without a usable GPU never downloads or compiles the WebGPU code.
// - `onnxruntime-web/webgpu` (the native WebGPU execution provider, asyncify build): WebGPU sessions only,
//   loaded only once a real adapter is found (or WebGPU is chosen in settings).
// Why not one runtime: in the default JSEP build (onnxruntime-web 1.30) releasing a WASM-EP session
// breaks every later run of a live WebGPU session in the same instance ("no GPU data for input"), and
// the extension releases WASM sessions after the WebGPU self-test, on engine restarts and after a model
// check. Two instances share no state, so no release in one can break the other.
import type * as OrtNs from 'onnxruntime-web';
import browser from 'webextension-polyfill';
import { wasmThreadsFor } from './threads';

export type Ort = typeof OrtNs;

/** WASM threads need SharedArrayBuffer, i.e. a cross-origin-isolated page (manifest sets COOP/COEP). */
function defaultThreads(): number {
  return globalThis.crossOriginIsolated ? wasmThreadsFor(navigator.hardwareConcurrency || 1) : 1;
}

function configure(ort: Ort): Ort {
  ort.env.wasm.wasmPaths = browser.runtime.getURL('ort/');
  ort.env.wasm.numThreads = defaultThreads();
  return ort;
}

let wasm: Promise<Ort> | undefined;
let webgpu: Promise<Ort> | undefined;

export function wasmRuntime(): Promise<Ort> {
  wasm ??= import('onnxruntime-web/wasm').then((m) => configure(m as unknown as Ort));
  return wasm;
}

export function webgpuRuntime(): Promise<Ort> {
  webgpu ??= import('onnxruntime-web/webgpu').then((m) => configure(m as unknown as Ort));
  return webgpu;
}
