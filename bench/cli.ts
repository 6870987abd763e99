// `npm run bench:cli`: the CLI as a user meets it, per runtime (native, wasm), on the built
// dist/cli bundle started through bin/dualsight.mjs:
//  - start-up: process spawn -> the first image's line on stdout, for one small image (median of runs);
//    Node's own start (`node -e 0`) and `--help` (the bundle loaded, no runtime) for scale,
//  - one image: spawn -> exit,
//  - a folder of N images: wall time, then the steady per-image time (first line -> exit) / (N - 1),
//    and the CLI's own per-image "ms" (read, decode, model, provenance) and "modelMs" medians.
// Images: validation images of the shared data's ai-vs-real (both classes), else drawn ones.
// Usage: npm run bench:cli -- [--images 100] [--runs 5] [--threads N]
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { drawImages } from '../test/fixtures/drawn-images';
import { repoRoot } from '../test/e2e/harness/paths';
import { datasetDir, hasShared } from '../test/shared-data';
import { median, summarize } from './stats';

const BIN = join(repoRoot, 'bin/dualsight.mjs');

interface Timed {
  firstLineMs: number;
  exitMs: number;
  lines: string[];
  code: number | null;
}

function timed(args: string[]): Promise<Timed> {
  return new Promise((done, fail) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    let firstLineMs = NaN;
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      if (Number.isNaN(firstLineMs) && s.includes('\n')) firstLineMs = performance.now() - t0;
      out += s;
    });
    child.on('error', fail).on('close', (code) => done({ firstLineMs, exitMs: performance.now() - t0, lines: out.split('\n').filter(Boolean), code }));
  });
}

function datasetImages(n: number): string[] {
  const [header, ...rows] = readFileSync(join(datasetDir, 'manifest.csv'), 'utf8').trim().split('\n');
  const cols = header!.split(',');
  const at = (f: string[], name: string): string => f[cols.indexOf(name)]!;
  const byLabel: Record<string, string[]> = { ai: [], real: [] };
  for (const row of rows) {
    const f = row.split(',');
    if (at(f, 'split') === 'val') byLabel[at(f, 'label')]?.push(join(datasetDir, 'images', at(f, 'label'), at(f, 'file')));
  }
  const out: string[] = [];
  for (let i = 0; out.length < n; i++) for (const label of ['ai', 'real']) if (out.length < n && byLabel[label]![i]) out.push(byLabel[label]![i]!);
  return out;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { images: { type: 'string', default: '100' }, runs: { type: 'string', default: '5' }, threads: { type: 'string' } } });
  const count = Number(values.images);
  const runs = Number(values.runs);
  const tmp = mkdtempSync(join(tmpdir(), 'dualsight-bench-cli-'));
  const folder = join(tmp, 'images');
  mkdirSync(folder);
  const sources = hasShared ? datasetImages(count) : await drawImages(join(repoRoot, '.cache/test-media'), count);
  sources.forEach((f, i) => symlinkSync(f, join(folder, `${String(i).padStart(4, '0')}-${f.split('/').pop()}`)));
  // "A small image": 128 x 96 pixels, about 4 KB.
  const small = join(tmp, 'small.jpg');
  writeFileSync(small, await sharp(sources[0]!).resize(128, 96, { fit: 'fill' }).jpeg().toBuffer());
  const threads = values.threads ? ['--threads', values.threads] : [];
  console.log(`bench:cli: ${sources.length} ${hasShared ? 'validation images of ai-vs-real' : 'drawn images'}; start-up: median of ${runs} runs\n`);

  const nodeStart = [];
  const help = [];
  for (let i = 0; i < runs; i++) {
    nodeStart.push((await timed(['-e', '0'])).exitMs);
    help.push((await timed([BIN, '--help'])).exitMs);
  }
  console.log(`node -e 0 (Node's own start and exit): ${median(nodeStart).toFixed(0)} ms; dualsight --help: ${median(help).toFixed(0)} ms`);

  for (const backend of ['native', 'wasm']) {
    const first = [];
    const exit = [];
    for (let i = 0; i < runs; i++) {
      const r = await timed([BIN, 'verify', '--backend', backend, ...threads, small]);
      if (r.code !== 0) throw new Error(`${backend}: exit ${r.code}`);
      first.push(r.firstLineMs);
      exit.push(r.exitMs);
    }
    const f = await timed([BIN, 'verify', '--json', '--backend', backend, ...threads, folder]);
    if (f.code !== 0 || f.lines.length !== sources.length) throw new Error(`${backend}: folder run exit ${f.code}, ${f.lines.length} lines`);
    const json = f.lines.map((l) => JSON.parse(l) as { ms: number; modelMs: number });
    const steady = (f.exitMs - f.firstLineMs) / (sources.length - 1);
    const s = summarize(json.map((j) => j.ms), 0)!;
    const m = summarize(json.map((j) => j.modelMs), 0)!;
    console.log(
      `${backend.padEnd(6)} start-up (spawn -> first line, small image) ${median(first).toFixed(0)} ms (runs: ${first.map((x) => x.toFixed(0)).join(', ')}); ` +
        `1 image spawn -> exit ${median(exit).toFixed(0)} ms; ${sources.length}-image folder ${(f.exitMs / 1000).toFixed(1)} s, ` +
        `${steady.toFixed(0)} ms per image after the first; per-image "ms" median ${s.median} (p95 ${s.p95}), "modelMs" median ${m.median} (p95 ${m.p95})`,
    );
  }
  rmSync(tmp, { recursive: true, force: true });
}

await main();
