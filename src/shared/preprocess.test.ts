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
