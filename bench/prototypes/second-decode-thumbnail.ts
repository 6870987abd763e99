// "Before" of decoding once: the history thumbnail came from a second decode of the same image
// (createImageBitmap again), beside the decode for the model's pixels.
export { MAX_PIXELS } from '../../src/offscreen/decode';
import { decodeImage as decodeOnce, thumbnailOf, type Decoded } from '../../src/offscreen/decode';

async function thumbnail(blob: Blob): Promise<string | undefined> {
  const bitmap = await createImageBitmap(blob).catch(() => undefined);
  if (!bitmap) return undefined;
  try {
    return thumbnailOf(bitmap);
  } finally {
    bitmap.close();
  }
}

export async function decodeImage(blob: Blob, opts: { thumbnail?: boolean } = {}): Promise<Decoded> {
  const [{ image }, thumb] = await Promise.all([decodeOnce(blob), opts.thumbnail ? thumbnail(blob) : undefined]);
  return { image, thumbnail: thumb };
}
