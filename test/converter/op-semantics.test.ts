// Op-level checks of tools/tfjs2onnx: a tiny TF.js graph exercising the cases that converters get
// wrong (TF's asymmetric SAME padding with stride 2 on odd and even sizes, depthwise channel order,
// fused BiasAdd+Relu6, resize coordinate modes, axis remapping after the NHWC -> NCHW switch,
// quantised weights) runs in TF.js and, converted, in onnxruntime; outputs must agree.
import * as ort from 'onnxruntime-node';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGraphModel, maxAbsDiff, python, runTfjs } from './tfjs-reference';
import { TinyGraph, bool, halfExactValues, ints, str, strs } from './tiny-graph';

const SAME = str('SAME');
const NHWC = str('NHWC');
const IN_SHAPE = [1, 8, 10, 3];

function buildGraph(): { graph: TinyGraph; outputs: string[] } {
  const g = new TinyGraph();
  const x = g.input('x', IN_SHAPE);
  // 3x3 stride 2 on 8x10 -> 4x5; SAME pads 0 before, 1 after (TF puts the odd pixel at the end).
  const w = g.const('conv/w', [3, 3, 3, 4], halfExactValues(108, 1), 'float16');
  const bias = g.const('conv/b', [4], [0.5, -0.25, 1, 0]);
  const conv = g.op('conv', '_FusedConv2D', [x, w, bias], {
    strides: ints([1, 2, 2, 1]), padding: SAME, data_format: NHWC, dilations: ints([1, 1, 1, 1]),
    fused_ops: strs(['BiasAdd', 'Relu6']), num_args: { i: '1' }, epsilon: { f: 0 },
  });
  // Depthwise 5x5 stride 2, multiplier 2, on odd 4x5 -> 2x3: pads (1, 2) rows and (2, 2) columns.
  const dw = g.const('dw/w', [5, 5, 4, 2], halfExactValues(200, 2), 'uint8');
  const depthwise = g.op('dw', 'DepthwiseConv2dNative', [conv, dw], {
    strides: ints([1, 2, 2, 1]), padding: SAME, data_format: NHWC, dilations: ints([1, 1, 1, 1]),
  });
  // Max pool 3x3 stride 2 SAME on 2x3 -> 1x2 (padding must never win the max: inputs can be negative).
  const pool = g.op('pool', 'MaxPool', [depthwise], { ksize: ints([1, 3, 3, 1]), strides: ints([1, 2, 2, 1]), padding: SAME, data_format: NHWC });
  // Resize 4x5 -> 7x9 in both coordinate conventions.
  const size = g.ints('resize/size', [7, 9]);
  const up = g.op('up', 'ResizeBilinear', [conv, size], { align_corners: bool(false), half_pixel_centers: bool(false) });
  const upHalf = g.op('up_half', 'ResizeBilinear', [conv, size], { align_corners: bool(false), half_pixel_centers: bool(true) });
  const upAlign = g.op('up_align', 'ResizeBilinear', [conv, size], { align_corners: bool(true), half_pixel_centers: bool(false) });
  // Per-channel scale (broadcast over NHWC's last axis), channel concat with a negative axis, reductions.
  const scale = g.const('scale', [8], [1, -1, 2, 0.5, 3, -2, 1.5, 0.25]);
  const scaled = g.op('scaled', 'Mul', [depthwise, scale]);
  const cat = g.op('cat', 'ConcatV2', [scaled, depthwise, g.ints('cat/axis', -1)], { N: { i: '2' }, Tidx: { type: 'DT_INT32' } });
  const meanHw = g.op('mean_hw', 'Mean', [cat, g.ints('mean_hw/axes', [1, 2])], { keep_dims: bool(false), Tidx: { type: 'DT_INT32' } });
  const meanC = g.op('mean_c', 'Mean', [conv, g.ints('mean_c/axes', [3])], { keep_dims: bool(false), Tidx: { type: 'DT_INT32' } });
  const flat = g.op('flat', 'Reshape', [conv, g.ints('flat/shape', [1, -1])], { Tshape: { type: 'DT_INT32' } });
  const sig = g.op('sig', 'Sigmoid', [g.op('shifted', 'Add', [up, g.const('shift', [], [-1])])]);
  // The other activations TF.js fuses: LeakyRelu (alpha attribute) and Prelu (alpha as an extra arg).
  const lrelu = g.op('lrelu', '_FusedConv2D', [x, g.const('lrelu/w', [1, 1, 3, 5], halfExactValues(15, 3)), g.const('lrelu/b', [5], [0, 1, -1, 0.5, -0.5])], {
    strides: ints([1, 1, 1, 1]), padding: str('VALID'), data_format: NHWC, dilations: ints([1, 1, 1, 1]),
    fused_ops: strs(['BiasAdd', 'LeakyRelu']), num_args: { i: '1' }, leakyrelu_alpha: { f: 0.1 },
  });
  const prelu = g.op('prelu', 'FusedDepthwiseConv2dNative', [x, g.const('prelu/w', [3, 3, 3, 1], halfExactValues(27, 4)),
    g.const('prelu/b', [3], [0.25, 0, -0.25]), g.const('prelu/alpha', [3], [0.1, 0.2, 0.3])], {
    strides: ints([1, 1, 1, 1]), padding: SAME, data_format: NHWC, dilations: ints([1, 1, 1, 1]),
    fused_ops: strs(['BiasAdd', 'Prelu']), num_args: { i: '2' },
  });
  return { graph: g, outputs: [conv, depthwise, pool, up, upHalf, upAlign, cat, meanHw, meanC, flat, sig, lrelu, prelu] };
}

