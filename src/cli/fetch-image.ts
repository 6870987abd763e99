// Downloads an image URL for checking: bounded in time and size, and only if the server says it is an image.
import { fetchFailureWords, httpStatusWords } from './fetch-error-words';

export const FETCH_TIMEOUT_MS = 20_000;
export const MAX_DOWNLOAD_BYTES = 30 * 1024 * 1024;

export class FetchError extends Error {
  override name = 'FetchError';
}

export async function fetchImage(url: string, opts: { timeoutMs?: number; maxBytes?: number } = {}): Promise<Uint8Array> {
  const maxBytes = opts.maxBytes ?? MAX_DOWNLOAD_BYTES;
  const signal = AbortSignal.timeout(opts.timeoutMs ?? FETCH_TIMEOUT_MS);
  try {
    const res = await fetch(url, { signal, redirect: 'follow', headers: { accept: 'image/*' } });
    if (!res.ok) throw new FetchError(httpStatusWords(res.status, res.statusText));
    const type = res.headers.get('content-type') ?? '';
    if (!/^image\//i.test(type)) throw new FetchError(`not an image (content-type: ${type || 'none'})`);
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > maxBytes) throw new FetchError(`image is ${declared} bytes, over the ${maxBytes}-byte limit`);
    return await readCapped(res, maxBytes);
  } catch (e) {
    if (e instanceof FetchError) throw e;
    if ((e as Error).name === 'TimeoutError') throw new FetchError(`no complete answer from host ${new URL(url).host} within ${(opts.timeoutMs ?? FETCH_TIMEOUT_MS) / 1000} s`);
    throw new FetchError(fetchFailureWords(url, e));
  }
}

/** Reads the body but stops as soon as it passes the cap (content-length can be absent or wrong). */
async function readCapped(res: Response, maxBytes: number): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new FetchError(`image is over the ${maxBytes}-byte limit`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
