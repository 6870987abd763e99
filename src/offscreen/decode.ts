// Image bytes -> RGBA pixels in a browser context (offscreen document, Firefox background page).
import type { RgbaImage } from '../shared/preprocess';

/** Larger images are refused rather than decoded: a 50-megapixel RGBA buffer is already 200 MB. */
export const MAX_PIXELS = 50_000_000;

export async function decodeImage(blob: Blob): Promise<RgbaImage> {
  let bitmap: ImageBitmap;
  try {
    // EXIF orientation is applied, as a page shows the image (the CLI's sharp.rotate() does the same).
    bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' });
  } catch (err) {
    throw new Error(`could not decode the image (${blob.type || 'unknown type'}, ${blob.size} bytes): ${(err as Error).message || 'corrupt or unsupported'}`);
  }
  try {
    const { width, height } = bitmap;
    if (width * height > MAX_PIXELS) throw new Error(`image too large to check (${width}x${height})`);
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('no 2D canvas context');
    ctx.drawImage(bitmap, 0, 0);
    const data = ctx.getImageData(0, 0, width, height, { colorSpace: 'srgb' }).data;
    return { width, height, data };
  } finally {
    bitmap.close();
  }
}

/** A small JPEG data URL for the history list. */
export async function thumbnail(blob: Blob, size = 72): Promise<string | undefined> {
  try {
    const probe = await createImageBitmap(blob);
    const scale = size / Math.max(probe.width, probe.height);
    const w = Math.max(1, Math.round(probe.width * Math.min(1, scale)));
    const h = Math.max(1, Math.round(probe.height * Math.min(1, scale)));
    // A <canvas> and its synchronous toDataURL: in the offscreen document OffscreenCanvas.convertToBlob
    // took ~1 s per call (npm run bench: 1,003-1,014 ms for 72 px; toDataURL 0-1 ms), and every
    // verdict waited for it. Both contexts that run this (offscreen document, Firefox background page)
    // have a DOM.
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    const ctx = canvas.getContext('2d');
    if (!ctx) return undefined;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(probe, 0, 0, w, h);
    probe.close();
    return canvas.toDataURL('image/jpeg', 0.7);
  } catch {
    return undefined;
  }
}
