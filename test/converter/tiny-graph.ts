// Writes small TF.js graph models (model.json + weights.bin) node by node, in the protobuf-JSON form
// the TF.js converter emits, so converter tests can pin one op's semantics against TF.js itself.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

type Attr = Record<string, unknown>;
export type Quantization = 'float16' | 'uint8';

const b64 = (s: string): string => Buffer.from(s).toString('base64');
export const str = (s: string): Attr => ({ s: b64(s) });
export const ints = (v: number[]): Attr => ({ list: { i: v.map(String) } });
export const strs = (v: string[]): Attr => ({ list: { s: v.map(b64) } });
export const bool = (b: boolean): Attr => ({ b });
const FLOAT = { type: 'DT_FLOAT' };

/** Float32 -> IEEE half bits, for values that half represents exactly (the tests pick such values). */
function halfBits(v: number): number {
  if (v === 0) return 0;
  const sign = v < 0 ? 0x8000 : 0;
  const a = Math.abs(v);
  const e = Math.floor(Math.log2(a));
  const mantissa = Math.round((a / 2 ** e - 1) * 1024);
  if (e < -14 || e > 15 || mantissa > 1023) throw new Error(`${v} is not a normal half`);
  return sign | ((e + 15) << 10) | mantissa;
}

interface Weight {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32';
  bytes: Buffer;
  quantization?: Record<string, unknown>;
}

export class TinyGraph {
  private nodes: Attr[] = [];
  private weights: Weight[] = [];

  input(name: string, shape: number[]): string {
    this.nodes.push({ name, op: 'Placeholder', attr: { dtype: FLOAT, shape: { shape: { dim: shape.map((d) => ({ size: String(d) })) } } } });
    return name;
  }

  /** A float constant; `quant` stores it quantised the way tfjs-converter does. */
  const(name: string, shape: number[], values: number[], quant?: Quantization): string {
    this.nodes.push({ name, op: 'Const', attr: { dtype: FLOAT, value: {} } });
    if (quant === 'float16') {
      const bytes = Buffer.alloc(values.length * 2);
      values.forEach((v, i) => bytes.writeUInt16LE(halfBits(v), i * 2));
      this.weights.push({ name, shape, dtype: 'float32', bytes, quantization: { dtype: 'float16', original_dtype: 'float32' } });
    } else if (quant === 'uint8') {
      const min = Math.min(...values), max = Math.max(...values);
      const scale = (max - min) / 255 || 1;
      const bytes = Buffer.from(values.map((v) => Math.round((v - min) / scale)));
      this.weights.push({ name, shape, dtype: 'float32', bytes, quantization: { dtype: 'uint8', min, scale, original_dtype: 'float32' } });
    } else {
      this.weights.push({ name, shape, dtype: 'float32', bytes: Buffer.from(Float32Array.from(values).buffer) });
    }
    return name;
  }

  /** An int32 constant: a vector, or a scalar (an axis) when `values` is a number. */
  ints(name: string, values: number[] | number): string {
    this.nodes.push({ name, op: 'Const', attr: { dtype: { type: 'DT_INT32' }, value: {} } });
    const list = typeof values === 'number' ? [values] : values;
    const shape = typeof values === 'number' ? [] : [list.length];
    this.weights.push({ name, shape, dtype: 'int32', bytes: Buffer.from(Int32Array.from(list).buffer) });
    return name;
  }

  op(name: string, op: string, inputs: string[], attr: Attr = {}): string {
    this.nodes.push({ name, op, input: inputs, attr: { T: FLOAT, ...attr } });
    return name;
  }

  async write(dir: string): Promise<string> {
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'weights.bin'), Buffer.concat(this.weights.map((w) => w.bytes)));
    const model = {
      format: 'graph-model',
      modelTopology: { node: this.nodes, library: {}, versions: {} },
      weightsManifest: [{ paths: ['weights.bin'], weights: this.weights.map(({ bytes: _b, ...spec }) => spec) }],
    };
    const file = path.join(dir, 'model.json');
    await writeFile(file, JSON.stringify(model));
    return file;
  }
}

/** Deterministic values that float16 holds exactly: multiples of 1/64 in [-2, 2). */
export function halfExactValues(n: number, seed: number): number[] {
  let s = seed >>> 0;
  return Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return ((s >>> 8) % 256) / 64 - 2;
  });
}