describe('tfjs2onnx op semantics', () => {
  let dir: string;
  let tfjsOut: Float32Array[];
  let onnxOut: ort.InferenceSession.OnnxValueMapType;
  let outputs: string[];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tfjs2onnx-ops-'));
    const built = buildGraph();
    outputs = built.outputs;
    const modelJson = await built.graph.write(dir);
    const onnxPath = path.join(dir, 'tiny.onnx');
    await python('convert.py', [modelJson, onnxPath, '--outputs', ...outputs]);
    const input = Float32Array.from({ length: IN_SHAPE.reduce((a, b) => a * b) }, (_, i) => Math.sin(i * 0.37) * 3);
    tfjsOut = runTfjs(await loadGraphModel(modelJson), input, IN_SHAPE, outputs);
    const session = await ort.InferenceSession.create(onnxPath);
    onnxOut = await session.run({ x: new ort.Tensor('float32', input, IN_SHAPE) });
  });

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('produces the TF output shapes (SAME with stride 2: ceil(in / 2))', () => {
    const dims = Object.fromEntries(outputs.map((o) => [o, onnxOut[o]!.dims]));
    expect(dims).toEqual({
      conv: [1, 4, 5, 4], dw: [1, 2, 3, 8], pool: [1, 1, 2, 8], up: [1, 7, 9, 4], up_half: [1, 7, 9, 4],
      up_align: [1, 7, 9, 4], cat: [1, 2, 3, 16], mean_hw: [1, 16], mean_c: [1, 4, 5], flat: [1, 80], sig: [1, 7, 9, 4],
      lrelu: [1, 8, 10, 5], prelu: [1, 8, 10, 3],
    });
  });

  it.each(buildGraph().outputs.map((name, i) => [name, i] as const))('%s matches TF.js', (name, i) => {
    const got = onnxOut[name]!.data as Float32Array;
    const want = tfjsOut[i]!;
    expect(got.length).toBe(want.length);
    // Values are O(1..10); float32 accumulation order differs between the two runtimes.
    expect(maxAbsDiff(got, want), name).toBeLessThan(1e-4);
  });

  it('rescales frozen upsampling sizes when converting at another input size (--input-size)', async () => {
    // An FPN-like block frozen at `side`: stride-2 conv, 2x upsampling (size folded to a constant), concat.
    const frozenAt = (side: number): TinyGraph => {
      const g = new TinyGraph();
      const x = g.input('x', [1, side, side, 2]);
      const down = g.op('down', 'Conv2D', [x, g.const('down/w', [3, 3, 2, 2], halfExactValues(36, 5))], {
        strides: ints([1, 2, 2, 1]), padding: SAME, data_format: NHWC, dilations: ints([1, 1, 1, 1]),
      });
      const up = g.op('up', 'ResizeBilinear', [down, g.ints('up/size', [side, side])], { align_corners: bool(false), half_pixel_centers: bool(false) });
      g.op('merged', 'ConcatV2', [x, up, g.ints('merged/axis', 3)], { N: { i: '2' }, Tidx: { type: 'DT_INT32' } });
      return g;
    };
    const frozen = await frozenAt(8).write(path.join(dir, 'frozen8'));
    const onnxPath = path.join(dir, 'frozen8-at-12.onnx');
    await python('convert.py', [frozen, onnxPath, '--outputs', 'merged', '--input-size', '12,12']);
    const input = Float32Array.from({ length: 12 * 12 * 2 }, (_, i) => Math.cos(i * 0.21));
    const [want] = runTfjs(await loadGraphModel(await frozenAt(12).write(path.join(dir, 'frozen12'))), input, [1, 12, 12, 2], ['merged']);
    const session = await ort.InferenceSession.create(onnxPath);
    const got = (await session.run({ x: new ort.Tensor('float32', input, [1, 12, 12, 2]) })).merged!;
    expect(got.dims).toEqual([1, 12, 12, 4]);
    expect(maxAbsDiff(got.data as Float32Array, want!)).toBeLessThan(1e-5);
  });

  it('names the op it cannot convert', async () => {
    const g = new TinyGraph();
    const x = g.input('x', [1, 4]);
    g.op('cumulative', 'Cumsum', [x, g.ints('axis', 1)]);
    const modelJson = await g.write(path.join(dir, 'unsupported'));
    const run = python('convert.py', [modelJson, path.join(dir, 'unsupported.onnx'), '--outputs', 'cumulative']);
    await expect(run).rejects.toThrow(/cumulative: TF op 'Cumsum' is not supported/);
  });
});
