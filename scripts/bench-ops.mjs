// `npm run bench:ops`: per-operator-type model time, native vs WASM (bench/op-profile.ts).
import { runTs } from './run-ts.mjs';

await runTs('bench/op-profile.ts');
