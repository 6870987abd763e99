// `dualsight verify` as a user runs it: the --json contract, errors that do not stop the run,
// exit codes, folder search, URLs (from a local server), error words and the readable output. The
// images are the project's own drawings, so this runs on a fresh clone too (backends.test.ts compares
// the runtimes on real images).
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseManifest, type ModelManifest } from '../../src/shared/model-manifest';
import { REPO, randomSeedModel } from '../dualsight/seed-model';
import { declaredAiPng, drawImage } from '../fixtures/drawn-images';
import { runCli } from './cli-process';
import { pngBomb } from '../fixtures/png-bomb';

const DEFAULT_MODEL = join(REPO, 'models/dualsight-lite');

/** The shipped default model when it exists, else the converted random-weights seed model. */
async function modelForTests(): Promise<string> {
  if (existsSync(join(DEFAULT_MODEL, 'manifest.json'))) return DEFAULT_MODEL;
  return (await randomSeedModel()).dir;
}

function expectVerdictShape(line: Record<string, any>, m: ModelManifest, limit: number, backend = 'native'): void {
  // A model with a kind head adds the image's kind; a graphic's verdict is "none" (not scored).
  const kindKeys = m.outputs.kind ? ['kind', 'kindProbability'] : [];
  expect(Object.keys(line).sort()).toEqual(['ai', 'backend', 'input', 'modelMs', 'model', 'ms', 'objects', 'provenance', ...kindKeys].sort());
  if (m.outputs.kind) {
    expect(m.outputs.kind.labels).toContain(line.kind);
    expect(line.kindProbability).toBeGreaterThan(0);
  }
  expect(line.backend).toBe(backend);
  expect(typeof line.input).toBe('string');
  expect(line.ai.probability).toBeGreaterThanOrEqual(0);
  expect(line.ai.probability).toBeLessThanOrEqual(1);
  const p = line.ai.probability as number;
  const unscored = !!m.outputs.kind?.unscored.includes(line.kind) && line.kindProbability >= m.outputs.kind!.unscoredAt;
  expect(line.ai.verdict).toBe(unscored ? 'none' : p >= m.thresholds.ai ? 'ai' : p <= m.thresholds.real ? 'real' : 'unsure');
  expect(line.objects.length).toBeLessThanOrEqual(limit);
  for (const o of line.objects) {
    expect(typeof o.label).toBe('string');
    expect(o.score).toBeGreaterThanOrEqual(m.thresholds.object);
    expect(o.score).toBeLessThanOrEqual(1);
  }
  const scores = line.objects.map((o: { score: number }) => o.score);
  expect(scores).toEqual([...scores].sort((a, b) => b - a));
  expect(line.model).toBe(`${m.name}@${m.version}`);
  expect(Number.isInteger(line.ms) && line.ms >= 0).toBe(true);
  expect(Number.isInteger(line.modelMs) && line.modelMs <= line.ms).toBe(true);
  expect([null, 'ai', 'camera']).toContain(line.provenance.declared);
  for (const s of line.provenance.signals) expect(typeof s.kind === 'string' && typeof s.summary === 'string').toBe(true);
}

