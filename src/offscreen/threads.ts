// How many WASM threads the model gets: all cores but one (left to the page being scrolled), at most 8
// (onnxruntime-web's thread pool gains little past that on a 512 px model). On a 2-core machine that is
// one thread: with two, checks ran faster (viewport-to-badge 78 against 113 ms), but the first badge when
// a feed opens as the browser starts took 2.0 s against 1.65 s and a long task appeared on the page
// (bench/results/2026-11-29-2threads-default.json; bench/README.md). A 4-core machine gets 3, an 8-core laptop 7.
export const MAX_WASM_THREADS = 8;

export function wasmThreadsFor(cores: number): number {
  return Math.max(1, Math.min(MAX_WASM_THREADS, cores - 1));
}
