// The shipped default model (models/dualsight-lite, built by tools/model/build.sh) loads with the shared
// engine on onnxruntime-web in Node, and gives sane answers on a handful of real val images from
// the shared data's datasets/ai-vs-real: objects a person would name, and higher P(AI) for AI images.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeImage } from '../../src/node/decode-image';
import { createNodeEngine } from '../../src/node/node-engine';
import type { Engine, EngineRun } from '../../src/shared/engine';
import { parseManifest } from '../../src/shared/model-manifest';
import { datasetDir, hasShared, needsShared } from '../shared-data';

const ROOT = resolve(__dirname, '../..');
const MODEL_DIR = join(ROOT, 'models/dualsight-lite');
const DATASET = datasetDir;

interface Row { file: string; label: string; split: string; group: string; imagenet_class: string; coco_objects: string }

// Quote-aware split of one CSV line (the licence column holds commas).
const splitCsvLine = (line: string): string[] =>
  [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"'));

function valRows(): Row[] {
  const [header, ...lines] = readFileSync(join(DATASET, 'manifest.csv'), 'utf8').trim().split('\n');
  const cols = splitCsvLine(header!);
  return lines
    .map((l) => Object.fromEntries(splitCsvLine(l).map((v, i) => [cols[i], v])) as unknown as Row)
    .filter((r) => r.split === 'val');
}

/** The first `n` val images of a group, in manifest order (a fixed, unselected sample). */
const firstOf = (rows: Row[], group: string, n: number, where: (r: Row) => boolean = () => true): Row[] =>
  rows.filter((r) => r.group === group && where(r)).slice(0, n);

const check = async (engine: Engine, r: Row): Promise<EngineRun> =>
  engine.check(await decodeImage(readFileSync(join(DATASET, 'images', r.label, r.file))));

describe('default model (models/dualsight-lite)', () => {
  let engine: Engine;
  // The answers are checked on val images of the shared data (those tests skip without it).
  const rows = hasShared ? valRows() : [];

  beforeAll(async () => {
    expect(existsSync(join(MODEL_DIR, 'manifest.json')), 'run tools/model/build.sh').toBe(true);
    engine = await createNodeEngine(MODEL_DIR, { backend: 'wasm', threads: 1 });
  });
  afterAll(async () => engine?.release());

  it('has a manifest that parses, with 80 COCO labels and ordered thresholds', () => {
    const m = parseManifest(JSON.parse(readFileSync(join(MODEL_DIR, 'manifest.json'), 'utf8')));
    expect(m.name).toBe('dualsight-lite');
    expect(m.outputs.objects).toMatchObject({ name: 'objects', activation: 'none', labelKind: 'single' });
    expect(m.outputs.objects.labels).toHaveLength(80);
    expect(m.outputs.objects.labels.slice(0, 3)).toEqual(['person', 'bicycle', 'car']);
    expect(m.outputs.authenticity).toMatchObject({ name: 'ai_logit', activation: 'sigmoid', aiIndex: 0 });
    expect(m.thresholds.real).toBeLessThanOrEqual(m.thresholds.ai);
    expect(m.thresholds.object).toBeGreaterThan(0.05);
    expect(m.bytes).toBeLessThan(30e6);
    expect(existsSync(join(MODEL_DIR, m.report ?? 'REPORT.md'))).toBe(true);
  });

  it.skipIf(!hasShared)(needsShared('names the large ground-truth objects of COCO photos'), async () => {
    // COCO val images whose largest "person" box covers a fifth of the picture.
    const people = firstOf(rows, 'coco', 3, (r) => /(^|;)person:(0\.[2-9]|1)/.test(r.coco_objects));
    expect(people).toHaveLength(3);
    for (const r of people) {
      const run = await check(engine, r);
      expect(run.objects.map((o) => o.label), r.file).toContain('person');
      for (const o of run.objects) expect(o.score).toBeGreaterThanOrEqual(engine.manifest.thresholds.object);
    }
  });

  it.skipIf(!hasShared)(needsShared('gives AI images a higher P(AI) than real photos, and most photos are not called AI'), async () => {
    const ai = [...firstOf(rows, 'sd1', 2), ...firstOf(rows, 'dalle3', 2), ...firstOf(rows, 'sdxl', 2)];
    const real = [...firstOf(rows, 'coco', 2), ...firstOf(rows, 'pets-oxford', 2), ...firstOf(rows, 'imagenet', 2)];
    const pAi = [];
    for (const r of ai) pAi.push((await check(engine, r)).ai.probability);
    const pReal = [];
    const verdicts = [];
    for (const r of real) {
      const run = await check(engine, r);
      pReal.push(run.ai.probability);
      verdicts.push(run.ai.verdict);
    }
    for (const p of [...pAi, ...pReal]) expect(p >= 0 && p <= 1).toBe(true);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(pAi)).toBeGreaterThan(mean(pReal) + 0.2);
    expect(verdicts.filter((v) => v === 'ai').length).toBeLessThanOrEqual(1);
  });
});
