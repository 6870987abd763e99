// Pins onnxruntime-web's WASM thread count for a bench build. src/offscreen/runtimes.ts sets
// env.wasm.numThreads from navigator.hardwareConcurrency in each runtime it loads; the runtime reads it
// once, when its first session starts. A getter that ignores writes makes that read see the bench's value
// without editing src/.
import * as ortWasm from 'onnxruntime-web/wasm';
import * as ortWebgpu from 'onnxruntime-web/webgpu';

declare const __BENCH_WASM_THREADS__: number;

if (__BENCH_WASM_THREADS__ > 0) {
  for (const ort of [ortWasm, ortWebgpu]) {
    Object.defineProperty(ort.env.wasm, 'numThreads', { get: () => __BENCH_WASM_THREADS__, set: () => undefined, configurable: true });
  }
}
