// The default model folder belongs to the package, not to the current directory, so
// `npx dualsight verify photo.jpg` works from anywhere.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_MODEL = 'models/dualsight-lite';

/** The nearest folder above this module whose package.json is the dualsight package. */
export function packageRoot(from = dirname(fileURLToPath(import.meta.url))): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if (JSON.parse(readFileSync(pkg, 'utf8')).name === 'dualsight') return dir;
      } catch {
        // unreadable package.json: keep looking upwards
      }
    }
    if (dirname(dir) === dir) return undefined;
  }
}

export function defaultModelDir(): string {
  const root = packageRoot();
  return root ? join(root, DEFAULT_MODEL) : DEFAULT_MODEL;
}
