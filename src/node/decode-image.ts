// Image bytes -> RGBA pixels in Node with sharp, matching what a browser hands the extension:
// EXIF orientation applied, sRGB, 8 bits per channel, alpha present (first frame of animations).
import { LIMITS } from '../shared/limits';
import { cannotDecode, unreadableHeader } from '../shared/check/words';
import type { RgbaImage } from '../shared/preprocess';

// Loaded on the first decode, not with the CLI: `--help` and usage errors need no libvips, whose
// shared libraries take a good part of the CLI's start-up to load.
type Sharp = typeof import('sharp').default;
let sharpModule: Promise<Sharp> | undefined;
const loadSharp = (): Promise<Sharp> => (sharpModule ??= import('sharp').then((m) => m.default));

/** Decoded-size cap (the extension's too): 50 megapixels are already 200 MB of RGBA; beyond is a decompression bomb. */
export const MAX_PIXELS = LIMITS.pixels;

export class DecodeError extends Error {
  override name = 'DecodeError';
}

/** sharp's messages, in the pipeline's words (src/shared/check/words.ts). */
function decodeError(e: unknown, format: string | undefined): DecodeError {
  const why = (e as Error).message?.split('\n')[0] ?? String(e);
  if (/pixel limit/i.test(why)) return new DecodeError(`image too large to check: larger than ${MAX_PIXELS / 1e6} megapixels`);
  if (!format) return new DecodeError(unreadableHeader);
  return new DecodeError(cannotDecode(format, why));
}

export async function decodeImage(bytes: Uint8Array): Promise<RgbaImage> {
  // failOn 'warning': a truncated or corrupt file is an error, not a half-grey picture.
  const sharp = await loadSharp();
  const image = sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'warning' });
  let format: string | undefined;
  try {
    ({ format } = await image.metadata());
  } catch (e) {
    throw decodeError(e, undefined);
  }
  try {
    const { data, info } = await image
      .rotate()
      .toColourspace('srgb')
      .ensureAlpha()
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 4) throw new DecodeError(`decoded to ${info.channels} channels, expected RGBA`);
    return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
  } catch (e) {
    throw e instanceof DecodeError ? e : decodeError(e, format ?? 'image');
  }
}
