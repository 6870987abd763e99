// Prototype: let the browser decode straight to the model's input size (createImageBitmap with
// resizeWidth/resizeHeight), instead of decoding at full size and resampling in JS (resampleRgb, which
// reproduces PIL bit for bit). Fixed to dualsight-lite's 512x512 stretch input. Chromium's resampler is
// not PIL's: the bench reports how far P(AI) moves. (The thumbnail is drawn from the same stretched
// bitmap, so its cost is comparable; its shape would be wrong.)
export { MAX_PIXELS } from '../../src/offscreen/decode';
import { pixelsOf, thumbnailOf, type Decoded } from '../../src/offscreen/decode';

const SIZE = 512;
declare const __BENCH_RESIZE_QUALITY__: ResizeQuality;

export async function decodeImage(blob: Blob, opts: { thumbnail?: boolean } = {}): Promise<Decoded> {
  const bitmap = await createImageBitmap(blob, {
    imageOrientation: 'from-image',
    resizeWidth: SIZE,
    resizeHeight: SIZE,
    resizeQuality: __BENCH_RESIZE_QUALITY__,
  });
  try {
    return { image: pixelsOf(bitmap), thumbnail: opts.thumbnail ? thumbnailOf(bitmap) : undefined };
  } finally {
    bitmap.close();
  }
}
