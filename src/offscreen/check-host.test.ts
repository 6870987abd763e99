import { pngBomb } from '../../test/fixtures/png-bomb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchImageBytes } from '../shared/check/fetch';
import { browserCheckHost } from './check-host';

const png = (side: number): Uint8Array => new Uint8Array(pngBomb(side, side, 100));
const fetchImage = (url: string) => fetchImageBytes(url, browserCheckHost.fetch);

/** A response as fetch gives it, its body streamed in `chunks` pieces; `url` is where redirects ended. */
function response(body: Uint8Array, opts: { url?: string; headers?: Record<string, string>; chunks?: number } = {}): Response {
  const n = opts.chunks ?? 1;
  const size = Math.ceil(body.length / n);
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(c) {
      if (pulled * size >= body.length) return c.close();
      c.enqueue(body.subarray(pulled * size, ++pulled * size));
    },
  });
  const res = new Response(stream, { status: 200, headers: { 'content-type': 'image/png', ...opts.headers } });
  Object.defineProperty(res, 'url', { value: opts.url ?? 'https://cdn.example.net/a.png' });
  return res;
}

afterEach(() => vi.unstubAllGlobals());

describe('the browser hosts\' downloads (offscreen document, Firefox background page)', () => {
  it('never requests a private address', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    await expect(fetchImage('http://192.168.1.1/cam.jpg')).rejects.toThrow(/local or private network/);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('uses nothing of an answer whose redirects ended on a private address', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => response(png(100), { url: 'http://127.0.0.1:8080/secret.png' })));
    await expect(fetchImage('https://cdn.example.net/r')).rejects.toThrow(/local or private network/);
  });

  it('sends no cookies', async () => {
    const fetch = vi.fn(async (_url: URL, _init: RequestInit) => response(png(100)));
    vi.stubGlobal('fetch', fetch);
    await fetchImage('https://cdn.example.net/ok.png');
    expect(fetch.mock.calls[0]![1]).toMatchObject({ credentials: 'omit' });
  });

  it('stops reading a body that passes the byte limit while it streams (no Content-Length)', async () => {
    const big = new Uint8Array(41 * 1024 * 1024);
    big.set(png(100));
    vi.stubGlobal('fetch', vi.fn(async () => response(big, { chunks: 41 })));
    await expect(fetchImage('https://cdn.example.net/big.png')).rejects.toThrow(/too large to download \(over/);
  });

  it('returns the bytes of a normal image', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => response(png(100), { chunks: 3 })));
    const got = await fetchImage('https://cdn.example.net/ok.png');
    expect(got.type).toBe('image/png');
    expect(got.bytes).toEqual(png(100));
  });
});
