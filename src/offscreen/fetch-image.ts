// Fetches the bytes of an image the page already shows. The only network requests DualSight makes.
// Refuses local and private network targets (src/shared/net/private-address.ts), before the request and
// after redirects; stops reading a body past the byte limit while it streams; and checks the picture's
// size from its header before anything decodes it (a 389 KB PNG can claim 20000x20000 pixels).
import { imageSize } from 'image-size';
import { LIMITS } from '../shared/limits';
import { refusedTarget } from '../shared/net/private-address';
import { readCapped } from '../shared/net/read-capped';

export class RefusedTarget extends Error {
  override name = 'RefusedTarget';
}

function check(url: URL): void {
  const why = refusedTarget(url);
  if (why) throw new RefusedTarget(why);
}

/** Width and height from the file's header; refuses pictures over the pixel limit before any decode. */
export function checkDimensions(bytes: Uint8Array): { width: number; height: number } {
  let size: { width?: number; height?: number };
  try {
    size = imageSize(bytes);
  } catch {
    throw new Error('could not decode the image: not a picture format the extension reads (unknown or corrupt header)');
  }
  const { width = 0, height = 0 } = size;
  if (width * height > LIMITS.pixels) throw new Error(`image too large to check (${width}x${height})`);
  return { width, height };
}

export async function fetchImage(url: string): Promise<Blob> {
  const target = new URL(url);
  check(target);
  let res: Response;
  try {
    // No cookies: the image is fetched as a logged-out visitor would see it (privacy), and the host
    // permission lets the extension read cross-origin CDN responses.
    res = await fetch(target, { credentials: 'omit', signal: AbortSignal.timeout(LIMITS.fetchMs), cache: 'force-cache' });
  } catch (err) {
    throw new Error(`could not download the image: ${(err as Error).name === 'TimeoutError' ? 'timed out' : (err as Error).message}`);
  }
  // Redirects are followed by the browser; where they led is judged before anything of the answer is used.
  if (res.url) check(new URL(res.url));
  if (!res.ok) throw new Error(`could not download the image: HTTP ${res.status}`);
  const type = res.headers.get('content-type') ?? '';
  if (type && !type.startsWith('image/') && !type.startsWith('application/octet-stream') && !type.startsWith('binary/')) {
    throw new Error(`not an image (${type.split(';')[0]})`);
  }
  const bytes = await readCapped(res, LIMITS.downloadBytes, (detail) => new Error(`image too large to download (${detail})`));
  if (bytes.byteLength === 0) throw new Error('the image is empty (0 bytes)');
  checkDimensions(bytes);
  return new Blob([bytes], { type: type.split(';')[0] || '' });
}
