import { describe, expect, it } from 'vitest';
import { modelPixels, resampleRgb, tensorDims, toTensorData, type RgbaImage } from './preprocess';
import type { InputSpec } from './model-manifest';

function image(w: number, h: number, f: (x: number, y: number) => [number, number, number]): RgbaImage {
  const data = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data.set([...f(x, y), 255], (y * w + x) * 4);
  return { width: w, height: h, data };
}

const spec: InputSpec = { name: 'x', layout: 'NCHW', width: 4, height: 4, resize: 'stretch', scale: 255, mean: [0.5, 0.5, 0.5], std: [0.5, 0.5, 0.5] };

describe('resampling', () => {
  it('keeps a flat colour flat at any scale', () => {
    const out = resampleRgb(image(37, 23, () => [10, 200, 77]), 0, 0, 37, 23, 8, 5);
    for (let i = 0; i < out.length; i += 3) expect([out[i], out[i + 1], out[i + 2]]).toEqual([10, 200, 77]);
  });

  it('averages 2x2 blocks when halving (PIL bilinear support grows with the scale)', () => {
    const out = resampleRgb(image(4, 4, (x) => (x % 2 ? [200, 200, 200] : [0, 0, 0])), 0, 0, 4, 4, 2, 2);
    // Output pixel 0 is centred on input x=1 with support 2: taps x=0,1,2 weighted 3:3:1 over
    // 0,200,0 -> 600/7 = 85.7 -> 86 (the value PIL's Image.resize gives).
    expect(out[0]).toBe(86);
  });

  it('center-crops after resizing the shorter side (torchvision Resize + CenterCrop)', () => {
    const wide = image(400, 200, (x) => (x < 100 || x >= 300 ? [255, 0, 0] : [0, 0, 255]));
    const px = modelPixels(wide, { ...spec, width: 100, height: 100, resize: 'shorter-center-crop', resizeShorter: 100 });
    // Resized to 200x100 and cropped to the middle 100 columns: blue (away from the blended edges).
    const mid = (50 * 100 + 50) * 3;
    expect([px[mid], px[mid + 2]]).toEqual([0, 255]);
    expect(() => modelPixels({ width: 0, height: 0, data: new Uint8Array() }, spec)).toThrow(/no pixels/);
  });
});

describe('tensor layout', () => {
  it('normalises into NCHW and NHWC', () => {
    const rgb = Uint8Array.from([255, 0, 255, 0, 0, 0, 0, 0, 0, 0, 0, 0].concat(new Array(36).fill(0)));
    const nchw = toTensorData(rgb, spec);
    expect(nchw[0]).toBeCloseTo(1);
    expect(nchw[16]).toBeCloseTo(-1);
    expect(nchw[32]).toBeCloseTo(1);
    const nhwc = toTensorData(rgb, { ...spec, layout: 'NHWC' });
    expect([...nhwc.slice(0, 3)].map((v) => Math.round(v))).toEqual([1, -1, 1]);
    expect(tensorDims(spec)).toEqual([1, 3, 4, 4]);
    expect(tensorDims({ ...spec, layout: 'NHWC' })).toEqual([1, 4, 4, 3]);
  });
});

// ---------------------------------------------------------------------------------------------
// Pre-optimisation reference, kept for the identity test below: this is resampleRgb/modelPixels/
// toTensorData exactly as they were before the fast integer version. The model was trained on
// features computed through this code, so the optimised version must match it byte for byte.
// Do not "fix" or speed up this copy.
// ---------------------------------------------------------------------------------------------
const REF_PRECISION_BITS = 22;
const REF_ONE = 1 << REF_PRECISION_BITS;
const REF_HALF = 1 << (REF_PRECISION_BITS - 1);

