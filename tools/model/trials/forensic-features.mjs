// A trial (tools/model/trials/README.md), not part of the product: low-level "forensic" statistics of a
// decoded picture at its own resolution (no resampling): how the pixel noise is structured, which the
// detector's features (computed after a resize to 352 px, trained to see objects) barely see. Pure
// functions over RGBA images ({width, height, data: Uint8Array}).
//
// Groups (FORENSIC_GROUPS names them, in output order):
//   cooc   co-occurrence of adjacent quantised second-order residuals (SPAM-style), 3 quantisation steps
//   level  residual energy per scale and its kurtosis (noise level, smoothness)
//   acorr  autocorrelation of the residual at lags 1..8 (periodic traces of interpolation / upsampling)
//   chroma correlation of the residuals between colour channels (demosaicing leaves them correlated)

/** Largest side of the centre region analysed (keeps the cost bounded on large pictures). */
export const FORENSIC_MAX_SIDE = 512;
const T = 2; // residuals truncated to [-T, T]
const Q = [1, 2, 4]; // quantisation steps
const BINS = 2 * T + 1;
const LAGS = 8;

export const FORENSIC_GROUPS = [
  { name: 'cooc', size: Q.length * BINS * BINS * BINS },
  { name: 'level', size: 9 },
  { name: 'acorr', size: 2 * LAGS },
  { name: 'chroma', size: 4 },
];
export const FORENSIC_DIM = FORENSIC_GROUPS.reduce((s, g) => s + g.size, 0);

function centre(img) {
  const w = Math.min(img.width, FORENSIC_MAX_SIDE), h = Math.min(img.height, FORENSIC_MAX_SIDE);
  return { x0: (img.width - w) >> 1, y0: (img.height - h) >> 1, w, h };
}

/** One channel (0..2) or luma (3) of the region as float32, row-major. */
function plane(img, r, c) {
  const out = new Float32Array(r.w * r.h);
  const d = img.data;
  for (let y = 0; y < r.h; y++) {
    let p = ((r.y0 + y) * img.width + r.x0) * 4;
    const row = y * r.w;
    for (let x = 0; x < r.w; x++, p += 4) {
      out[row + x] = c < 3 ? d[p + c] : 0.299 * d[p] + 0.587 * d[p + 1] + 0.114 * d[p + 2];
    }
  }
  return out;
}

/** Second-order residual along x (dx = 1) or y: v[i-1] - 2 v[i] + v[i+1]; borders 0. */
function residual(v, w, h, alongX) {
  const out = new Float32Array(w * h);
  if (alongX) {
    for (let y = 0; y < h; y++) for (let x = 1; x < w - 1; x++) { const i = y * w + x; out[i] = v[i - 1] - 2 * v[i] + v[i + 1]; }
  } else {
    for (let y = 1; y < h - 1; y++) for (let x = 0; x < w; x++) { const i = y * w + x; out[i] = v[i - w] - 2 * v[i] + v[i + w]; }
  }
  return out;
}

const quant = (r, q) => { const k = Math.round(r / q); return (k < -T ? -T : k > T ? T : k) + T; };

/** Normalised histogram of triples of adjacent quantised residuals along their own direction. */
function cooccurrence(rx, ry, w, h, q, out, at) {
  let n = 0;
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 3; x++) {
      const i = y * w + x;
      out[at + (quant(rx[i], q) * BINS + quant(rx[i + 1], q)) * BINS + quant(rx[i + 2], q)]++;
      n++;
    }
  }
  for (let y = 1; y < h - 3; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      out[at + (quant(ry[i], q) * BINS + quant(ry[i + w], q)) * BINS + quant(ry[i + 2 * w], q)]++;
      n++;
    }
  }
  const size = BINS * BINS * BINS;
  for (let k = 0; k < size; k++) out[at + k] = n ? out[at + k] / n : 0;
}

function stats(r, w, h) {
  let s2 = 0, s4 = 0, n = 0;
  for (let y = 1; y < h - 1; y++) for (let x = 1; x < w - 1; x++) { const v = r[y * w + x]; const v2 = v * v; s2 += v2; s4 += v2 * v2; n++; }
  if (!n) return { e: 0, kurt: 0 };
  const m2 = s2 / n, m4 = s4 / n;
  return { e: m2, kurt: m2 > 1e-9 ? m4 / (m2 * m2) : 0 };
}

