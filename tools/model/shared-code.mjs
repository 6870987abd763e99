// Loads the project's own TypeScript pre-processing (src/shared/preprocess.ts), bundled on the fly
// with esbuild, so features are extracted with exactly the code the extension and the CLI run.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CACHE_DIR, REPO_ROOT } from './dataset.mjs';

export async function importShared(name) {
  const outfile = join(CACHE_DIR, 'bundled', `${name}.mjs`);
  mkdirSync(join(CACHE_DIR, 'bundled'), { recursive: true });
  await build({
    entryPoints: [join(REPO_ROOT, 'src/shared', `${name}.ts`)],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile,
    logLevel: 'warning',
    external: ['onnxruntime-web'],
  });
  return import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
}
