// `npm run bench`: bundles bench/main.ts with esbuild (as scripts/demo.mjs does; playwright-core,
// onnxruntime-node and sharp stay external) and runs it. Options: npm run bench -- --help
import * as esbuild from 'esbuild';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Same depth under the repo as scripts/demo.mjs's bundle, so test/e2e/harness/paths.ts finds the root.
const out = join(root, 'node_modules/.cache/dualsight/bench.mjs');
mkdirSync(dirname(out), { recursive: true });
await esbuild.build({
  entryPoints: [join(root, 'bench/main.ts')],
  outfile: out,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
await import(pathToFileURL(out).href);
