// Where the project's read-only shared data lives (datasets/ai-vs-real, original provenance files, the
// seed model's label map): beside the repository on the project's machines and in CI, absent from a
// user's fresh clone. Every script, tool and test finds it here, so the rule exists once.
// tools/model/cache.py (Python) follows the same rule: DUALSIGHT_SHARED, else ../shared.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** DUALSIGHT_SHARED when set (data kept elsewhere), else the folder beside the repository. */
export const sharedDir = resolve(process.env.DUALSIGHT_SHARED || join(repoRoot, '../shared'));

/** Whether the shared folder exists at all; when it does, everything that needs it runs (and fails loudly on a missing file). */
export const hasShared = existsSync(sharedDir);

/** A path inside the shared folder. */
export const sharedPath = (...parts) => join(sharedDir, ...parts);

/** The validation/training images with their manifest.csv. */
export const datasetDir = sharedPath('datasets/ai-vs-real');