function referenceTaps(inSize: number, outSize: number, offset: number, span: number) {
  const scale = span / outSize;
  const support = scale > 1 ? scale : 1;
  const maxTaps = Math.ceil(support) * 2 + 1;
  const start = new Int32Array(outSize);
  const count = new Int32Array(outSize);
  const weights = new Int32Array(outSize * maxTaps);
  const w = new Float64Array(maxTaps);
  for (let o = 0; o < outSize; o++) {
    const center = offset + (o + 0.5) * scale;
    const lo = Math.max(0, Math.trunc(center - support + 0.5));
    const hi = Math.min(inSize, Math.trunc(center + support + 0.5));
    let sum = 0;
    for (let i = lo; i < hi; i++) {
      w[i - lo] = Math.max(0, 1 - Math.abs((i - center + 0.5) / support));
      sum += w[i - lo]!;
    }
    for (let k = 0; k < hi - lo; k++) {
      const v = sum > 0 ? w[k]! / sum : 0;
      weights[o * maxTaps + k] = Math.trunc(v < 0 ? v * REF_ONE - 0.5 : v * REF_ONE + 0.5);
    }
    start[o] = lo;
    count[o] = hi - lo;
  }
  return { start, count, weights, maxTaps };
}

const referenceRoundHalfEven = (x: number): number => {
  const floor = Math.floor(x);
  const frac = x - floor;
  return frac < 0.5 ? floor : frac > 0.5 ? floor + 1 : floor % 2 === 0 ? floor : floor + 1;
};

const referenceClampByte = (acc: number): number => {
  const v = Math.floor((acc + REF_HALF) / REF_ONE);
  return v <= 0 ? 0 : v >= 255 ? 255 : v;
};

/** Pre-optimisation reference of resampleRgb (see above). */
function referenceResampleRgb(img: RgbaImage, x0: number, y0: number, w: number, h: number, outW: number, outH: number): Uint8Array {
  const { width, height, data } = img;
  const rowFirst = Math.max(0, Math.floor(y0));
  const rowLast = Math.min(height, Math.ceil(y0 + h));
  const hx = referenceTaps(width, outW, x0, w);
  const rows = rowLast - rowFirst;
  const tmp = new Uint8Array(rows * outW * 3);
  for (let y = 0; y < rows; y++) {
    const src = (y + rowFirst) * width * 4;
    for (let o = 0; o < outW; o++) {
      let r = 0, g = 0, b = 0;
      const s = hx.start[o]!, n = hx.count[o]!, wo = o * hx.maxTaps;
      for (let k = 0; k < n; k++) {
        const wgt = hx.weights[wo + k]!;
        const p = src + (s + k) * 4;
        r += data[p]! * wgt; g += data[p + 1]! * wgt; b += data[p + 2]! * wgt;
      }
      const t = (y * outW + o) * 3;
      tmp[t] = referenceClampByte(r); tmp[t + 1] = referenceClampByte(g); tmp[t + 2] = referenceClampByte(b);
    }
  }
  const vy = referenceTaps(height, outH, y0, h);
  const out = new Uint8Array(outW * outH * 3);
  for (let o = 0; o < outH; o++) {
    const s = vy.start[o]! - rowFirst, n = vy.count[o]!, wo = o * vy.maxTaps;
    for (let x = 0; x < outW; x++) {
      let r = 0, g = 0, b = 0;
      for (let k = 0; k < n; k++) {
        const wgt = vy.weights[wo + k]!;
        const p = ((s + k) * outW + x) * 3;
        r += tmp[p]! * wgt; g += tmp[p + 1]! * wgt; b += tmp[p + 2]! * wgt;
      }
      const t = (o * outW + x) * 3;
      out[t] = referenceClampByte(r); out[t + 1] = referenceClampByte(g); out[t + 2] = referenceClampByte(b);
    }
  }
  return out;
}

/** Pre-optimisation reference of modelPixels (see above). */
function referenceModelPixels(img: RgbaImage, spec: InputSpec): Uint8Array {
  if (spec.resize === 'stretch') {
    return referenceResampleRgb(img, 0, 0, img.width, img.height, spec.width, spec.height);
  }
  const shorter = spec.resizeShorter ?? Math.max(spec.width, spec.height);
  const { width: w, height: h } = img;
  const [rw, rh] = w <= h ? [shorter, Math.floor((shorter * h) / w)] : [Math.floor((shorter * w) / h), shorter];
  const left = referenceRoundHalfEven((rw - spec.width) / 2);
  const top = referenceRoundHalfEven((rh - spec.height) / 2);
  const full = referenceResampleRgb(img, 0, 0, w, h, rw, rh);
  const out = new Uint8Array(spec.width * spec.height * 3);
  for (let y = 0; y < spec.height; y++) {
    const src = ((y + top) * rw + left) * 3;
    out.set(full.subarray(src, src + spec.width * 3), y * spec.width * 3);
  }
  return out;
}

