// Where the project's read-only shared data lives (datasets/ai-vs-real, original provenance files, the
// seed model's label map): beside the repository on the project's machines and in CI, absent from a
// user's fresh clone. Every script, tool and test finds it here, so the rule exists once.
// tools/model/cache.py (Python) follows the same rule: DUALSIGHT_SHARED, else ../shared.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The dualsight package folder above this module: found by name, because esbuild bundles of
 *  scripts and benches (scripts/run-ts.mjs) carry this code to other depths under the repository. */
function findRepoRoot(from) {
  for (let dir = from; dirname(dir) !== dir; dir = dirname(dir)) {
    try {
      if (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name === 'dualsight') return dir;
    } catch {
      // no (readable) package.json here: keep looking upwards
    }
  }
  throw new Error(`shared-dir: no dualsight package.json above ${from}`);
}

const repoRoot = findRepoRoot(dirname(fileURLToPath(import.meta.url)));

/** DUALSIGHT_SHARED when set (data kept elsewhere), else the folder beside the repository. */
export const sharedDir = resolve(process.env.DUALSIGHT_SHARED || join(repoRoot, '../shared'));

/** Whether the shared folder exists at all; when it does, everything that needs it runs (and fails loudly on a missing file). */
export const hasShared = existsSync(sharedDir);

/** A path inside the shared folder. */
export const sharedPath = (...parts) => join(sharedDir, ...parts);

/** The validation/training images with their manifest.csv. */
export const datasetDir = sharedPath('datasets/ai-vs-real');