/** Half-resolution plane (2x2 mean). */
function half(v, w, h) {
  const w2 = w >> 1, h2 = h >> 1;
  const out = new Float32Array(w2 * h2);
  for (let y = 0; y < h2; y++) for (let x = 0; x < w2; x++) {
    const i = 2 * y * w + 2 * x;
    out[y * w2 + x] = 0.25 * (v[i] + v[i + 1] + v[i + w] + v[i + w + 1]);
  }
  return { v: out, w: w2, h: h2 };
}

function autocorr(r, w, h, alongX, out, at) {
  let s0 = 0;
  for (let y = 1; y < h - 1; y++) for (let x = 1; x < w - 1; x++) { const v = r[y * w + x]; s0 += v * v; }
  for (let lag = 1; lag <= LAGS; lag++) {
    let s = 0;
    if (alongX) { for (let y = 1; y < h - 1; y++) for (let x = 1; x < w - 1 - lag; x++) { const i = y * w + x; s += r[i] * r[i + lag]; } }
    else { for (let y = 1; y < h - 1 - lag; y++) for (let x = 1; x < w - 1; x++) { const i = y * w + x; s += r[i] * r[i + lag * w]; } }
    out[at + lag - 1] = s0 > 1e-9 ? s / s0 : 0;
  }
}

function correlation(a, b) {
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < a.length; i++) { sab += a[i] * b[i]; saa += a[i] * a[i]; sbb += b[i] * b[i]; }
  return saa > 1e-9 && sbb > 1e-9 ? sab / Math.sqrt(saa * sbb) : 0;
}

/** The forensic feature vector (FORENSIC_DIM values) of a decoded picture. */
export function forensicFeatures(img) {
  const out = new Float64Array(FORENSIC_DIM);
  const r = centre(img);
  const { w, h } = r;
  if (w < 8 || h < 8) return new Float32Array(FORENSIC_DIM);
  const y = plane(img, r, 3);
  const rx = residual(y, w, h, true), ry = residual(y, w, h, false);
  let at = 0;
  for (const q of Q) { cooccurrence(rx, ry, w, h, q, out, at); at += BINS * BINS * BINS; }
  // Noise level across three scales (log energy, kurtosis) and the ratios between scales.
  let p = { v: y, w, h };
  const logE = [];
  for (let s = 0; s < 3; s++) {
    const a = stats(residual(p.v, p.w, p.h, true), p.w, p.h), b = stats(residual(p.v, p.w, p.h, false), p.w, p.h);
    logE.push(Math.log(1e-3 + 0.5 * (a.e + b.e)));
    out[at + 3 + s] = Math.log(1 + 0.5 * (a.kurt + b.kurt));
    if (p.w >= 16 && p.h >= 16) p = half(p.v, p.w, p.h);
  }
  out[at] = logE[0]; out[at + 1] = logE[1]; out[at + 2] = logE[2];
  out[at + 6] = logE[0] - logE[1]; out[at + 7] = logE[1] - logE[2];
  out[at + 8] = Math.log(1e-3 + stats(rx, w, h).e) - Math.log(1e-3 + stats(ry, w, h).e);
  at += 9;
  autocorr(rx, w, h, true, out, at); at += LAGS;
  autocorr(ry, w, h, false, out, at); at += LAGS;
  // Residual correlation between colour channels, and chroma vs luma residual energy.
  const res = [0, 1, 2].map((c) => residual(plane(img, r, c), w, h, true));
  out[at] = correlation(res[0], res[1]);
  out[at + 1] = correlation(res[1], res[2]);
  out[at + 2] = correlation(res[0], res[2]);
  const chroma = new Float32Array(w * h);
  for (let i = 0; i < chroma.length; i++) chroma[i] = res[0][i] - res[2][i];
  out[at + 3] = Math.log(1e-3 + stats(chroma, w, h).e) - logE[0];
  return Float32Array.from(out);
}
