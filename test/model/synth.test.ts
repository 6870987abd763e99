// The synthetic-data generator (tools/model/synth/build.mjs, issue 10 item 2) at a tiny scale: two
// runs give byte-identical manifests and images, every file is a normalised JPEG of the size its row
// says, every kind is present (memes on pictures of both classes), and every shared picture it used
// comes from the train split. Without the shared data the generator says so in one line and fails.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetDir, hasShared, needsShared } from '../shared-data';

const ROOT = resolve(__dirname, '../..');
const BUILD = join(ROOT, 'tools/model/synth/build.mjs');
const SCALE = '0.02';

// Quote-aware split of one CSV line (source paths and licences may hold commas).
const splitCsvLine = (line: string): string[] =>
  [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"'));

function readManifest(dir: string): { header: string; rows: Record<string, string>[] } {
  const [header, ...lines] = readFileSync(join(dir, 'manifest.csv'), 'utf8').trim().split(/\r?\n/);
  const cols = splitCsvLine(header!);
  return { header: header!, rows: lines.map((l) => Object.fromEntries(splitCsvLine(l).map((v, i) => [cols[i], v]))) };
}

describe.skipIf(!hasShared)(needsShared('synthetic training data (tools/model/synth)'), () => {
  const dirs = [mkdtempSync(join(tmpdir(), 'synth-a-')), mkdtempSync(join(tmpdir(), 'synth-b-'))];
  let a: ReturnType<typeof readManifest>;

  beforeAll(() => {
    for (const out of dirs) execFileSync('node', [BUILD, '--scale', SCALE, '--out', out], { stdio: 'pipe' });
    a = readManifest(dirs[0]!);
  }, 300_000);
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('has the shared manifest\'s columns and the same bytes on a second run', () => {
    const shared = readFileSync(join(datasetDir, 'manifest.csv'), 'utf8').split(/\r?\n/)[0];
    expect(a.header).toBe(shared);
    expect(readFileSync(join(dirs[1]!, 'manifest.csv'))).toEqual(readFileSync(join(dirs[0]!, 'manifest.csv')));
    for (const r of a.rows) {
      const rel = join('images', r.label!, r.file!);
      expect(readFileSync(join(dirs[1]!, rel)), rel).toEqual(readFileSync(join(dirs[0]!, rel)));
    }
  });

  it('writes normalised JPEGs of the size each row says', async () => {
    for (const r of a.rows) {
      const meta = await sharp(readFileSync(join(dirs[0]!, 'images', r.label!, r.file!))).metadata();
      expect(meta.format, r.file).toBe('jpeg');
      expect([meta.width, meta.height], r.file).toEqual([Number(r.width), Number(r.height)]);
      expect(Math.max(meta.width, meta.height)).toBeLessThanOrEqual(320);
      expect(r.split).toBe('train');
      expect(r.source_repo).toBe('dualsight-synth');
    }
  });

  it('covers every kind, graphics as real and memes on both classes', () => {
    const kinds = new Set(a.rows.map((r) => `${r.kind}/${r.label}`));
    expect([...kinds].sort()).toEqual(['chart/real', 'diagram/real', 'document/real', 'meme/ai', 'meme/real', 'screenshot/real']);
  });

  it('uses pictures of the shared train split only', () => {
    const shared = readManifest(datasetDir).rows;
    const split = new Map(shared.map((r) => [r.file!, r.split!]));
    const used = a.rows.flatMap((r) => (r.source_path!.match(/[?&]src=([^&]*)/)?.[1]?.split('+') ?? []));
    expect(used.length).toBeGreaterThan(0);
    for (const f of used) expect(split.get(f), f).toBe('train');
    // A meme's label is its picture's label.
    const label = new Map(shared.map((r) => [r.file!, r.label!]));
    for (const r of a.rows.filter((x) => x.kind === 'meme')) expect(label.get(r.source_path!.match(/src=([^&+]*)/)![1]!)).toBe(r.label);
  });
});

describe('synthetic training data without the shared folder', () => {
  it('fails with one line naming the folder', () => {
    const res = spawnSync('node', [BUILD, '--scale', SCALE, '--out', join(tmpdir(), 'synth-none')], { env: { ...process.env, DUALSIGHT_SHARED: '/nonexistent/shared' }, encoding: 'utf8' });
    expect(res.status).toBe(1);
    expect(res.stderr.trim().split('\n')).toEqual([expect.stringContaining('/nonexistent/shared')]);
  });
});
