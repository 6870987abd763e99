// Writes the README's screenshots under docs/ (see scripts/screenshots.ts). Build first.
import { runTs } from './run-ts.mjs';

await runTs('scripts/screenshots.ts');
