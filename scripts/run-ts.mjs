// Runs a TypeScript entry of this repo (scripts/demo.ts, bench/main.ts) in Node: esbuild bundles it
// to .cache/run-ts/bundles/ (packages stay external) and the bundle is imported. Not under
// node_modules: where node_modules is a link to a shared install, the bundle would land (and Node's
// resolved import.meta.url would point) in another checkout.
// The bundle sits at the same depth under the repo for every entry, so test/e2e/harness/paths.ts,
// which locates the repo from its own URL, finds the root.
import * as esbuild from 'esbuild';
import { mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function runTs(entry) {
  const out = join(root, '.cache/run-ts/bundles', `${basename(dirname(entry))}-${basename(entry, '.ts')}.mjs`);
  mkdirSync(dirname(out), { recursive: true });
  await esbuild.build({
    entryPoints: [join(root, entry)],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  await import(pathToFileURL(out).href);
}
