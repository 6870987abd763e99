// Fetches the bytes of an image the page already shows. The only network requests DualSight makes.

export const MAX_IMAGE_BYTES = 40 * 1024 * 1024;
export const FETCH_TIMEOUT_MS = 20_000;

export async function fetchImage(url: string): Promise<Blob> {
  const parsed = new URL(url);
  if (!['http:', 'https:', 'data:', 'blob:'].includes(parsed.protocol)) {
    throw new Error(`cannot fetch ${parsed.protocol} URLs`);
  }
  let res: Response;
  try {
    // No cookies: the image is fetched as a logged-out visitor would see it (privacy), and the host
    // permission lets the extension read cross-origin CDN responses.
    res = await fetch(url, { credentials: 'omit', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), cache: 'force-cache' });
  } catch (err) {
    throw new Error(`could not download the image: ${(err as Error).name === 'TimeoutError' ? 'timed out' : (err as Error).message}`);
  }
  if (!res.ok) throw new Error(`could not download the image: HTTP ${res.status}`);
  const type = res.headers.get('content-type') ?? '';
  if (type && !type.startsWith('image/') && !type.startsWith('application/octet-stream') && !type.startsWith('binary/')) {
    throw new Error(`not an image (${type.split(';')[0]})`);
  }
  const length = Number(res.headers.get('content-length') ?? '0');
  if (length > MAX_IMAGE_BYTES) throw new Error(`image too large to download (${length} bytes)`);
  const blob = await res.blob();
  if (blob.size === 0) throw new Error('the image is empty (0 bytes)');
  if (blob.size > MAX_IMAGE_BYTES) throw new Error(`image too large to download (${blob.size} bytes)`);
  return blob;
}
