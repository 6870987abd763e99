// The Firefox build must pass Mozilla's linter (web-ext lint) with no errors. Runs on dist/firefox,
// which `npm test` builds first.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const dist = join(root, 'dist/firefox');

describe('dist/firefox', () => {
  it('passes web-ext lint with no errors', async () => {
    expect(existsSync(join(dist, 'manifest.json')), 'run `npm run build` first').toBe(true);
    const bin = join(root, 'node_modules/.bin/web-ext');
    const { stdout } = await promisify(execFile)(bin, ['lint', '--source-dir', dist, '--output', 'json', '--no-config-discovery'], {
      maxBuffer: 64 * 1024 * 1024,
    }).catch((err: { stdout?: string }) => ({ stdout: err.stdout ?? '' }));
    const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as { errors: { code: string; message: string; file?: string }[]; warnings: unknown[] };
    expect(report.errors.map((e) => `${e.code}: ${e.message} (${e.file ?? ''})`)).toEqual([]);
  }, 120_000);
});
