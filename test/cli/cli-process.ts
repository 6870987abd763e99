// Runs the CLI as users do (a separate Node process on the esbuild bundle), so exit codes, streaming
// and the bundle's external imports (onnxruntime-node, onnxruntime-web, sharp) are part of what is tested.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import { REPO } from '../dualsight/seed-model';

// Same settings as build.mjs uses for dist/cli/dualsight.mjs; kept inside the repo so that the
// bundle's bare imports resolve from the repo's node_modules.
const BUNDLE = join(REPO, '.cache/test-cli/dualsight.mjs');
let bundled: Promise<unknown> | undefined;

export function bundleCli(): Promise<unknown> {
  bundled ??= build({
    entryPoints: [join(REPO, 'src/cli/main.ts')],
    outfile: BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    external: ['onnxruntime-node', 'onnxruntime-web', 'sharp'],
    logLevel: 'warning',
  });
  return bundled;
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON lines. */
  lines: Record<string, unknown>[];
}

export async function runCli(args: string[]): Promise<CliRun> {
  await bundleCli();
  const child = spawn(process.execPath, [BUNDLE, ...args], { cwd: REPO });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const code = await new Promise<number | null>((done, fail) => child.on('error', fail).on('close', done));
  const lines = args.includes('--json') ? stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) : [];
  return { code, stdout, stderr, lines };
}
