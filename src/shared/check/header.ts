// The picture's size from its file header, before anything decodes it: a 389 KB PNG can claim
// 20000x20000 pixels, and a full decode of it took a renderer from 397 MB to 1.9 GB (issue 12).
import { imageSize } from 'image-size';
import { LIMITS } from '../limits';
import { CheckError, tooLargeToCheck, unreadableHeader } from './words';

/** Width and height from the file's header; refuses pictures over the pixel limit before any decode. */
export function checkDimensions(bytes: Uint8Array, maxPixels: number = LIMITS.pixels): { width: number; height: number } {
  let size: { width?: number; height?: number };
  try {
    size = imageSize(bytes);
  } catch {
    throw new CheckError(unreadableHeader);
  }
  const { width = 0, height = 0 } = size;
  if (width * height > maxPixels) throw new CheckError(tooLargeToCheck(width, height));
  return { width, height };
}
