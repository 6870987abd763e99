import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prng } from '../../test/fixtures/provenance-builders';
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

// The model was trained on features computed through the first (double-precision) version of the
// resampling and tensor fill; the faster integer version must give the same bytes. These digests
// (sha256, first 16 hex digits) are of that first version's output on the inputs below, recorded when
// it was replaced (commit 8b80e9d kept the old code beside the new for the comparison).
const REFERENCE: Record<string, string> = {
  'stretch upscale 200x150 -> 352x352': 'bcf808ba860256cf',
  'stretch upscale 320x240 -> 352x352': '01b25255a57d3758',
  'stretch downscale 1200x900 -> 352x352': '620a260ac48bc35d',
  'stretch downscale 4000x300 -> 352x352': '73a21bbc761d53c8',
  'stretch downscale 300x4000 -> 352x352': 'ffdf4c19035ba050',
  'stretch odd 333x127 -> 97x211': '117f1254705c1c75',
  'stretch odd 7x1 -> 3x5': '3c957521573a740f',
  'stretch 1x1 -> 352x352': '454b13284afce58a',
  'stretch 1x1 -> 1x1': '5ae7e6a42304dc6e',
  'stretch 1001x1 -> 1x1': 'c329af8e260fe5b7',
  'stretch same size 64x48': '0f0c6577d9f06f8b',
  'region 10.5,0.25,100.7,156.75 -> 64x48': 'b828bcc6eb2c497b',
  'region 0.4,0.6,210.2,156.1 -> 352x352': 'ecabb17d70c1efb9',
  'region -2.5,-1.5,215,160 -> 33x17': '83461b66b75ed8a4',
  'region 150.9,0,60.1,157 -> 5x300': 'd684564438e24a92',
  'crop 1200x900 -> 400 -> 352x352': '76196ff962f8b189',
  'crop 200x150 -> 352 (upscale)': '31ebe726d8c6c2b8',
  'crop 300x1000 portrait -> 256 -> 224x224': '71feee947da0ea41',
  'crop 4000x300 -> 352x352': '2d8579d341c998e8',
  'crop odd 333x127 -> 101 -> 97x61': '26333c192ba77e51',
  'crop 1x1 -> 352x352': '454b13284afce58a',
  'tensor NCHW 0..1 -> -1..1': 'ba607da3b377152e',
  'tensor NHWC 0..1 -> -1..1': '3aa3bfc3074c857d',
  'tensor NCHW ImageNet': 'fa998ab6ef54aaf6',
  'tensor NHWC ImageNet 0..255': '9a7cd85111c97639',
};

const digest = (a: Uint8Array | Float32Array): string =>
  createHash('sha256').update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength)).digest('hex').slice(0, 16);

describe('resampling and tensor fill give the bytes of the version the model was trained with', () => {
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
      const expected = REFERENCE[`stretch ${name}`];
      expect(digest(resampleRgb(img, 0, 0, w, h, outW, outH))).toBe(expected);
      expect(digest(modelPixels(img, { ...spec, width: outW, height: outH, resize: 'stretch' }))).toBe(expected);
    });
  }

  it('fractional source regions', () => {
    const img = noiseImage(211, 157, 42);
    // Regions whose vertical taps stay within rows floor(y0) .. ceil(y0 + h) - 1, the only rows the
    // first version resampled (see the next test for regions whose taps reach past them).
    for (const [x0, y0, w, h, outW, outH] of [[10.5, 0.25, 100.7, 156.75, 64, 48], [0.4, 0.6, 210.2, 156.1, 352, 352], [-2.5, -1.5, 215, 160, 33, 17], [150.9, 0, 60.1, 157, 5, 300]] as const) {
      expect(digest(resampleRgb(img, x0, y0, w, h, outW, outH))).toBe(REFERENCE[`region ${x0},${y0},${w},${h} -> ${outW}x${outH}`]);
    }
  });

  it('reads every source row the vertical taps reach, also outside floor(y0) .. ceil(y0 + h) - 1', () => {
    // The first or last output row of these regions has taps on a row outside that range, which
    // the first version read from outside its row buffer (NaN -> 0). No caller uses such regions:
    // modelPixels always resamples the whole image.
    const flat = image(211, 157, () => [10, 200, 77]);
    for (const [x0, y0, w, h, outW, outH] of [[10.5, 3.25, 100.7, 80.3, 64, 48], [150.9, 100.1, 60.1, 56.9, 5, 300], [10.5, 0.25, 100.7, 150.3, 64, 48]] as const) {
      const out = resampleRgb(flat, x0, y0, w, h, outW, outH);
      for (let i = 0; i < out.length; i += 3) expect([out[i], out[i + 1], out[i + 2]]).toEqual([10, 200, 77]);
    }
  });

  it('reads RGBA from Uint8ClampedArray and from views at any byte offset', () => {
    const img = noiseImage(123, 77, 5);
    const expected = resampleRgb(img, 0, 0, 123, 77, 352, 352);
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
      expect(digest(modelPixels(img, s))).toBe(REFERENCE[`crop ${name}`]);
    });
  }

  it('toTensorData gives the same float32 bits in NCHW and NHWC', () => {
    const rgb = Uint8Array.from(noiseImage(352, 352, 7).data.subarray(0, 352 * 352 * 3));
    const specs: [string, InputSpec][] = [
      ['NCHW 0..1 -> -1..1', { ...spec, width: 352, height: 352 }],
      ['NHWC 0..1 -> -1..1', { ...spec, width: 352, height: 352, layout: 'NHWC' }],
      ['NCHW ImageNet', { ...spec, width: 352, height: 352, scale: 255, mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225] }],
      ['NHWC ImageNet 0..255', { ...spec, width: 352, height: 352, layout: 'NHWC', scale: 1, mean: [123.675, 116.28, 103.53], std: [58.395, 57.12, 57.375] }],
    ];
    for (const [name, s] of specs) {
      expect(digest(toTensorData(rgb, s))).toBe(REFERENCE[`tensor ${name}`]);
      expect(digest(toTensorData(rgb, s, new Float32Array(352 * 352 * 3).fill(NaN)))).toBe(REFERENCE[`tensor ${name}`]);
    }
  });
});
