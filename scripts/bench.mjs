// `npm run bench`: runs bench/main.ts (playwright-core, onnxruntime-node and sharp stay external).
// Options: npm run bench -- --help
import { runTs } from './run-ts.mjs';

await runTs('bench/main.ts');
