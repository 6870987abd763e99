import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** The read-only shared folder beside the repository (datasets); never copied into it. */
export const sharedDir = resolve(repoRoot, '../shared');
export const hasShared = existsSync(join(sharedDir, 'datasets/ai-vs-real/manifest.csv'));
export const fixtureSitesDir = join(repoRoot, 'test/fixtures/sites');
/** The unpacked extension under test; DUALSIGHT_DIST points elsewhere (a build made outside the repo). */
export const chromeDist = process.env.DUALSIGHT_DIST ?? join(repoRoot, 'dist/chrome');
export const firefoxDist = join(repoRoot, 'dist/firefox');
