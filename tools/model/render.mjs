// Turns a planned view into decoded RGBA pixels with sharp: crop, downscale, recompress, decode.
// Recompression goes through a real encoder so the model sees genuine JPEG/WebP artefacts.
import sharp from 'sharp';
import { CONDITIONS } from './views.mjs';

// The shared machine has 2 cores; the model run uses them, so keep libvips to one thread per call.
sharp.concurrency(1);
sharp.cache(false);

async function encode(img, format, quality) {
  return format === 'webp' ? img.webp({ quality }).toBuffer() : img.jpeg({ quality }).toBuffer();
}

async function decodeRgba(input) {
  const { data, info } = await sharp(input).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
}

/** Encoded bytes of the view (the file itself for clean views). */
export async function viewBytes(file, view) {
  if (view.kind === 'clean') return file;
  if (view.kind === 'aug') {
    const { crop, resize, format, quality, filter, blur, second } = view.aug;
    let img = sharp(file).extract(crop);
    if (resize) img = img.resize(resize.width, resize.height, { fit: 'fill' });
    if (filter) {
      img = img.modulate({ saturation: filter.saturation, brightness: filter.brightness });
      if (filter.sharpen) img = img.sharpen({ sigma: 0.8 });
    }
    if (blur) img = img.blur(blur);
    // An un-recompressed view is passed on losslessly (PNG) so only crop/scale change it.
    if (!format) return img.png({ compressionLevel: 1 }).toBuffer();
    const once = await encode(img, format, quality);
    if (!second) return once;
    const w = Math.max(16, Math.round((resize?.width ?? crop.width) * second.scale));
    const h = Math.max(16, Math.round((resize?.height ?? crop.height) * second.scale));
    return sharp(once).resize(w, h, { fit: 'fill' }).jpeg({ quality: second.quality }).toBuffer();
  }
  const cond = CONDITIONS[view.kind];
  if (!cond) throw new Error(`unknown view kind ${view.kind}`);
  const meta = await sharp(file).metadata();
  let img = sharp(file);
  if (Math.max(meta.width, meta.height) > cond.maxSide) img = img.resize(cond.maxSide, cond.maxSide, { fit: 'inside' });
  return encode(img, cond.format, cond.quality);
}

/** Decoded RGBA of the view. */
export async function renderView(file, view) {
  return decodeRgba(await viewBytes(file, view));
}