describe('dualsight verify', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'dualsight-cli-test-'));
  const JPEG = join(tmp, 'drawing-1.jpg');
  const JPEG2 = join(tmp, 'drawing-2.jpg');
  // A PNG whose text chunk carries AUTOMATIC1111's generation parameters.
  const GENERATED_PNG = join(tmp, 'generated.png');
  let model: string;
  let manifest: ModelManifest;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    writeFileSync(JPEG, await drawImage(0));
    writeFileSync(JPEG2, await drawImage(1));
    writeFileSync(GENERATED_PNG, await declaredAiPng());
    model = await modelForTests();
    manifest = parseManifest(JSON.parse(readFileSync(join(model, 'manifest.json'), 'utf8')));
    server = createServer((req, res) => {
      if (req.url === '/photo.jpg') res.writeHead(200, { 'content-type': 'image/jpeg' }).end(readFileSync(JPEG));
      else if (req.url === '/page.html') res.writeHead(200, { 'content-type': 'text/html' }).end('<p>hi</p>');
      else res.writeHead(404).end();
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((done) => server.close(done));
    rmSync(tmp, { recursive: true, force: true });
  });

  it('searches folders recursively, in sorted order, for image files only', async () => {
    const root = join(tmp, 'album');
    mkdirSync(join(root, 'b/deeper'), { recursive: true });
    copyFileSync(JPEG, join(root, 'b/deeper/two.JPG'));
    copyFileSync(JPEG2, join(root, 'a.jpeg'));
    writeFileSync(join(root, 'notes.txt'), 'not an image, and not picked up');
    const run = await runCli(['verify', '--json', '--model', model, root]);
    expect(run.code).toBe(0);
    expect(run.lines.map((l) => l.input)).toEqual([join(root, 'a.jpeg'), join(root, 'b/deeper/two.JPG')]);
    for (const line of run.lines) expectVerdictShape(line, manifest, 3);
  });

  it('reports each failing input as {input, error}, checks the rest, and exits 1', async () => {
    const notImage = join(tmp, 'letter.jpg');
    writeFileSync(notImage, 'Dear reader, this is text.');
    const truncated = join(tmp, 'truncated.jpg');
    writeFileSync(truncated, readFileSync(JPEG).subarray(0, 6000));
    const missing = join(tmp, 'no-such-file.png');
    const huge = join(tmp, 'huge.png');
    writeFileSync(huge, pngBomb(60000, 60000, 0)); // 3.6 gigapixels claimed, no pixel data
    const inputs = [missing, notImage, JPEG, truncated, `${base}/gone.jpg`, `${base}/page.html`, `${base}/photo.jpg`, huge];
    const run = await runCli(['verify', '--json', '--limit', '2', '--model', model, ...inputs]);
    expect(run.code).toBe(1);
    expect(run.lines.map((l) => l.input)).toEqual(inputs);
    const errors = run.lines.map((l) => l.error);
    expect(errors[0]).toMatch(/no such file/);
    expect(errors[1]).toMatch(/not an image/);
    expect(errors[3]).toMatch(/could not decode the image \(jpeg\): .*premature end/i);
    expect(errors[4]).toBe('server answered 404 Not Found');
    expect(errors[5]).toMatch(/not an image \(content-type: text\/html\)/);
    expect(errors[7]).toMatch(/larger than 50 megapixels/);
    for (const i of [0, 1, 3, 4, 5, 7]) expect(Object.keys(run.lines[i]!).sort()).toEqual(['error', 'input']);
    // The good file and the same bytes over HTTP give the same verdict.
    for (const i of [2, 6]) expectVerdictShape(run.lines[i]!, manifest, 2);
    expect(run.lines[6]!.ai).toEqual(run.lines[2]!.ai);
    expect(run.lines[6]!.objects).toEqual(run.lines[2]!.objects);
  });

  it('says in words why a host could not be reached, and fails a folder without images', async () => {
    // A port that was just free: nothing listens there now.
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((done) => closed.close(done));
    const empty = join(tmp, 'empty-album');
    mkdirSync(join(empty, 'sub'), { recursive: true });
    writeFileSync(join(empty, 'sub/readme.txt'), 'no pictures here');
    const inputs = [`http://127.0.0.1:${port}/a.jpg`, 'http://no-such-host.invalid/a.jpg', empty];
    const run = await runCli(['verify', '--json', '--model', model, ...inputs]);
    expect(run.code).toBe(1);
    expect(run.lines.map((l) => l.input)).toEqual(inputs);
    expect(run.lines[0]!.error).toBe(`could not reach host 127.0.0.1:${port} (connection refused)`);
    // No DNS at all (an offline machine) is a failed lookup rather than "no such host".
    expect(run.lines[1]!.error).toMatch(/^could not reach host no-such-host\.invalid \((no such host|name lookup failed; is the network up\?)\)$/);
    expect(run.lines[2]!.error).toMatch(/^no images in this folder \(looked for \.jpg .* files, in sub-folders too\)$/);
    const text = await runCli(['verify', '--model', model, empty]);
    expect(text.code).toBe(1);
    expect(text.stdout).toBe('');
    expect(text.stderr).toBe(`${empty}: Could not check: no images in this folder (looked for .jpg .jpeg .png .webp .gif .avif .tif .tiff files, in sub-folders too)\n`);
  });

  it('prints one readable line per image, declared provenance first, errors on stderr', async () => {
    const run = await runCli(['verify', '--model', model, '--threads', '1', JPEG, join(tmp, 'absent.jpg'), GENERATED_PNG]);
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    const kind = manifest.outputs.kind ? '; kind: (photo|artwork|graphic|photo with text) \\d+%' : '';
    expect(lines[1]).toMatch(new RegExp(`: AI \\(declared\\), AI score \\d+%${kind}; objects: `));
    const verdict = '(Likely AI \\d+%|Unsure, AI score \\d+%|Likely real, AI score \\d+%|(Photo|Artwork|Graphic|Photo with text) · not scored, AI score \\d+% \\(not used for this kind\\))';
    expect(lines[0]).toMatch(new RegExp(`^${JPEG.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: ${verdict}${kind}; objects: .+ \\[${manifest.name}@${manifest.version}, \\d+ ms\\]$`));
    expect(run.stderr.trim()).toBe(`${join(tmp, 'absent.jpg')}: Could not check: no such file or folder`);
  });

  it('refuses a model whose file does not match its manifest, and bad usage, with exit 2', async () => {
    const tampered = join(tmp, 'tampered-model');
    mkdirSync(tampered);
    const m = JSON.parse(readFileSync(join(model, 'manifest.json'), 'utf8'));
    symlinkSync(join(model, m.file), join(tampered, m.file));
    writeFileSync(join(tampered, 'manifest.json'), JSON.stringify({ ...m, sha256: '0'.repeat(64) }));
    const bad = await runCli(['verify', '--model', tampered, JPEG]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/SHA-256 is [0-9a-f]{64}, the manifest says 0{64}/);
    expect((await runCli(['verify', '--limit', '11', JPEG])).code).toBe(2);
    const backend = await runCli(['verify', '--backend', 'gpu', JPEG]);
    expect(backend.code).toBe(2);
    expect(backend.stderr).toMatch(/^dualsight: --backend must be native or wasm, got "gpu"/);
    expect((await runCli(['verify'])).code).toBe(2);
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: dualsight verify/);
  });
});
