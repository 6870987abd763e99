// Two builds of the extension side by side: cold start and WASM model time (bench/runtime-compare.ts).
// Usage: node scripts/bench-runtimes.mjs --a DIST_A/chrome --b DIST_B/chrome [--rounds 2] [--images 12] [--out FILE]
import { runTs } from './run-ts.mjs';

await runTs('bench/runtime-compare.ts');
