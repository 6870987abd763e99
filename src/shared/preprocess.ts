// Image -> model input tensor, the same code in the extension (offscreen document) and the CLI (Node),
// so both paths feed the model identical numbers for identical decoded pixels.
// Resampling follows PIL's separable bilinear filter with antialiasing (support grows with the
// downscale factor) and rounds to 8 bits like PIL, so torchvision's Resize/CenterCrop is reproduced.
import type { InputSpec } from './model-manifest';

export interface RgbaImage {
  width: number;
  height: number;
  /** RGBA, 4 bytes per pixel, row-major. */
  data: Uint8Array | Uint8ClampedArray;
}

interface Taps {
  start: Int32Array;
  count: Int32Array;
  /** Fixed-point weights (x 2^22), as PIL's ImagingResample uses for 8-bit images. */
  weights: Int32Array;
  maxTaps: number;
}

const PRECISION_BITS = 22;
const ONE = 1 << PRECISION_BITS;
const HALF = 1 << (PRECISION_BITS - 1);

// Precomputes, for each output coordinate, the input range and normalised triangle-filter weights.
function taps(inSize: number, outSize: number, offset: number, span: number): Taps {
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
      weights[o * maxTaps + k] = Math.trunc(v < 0 ? v * ONE - 0.5 : v * ONE + 0.5);
    }
    start[o] = lo;
    count[o] = hi - lo;
  }
  return { start, count, weights, maxTaps };
}

/** Python's round() (half to even): torchvision's CenterCrop offset is int(round((size - crop) / 2)). */
const roundHalfEven = (x: number): number => {
  const floor = Math.floor(x);
  const frac = x - floor;
  return frac < 0.5 ? floor : frac > 0.5 ? floor + 1 : floor % 2 === 0 ? floor : floor + 1;
};

// Fixed-point accumulator -> byte, rounding as PIL does ((acc + 2^21) >> 22, clipped).
const clampByte = (acc: number): number => {
  const v = Math.floor((acc + HALF) / ONE);
  return v <= 0 ? 0 : v >= 255 ? 255 : v;
};

/**
 * Resamples the region (x0, y0, w, h) of `img` to outW x outH RGB bytes (3 per pixel).
 * Two passes (horizontal then vertical), each rounded to 8 bits as PIL does.
 */
export function resampleRgb(img: RgbaImage, x0: number, y0: number, w: number, h: number, outW: number, outH: number): Uint8Array {
  const { width, height, data } = img;
  const rowFirst = Math.max(0, Math.floor(y0));
  const rowLast = Math.min(height, Math.ceil(y0 + h));
  const hx = taps(width, outW, x0, w);
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
      tmp[t] = clampByte(r); tmp[t + 1] = clampByte(g); tmp[t + 2] = clampByte(b);
    }
  }
  const vy = taps(height, outH, y0, h);
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
      out[t] = clampByte(r); out[t + 1] = clampByte(g); out[t + 2] = clampByte(b);
    }
  }
  return out;
}

/** The model's RGB input pixels (width x height x 3 bytes) for a decoded image, as the manifest says. */
export function modelPixels(img: RgbaImage, spec: InputSpec): Uint8Array {
  if (img.width < 1 || img.height < 1) throw new Error(`image has no pixels (${img.width}x${img.height})`);
  if (spec.resize === 'stretch') {
    return resampleRgb(img, 0, 0, img.width, img.height, spec.width, spec.height);
  }
  // torchvision Resize(shorter) then CenterCrop(width x height), done as one resample of the crop region.
  const shorter = spec.resizeShorter ?? Math.max(spec.width, spec.height);
  const { width: w, height: h } = img;
  const [rw, rh] = w <= h ? [shorter, Math.floor((shorter * h) / w)] : [Math.floor((shorter * w) / h), shorter];
  const left = roundHalfEven((rw - spec.width) / 2);
  const top = roundHalfEven((rh - spec.height) / 2);
  const full = resampleRgb(img, 0, 0, w, h, rw, rh);
  const out = new Uint8Array(spec.width * spec.height * 3);
  for (let y = 0; y < spec.height; y++) {
    const src = ((y + top) * rw + left) * 3;
    out.set(full.subarray(src, src + spec.width * 3), y * spec.width * 3);
  }
  return out;
}

/** Normalised float tensor data in the manifest's layout (batch of one). */
export function toTensorData(rgb: Uint8Array, spec: InputSpec, out?: Float32Array): Float32Array {
  const n = spec.width * spec.height;
  const data = out ?? new Float32Array(n * 3);
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

export function tensorDims(spec: InputSpec): number[] {
  return spec.layout === 'NCHW' ? [1, 3, spec.height, spec.width] : [1, spec.height, spec.width, 3];
}
