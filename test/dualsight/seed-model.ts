// Test helpers around the seed-model converter: a seeded random-weights DualSight (the real weights
// cannot be downloaded here), converted with the project's own `convert:dualsight` path.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { datasetDir, sharedPath } from '../shared-data';

const run = promisify(execFile);

export const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** The seed model's label map: in the shared data (tests that convert skip without it). */
export const LABELS = sharedPath('dualsight/obj_label_mapping.json');
export const DATASET_IMAGES = join(datasetDir, 'images');
/** Debian's python3 has torch, torchvision, onnx, numpy and PIL; the first python3 on PATH may not. */
export const PYTHON = process.env.DUALSIGHT_PYTHON ?? '/usr/bin/python3';
/** Where tests keep the converted random-weights model between runs (gitignored). */
export const CACHED_SEED_MODEL = join(REPO, '.cache/test-models/dualsight-random');

export async function python(script: string, args: string[]): Promise<string> {
  const { stdout } = await run(PYTHON, [join(REPO, script), ...args], { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

export async function makeRandomWeights(path: string): Promise<void> {
  await python('test/dualsight/make_random_weights.py', [path]);
}

/** Runs the converter exactly as `npm run convert:dualsight -- WEIGHTS LABELS OUT_DIR` does. */
export async function convertSeedModel(weights: string, outDir: string): Promise<string> {
  const { stdout } = await run(process.execPath, [join(REPO, 'tools/dualsight/convert.mjs'), weights, LABELS, outDir], {
    env: { ...process.env, DUALSIGHT_PYTHON: PYTHON },
  });
  return stdout;
}

/** The converted random-weights model folder, built on first use. Returns [folder, weights file]. */
export async function randomSeedModel(): Promise<{ dir: string; weights: string }> {
  const weights = join(CACHED_SEED_MODEL, '..', 'dualsight-random.pth');
  const done = join(CACHED_SEED_MODEL, 'manifest.json');
  if (!existsSync(done) || !existsSync(weights) || statSync(done).mtimeMs < statSync(weights).mtimeMs) {
    mkdirSync(CACHED_SEED_MODEL, { recursive: true });
    await makeRandomWeights(weights);
    await convertSeedModel(weights, CACHED_SEED_MODEL);
  }
  return { dir: CACHED_SEED_MODEL, weights };
}
