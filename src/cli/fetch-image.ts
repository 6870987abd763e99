// Downloads an image URL for checking: bounded in time and size, and only if the server says it is an image.
import { LIMITS } from '../shared/limits';
import { readCapped } from '../shared/net/read-capped';
import { fetchFailureWords, httpStatusWords } from './fetch-error-words';

export const FETCH_TIMEOUT_MS = LIMITS.fetchMs;
export const MAX_DOWNLOAD_BYTES = LIMITS.downloadBytes;

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
    return await readCapped(res, maxBytes, (detail) => new FetchError(`image too large to download (${detail})`));
  } catch (e) {
    if (e instanceof FetchError) throw e;
    if ((e as Error).name === 'TimeoutError') throw new FetchError(`no complete answer from host ${new URL(url).host} within ${(opts.timeoutMs ?? FETCH_TIMEOUT_MS) / 1000} s`);
    throw new FetchError(fetchFailureWords(url, e));
  }
}
