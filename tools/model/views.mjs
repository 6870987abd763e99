// The deterministic list of image "views" to extract: every image as stored, the val split under the
// evaluation conditions (web, hard), and seeded augmented views of the train split.
// Augmentations are applied to both classes identically, so that only generation traces separate
// them: AI images are nearly all square and real ones mostly 4:3 / 3:2, so every augmented view is
// cropped to one shared set of aspect ratios, then randomly downscaled and recompressed.

/** mulberry32: a small, seedable PRNG (the same sequence on every machine). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a of a string, to derive a per-image seed from its file name. */
export function hash32(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export const ASPECTS = [1, 4 / 3, 3 / 4, 3 / 2, 2 / 3];

/** Evaluation conditions: longest side limit and JPEG quality (null = as stored). */
export const CONDITIONS = {
  clean: null,
  web: { maxSide: 384, format: 'jpeg', quality: 60 },
  hard: { maxSide: 256, format: 'jpeg', quality: 40 },
};

/** One random augmentation for an image of width x height. */
export function augmentation(rand, width, height) {
  const aspect = ASPECTS[Math.floor(rand() * ASPECTS.length)];
  // Largest crop of that aspect inside the image, then 55-100% of its area.
  let cw = width, ch = Math.round(width / aspect);
  if (ch > height) { ch = height; cw = Math.round(height * aspect); }
  const area = 0.55 + 0.45 * rand();
  cw = Math.max(16, Math.round(cw * Math.sqrt(area)));
  ch = Math.max(16, Math.round(ch * Math.sqrt(area)));
  const left = Math.floor(rand() * (width - cw + 1));
  const top = Math.floor(rand() * (height - ch + 1));
  // Downscale the crop in 70% of views to 60-100% of its size.
  const scale = rand() < 0.7 ? 0.6 + 0.4 * rand() : 1;
  const r = rand();
  const format = r < 0.5 ? 'jpeg' : r < 0.8 ? 'webp' : null;
  const quality = Math.round(35 + 60 * rand());
  // What feeds do to pictures on their way: a phone filter (saturation, brightness, sharpening) before
  // the first encode, a slight blur, and a second resize + JPEG encode (a repost of a repost).
  const filter = rand() < 0.2 ? { saturation: 1 + 0.4 * rand(), brightness: 0.92 + 0.16 * rand(), sharpen: rand() < 0.5 } : null;
  const blur = rand() < 0.15 ? 0.4 + 0.8 * rand() : null;
  const second = format && rand() < 0.35 ? { scale: 0.7 + 0.3 * rand(), quality: Math.round(50 + 45 * rand()) } : null;
  return {
    crop: { left, top, width: cw, height: ch },
    resize: scale < 1 ? { width: Math.max(16, Math.round(cw * scale)), height: Math.max(16, Math.round(ch * scale)) } : null,
    format,
    quality: format ? quality : null,
    ...(filter ? { filter } : {}),
    ...(blur ? { blur: Math.round(blur * 100) / 100 } : {}),
    ...(second ? { second: { scale: Math.round(second.scale * 100) / 100, quality: second.quality } } : {}),
  };
}

/**
 * Views for the dataset rows: {row, kind, aug?} where kind is a condition name or "aug". Ordered as
 * every image as stored, then the val conditions, then augmentation round 1 for every train image,
 * round 2, ... so a partial extraction is already a usable data set.
 */
export function planViews(rows, augmentedPerTrainImage) {
  const views = rows.map((_, row) => ({ row, kind: 'clean' }));
  for (const kind of ['web', 'hard']) {
    rows.forEach((r, row) => { if (r.split === 'val') views.push({ row, kind }); });
  }
  const rands = rows.map((r) => prng(hash32(r.file)));
  for (let k = 0; k < augmentedPerTrainImage; k++) {
    rows.forEach((r, row) => {
      if (r.split !== 'train') return;
      views.push({ row, kind: 'aug', aug: augmentation(rands[row], Number(r.width), Number(r.height)) });
    });
  }
  return views;
}
