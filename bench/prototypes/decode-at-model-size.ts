// Prototype: let the browser decode straight to the model's input size (createImageBitmap with
// resizeWidth/resizeHeight), instead of decoding at full size and resampling in JS (resampleRgb, which
// reproduces PIL bit for bit). Fixed to dualsight-lite's 512x512 stretch input. Chromium's resampler is
// not PIL's: the bench reports how far P(AI) moves.
export { thumbnail, MAX_PIXELS } from '../../src/offscreen/decode';
import type { RgbaImage } from '../../src/shared/preprocess';

const SIZE = 512;
declare const __BENCH_RESIZE_QUALITY__: ResizeQuality;

export async function decodeImage(blob: Blob): Promise<RgbaImage> {
  const bitmap = await createImageBitmap(blob, {
    imageOrientation: 'from-image',
    resizeWidth: SIZE,
    resizeHeight: SIZE,
    resizeQuality: __BENCH_RESIZE_QUALITY__,
  });
  try {
    const ctx = new OffscreenCanvas(SIZE, SIZE).getContext('2d', { willReadFrequently: true })!;
    ctx.drawImage(bitmap, 0, 0);
    return { width: SIZE, height: SIZE, data: ctx.getImageData(0, 0, SIZE, SIZE, { colorSpace: 'srgb' }).data };
  } finally {
    bitmap.close();
  }
}