/** Pre-optimisation reference of toTensorData (see above). */
function referenceToTensorData(rgb: Uint8Array, spec: InputSpec): Float32Array {
  const n = spec.width * spec.height;
  const data = new Float32Array(n * 3);
  const mul = [0, 1, 2].map((c) => 1 / (spec.scale * spec.std[c]!));
  const add = [0, 1, 2].map((c) => -spec.mean[c]! / spec.std[c]!);
  if (spec.layout === 'NCHW') {
    for (let i = 0; i < n; i++) {
      data[i] = rgb[i * 3]! * mul[0]! + add[0]!;
      data[n + i] = rgb[i * 3 + 1]! * mul[1]! + add[1]!;
      data[2 * n + i] = rgb[i * 3 + 2]! * mul[2]! + add[2]!;
    }
  } else {
    for (let i = 0; i < n * 3; i++) data[i] = rgb[i]! * mul[i % 3]! + add[i % 3]!;
  }
  return data;
}

/** mulberry32: a small seeded PRNG, so every run tests the same images. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Noise with saturated (0 / 255) patches and hard edges, so rounding and clipping are both exercised. */
function noiseImage(w: number, h: number, seed: number): RgbaImage {
  const rand = prng(seed);
  const data = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const p = (y * w + x) * 4;
      const patch = ((x >> 3) + (y >> 3)) % 7;
      for (let c = 0; c < 3; c++) data[p + c] = patch === 0 ? 255 : patch === 1 ? 0 : Math.floor(rand() * 256);
      data[p + 3] = Math.floor(rand() * 256);
    }
  }
  return { width: w, height: h, data };
}

/** Index of the first differing byte, or -1; keeps failure messages short on 370 KB buffers. */
function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return -1;
}

