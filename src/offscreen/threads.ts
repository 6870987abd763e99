// How many WASM threads the model gets: all cores but one (left to the page being scrolled), at most 8
// (onnxruntime-web's thread pool gains little past that on a 512 px model). On a 2-core machine that is
// one thread: two gave a 2,287 ms median viewport-to-badge time against 238 ms with one
// (npm run bench, bench/results/2026-11-26-quiet.json). A 4-core machine gets 3, an 8-core laptop 7.
export const MAX_WASM_THREADS = 8;

export function wasmThreadsFor(cores: number): number {
  return Math.max(1, Math.min(MAX_WASM_THREADS, cores - 1));
}
