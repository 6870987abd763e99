// `npm run bench:cli`: runs bench/cli.ts (the CLI's start-up and per-image times, native vs wasm).
// Build first (npm run build). Options: --images N (100), --runs N (5), --threads N
import { runTs } from './run-ts.mjs';

await runTs('bench/cli.ts');