describe('resampling matches the pre-optimisation reference byte for byte', () => {
  const stretch: [string, number, number, number, number][] = [
    ['upscale 200x150 -> 352x352', 200, 150, 352, 352],
    ['upscale 320x240 -> 352x352', 320, 240, 352, 352],
    ['downscale 1200x900 -> 352x352', 1200, 900, 352, 352],
    ['downscale 4000x300 -> 352x352', 4000, 300, 352, 352],
    ['downscale 300x4000 -> 352x352', 300, 4000, 352, 352],
    ['odd 333x127 -> 97x211', 333, 127, 97, 211],
    ['odd 7x1 -> 3x5', 7, 1, 3, 5],
    ['1x1 -> 352x352', 1, 1, 352, 352],
    ['1x1 -> 1x1', 1, 1, 1, 1],
    ['1001x1 -> 1x1', 1001, 1, 1, 1],
    ['same size 64x48', 64, 48, 64, 48],
  ];
  for (const [name, w, h, outW, outH] of stretch) {
    it(`stretch ${name}`, () => {
      const img = noiseImage(w, h, w * 7919 + h);
      expect(firstDifference(resampleRgb(img, 0, 0, w, h, outW, outH), referenceResampleRgb(img, 0, 0, w, h, outW, outH))).toBe(-1);
      const s: InputSpec = { ...spec, width: outW, height: outH, resize: 'stretch' };
      expect(firstDifference(modelPixels(img, s), referenceModelPixels(img, s))).toBe(-1);
    });
  }

  it('fractional source regions', () => {
    const img = noiseImage(211, 157, 42);
    // Regions whose vertical taps stay within rows floor(y0) .. ceil(y0 + h) - 1, the only rows the
    // reference resampled (see the next test for regions whose taps reach past them).
    const regions: [number, number, number, number, number, number][] = [
      [10.5, 0.25, 100.7, 156.75, 64, 48],
      [0.4, 0.6, 210.2, 156.1, 352, 352],
      [-2.5, -1.5, 215, 160, 33, 17],
      [150.9, 0, 60.1, 157, 5, 300],
    ];
    for (const [x0, y0, w, h, outW, outH] of regions) {
      expect(firstDifference(resampleRgb(img, x0, y0, w, h, outW, outH), referenceResampleRgb(img, x0, y0, w, h, outW, outH))).toBe(-1);
    }
  });

  it('reads every source row the vertical taps reach, also outside floor(y0) .. ceil(y0 + h) - 1', () => {
    // The first or last output row of these regions has taps on a row outside that range, which
    // the reference read from outside its row buffer (NaN -> 0). No caller uses such regions:
    // modelPixels always resamples the whole image.
    const flat = image(211, 157, () => [10, 200, 77]);
    for (const [x0, y0, w, h, outW, outH] of [[10.5, 3.25, 100.7, 80.3, 64, 48], [150.9, 100.1, 60.1, 56.9, 5, 300], [10.5, 0.25, 100.7, 150.3, 64, 48]] as const) {
      const out = resampleRgb(flat, x0, y0, w, h, outW, outH);
      for (let i = 0; i < out.length; i += 3) expect([out[i], out[i + 1], out[i + 2]]).toEqual([10, 200, 77]);
    }
  });

  it('reads RGBA from Uint8ClampedArray and from views at any byte offset', () => {
    const img = noiseImage(123, 77, 5);
    const expected = referenceResampleRgb(img, 0, 0, 123, 77, 352, 352);
    for (const offset of [0, 1, 2, 3, 4]) {
      const buffer = new ArrayBuffer(img.data.length + 8);
      const view = new Uint8Array(buffer, offset, img.data.length);
      view.set(img.data);
      const clamped = new Uint8ClampedArray(buffer, offset, img.data.length);
      for (const data of [view, clamped]) {
        expect(firstDifference(resampleRgb({ width: 123, height: 77, data }, 0, 0, 123, 77, 352, 352), expected)).toBe(-1);
      }
      expect(firstDifference(view, img.data)).toBe(-1); // the input is left alone
    }
  });

  const crops: [string, number, number, number, number, number | undefined][] = [
    ['1200x900 -> 400 -> 352x352', 1200, 900, 352, 352, 400],
    ['200x150 -> 352 (upscale)', 200, 150, 352, 352, undefined],
    ['300x1000 portrait -> 256 -> 224x224', 300, 1000, 224, 224, 256],
    ['4000x300 -> 352x352', 4000, 300, 352, 352, undefined],
    ['odd 333x127 -> 101 -> 97x61', 333, 127, 97, 61, 101],
    ['1x1 -> 352x352', 1, 1, 352, 352, undefined],
  ];
  for (const [name, w, h, outW, outH, resizeShorter] of crops) {
    it(`shorter-center-crop ${name}`, () => {
      const img = noiseImage(w, h, w * 104729 + h);
      const s: InputSpec = { ...spec, width: outW, height: outH, resize: 'shorter-center-crop', resizeShorter };
      expect(firstDifference(modelPixels(img, s), referenceModelPixels(img, s))).toBe(-1);
    });
  }

  it('toTensorData gives the same float32 bits in NCHW and NHWC', () => {
    const rgb = Uint8Array.from(noiseImage(352, 352, 7).data.subarray(0, 352 * 352 * 3));
    const specs: InputSpec[] = [
      { ...spec, width: 352, height: 352 },
      { ...spec, width: 352, height: 352, layout: 'NHWC' },
      { ...spec, width: 352, height: 352, scale: 255, mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225] },
      { ...spec, width: 352, height: 352, layout: 'NHWC', scale: 1, mean: [123.675, 116.28, 103.53], std: [58.395, 57.12, 57.375] },
    ];
    for (const s of specs) {
      const bits = (f: Float32Array) => new Uint32Array(f.buffer, f.byteOffset, f.length);
      expect(firstDifference(bits(toTensorData(rgb, s)), bits(referenceToTensorData(rgb, s)))).toBe(-1);
      const reused = new Float32Array(352 * 352 * 3).fill(NaN);
      expect(firstDifference(bits(toTensorData(rgb, s, reused)), bits(referenceToTensorData(rgb, s)))).toBe(-1);
    }
  });
});
