// Pins onnxruntime-web's WASM thread count for a bench build. src/offscreen/backend.ts sets
// ort.env.wasm.numThreads from navigator.hardwareConcurrency; the runtime reads it once, when the first
// session starts. A getter that ignores writes makes that read see the bench's value without editing src/.
import * as ort from 'onnxruntime-web';

declare const __BENCH_WASM_THREADS__: number;

if (__BENCH_WASM_THREADS__ > 0) {
  Object.defineProperty(ort.env.wasm, 'numThreads', { get: () => __BENCH_WASM_THREADS__, set: () => undefined, configurable: true });
}
