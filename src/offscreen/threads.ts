// How many WASM threads the model gets: all cores but one (left to the page being scrolled), at most 4.
// On a 2-core machine one WASM thread gave a 238 ms median viewport-to-badge time against 2,287 ms with
// two (npm run bench, bench/results/2026-11-26-quiet.json).
export function wasmThreadsFor(cores: number): number {
  return Math.max(1, Math.min(4, cores - 1));
}
