// The reference side of the converter tests: TF.js (pure-JS CPU backend) running a graph model
// straight from its model.json + weight shards, and the converter run as the real CLI would be.
import * as tf from '@tensorflow/tfjs';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// Debian's python3 has onnx + numpy; the python3 first on PATH may not.
const PYTHON = '/usr/bin/python3';

/** Loads a TF.js graph model from disk without fetch (tf.io.fromMemory over the concatenated shards). */
export async function loadGraphModel(modelJsonPath: string): Promise<tf.GraphModel> {
  await tf.setBackend('cpu');
  const model = JSON.parse(await readFile(modelJsonPath, 'utf8'));
  const dir = path.dirname(modelJsonPath);
  const shards: Buffer[] = [];
  const weightSpecs: tf.io.WeightsManifestEntry[] = [];
  for (const group of model.weightsManifest) {
    for (const p of group.paths) shards.push(await readFile(path.join(dir, p)));
    weightSpecs.push(...group.weights);
  }
  const all = Buffer.concat(shards);
  const weightData = all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength);
  return tf.loadGraphModel(tf.io.fromMemory({ modelTopology: model.modelTopology, weightSpecs, weightData }));
}

/** Runs `model` on float32 NHWC input and returns the named outputs as flat arrays (NHWC, as TF has them). */
export function runTfjs(model: tf.GraphModel, input: Float32Array, shape: number[], outputs: string[]): Float32Array[] {
  return tf.tidy(() => {
    const result = model.execute(tf.tensor(input, shape), outputs);
    const list = Array.isArray(result) ? result : [result];
    return list.map((t) => t.dataSync() as Float32Array);
  }).map((a) => Float32Array.from(a));
}

export async function python(script: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  return promisify(execFile)(PYTHON, [path.join(REPO, 'tools', 'tfjs2onnx', script), ...args], { cwd: REPO });
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} != ${b.length}`);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

/** NCHW [1, C, H, W] -> NHWC, to compare ONNX outputs with TF's. */
export function nchwToNhwc(x: ArrayLike<number>, c: number, h: number, w: number): Float32Array {
  const out = new Float32Array(c * h * w);
  for (let ch = 0; ch < c; ch++) for (let i = 0; i < h * w; i++) out[i * c + ch] = x[ch * h * w + i]!;
  return out;
}
