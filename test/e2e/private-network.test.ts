// A hostile page points the extension at the user's own machine or private network: directly (an image
// whose src is 127.0.0.1) or through a public URL that redirects there. The extension must not fetch
// it (no request reaches the private address, on any hop), and the page learns nothing beyond a generic
// refusal. Also: an image whose header claims more pixels than the limit is refused before decoding.
import { describe, expect, it } from 'vitest';
import { withExtensionBrowser } from './harness/suite';

const suite = withExtensionBrowser();

interface Result {
  ok: boolean;
  error?: string;
}

function check(url: string): Promise<Result> {
  const sw = suite.ext.context.serviceWorkers().at(-1)!;
  return sw.evaluate((u) => (globalThis as unknown as { dualsight: { check(u: string): Promise<Result> } }).dualsight.check(u), url);
}

describe('private network targets', () => {
  it('refuses a loopback image without requesting it', async () => {
    const url = `https://127.0.0.1:${suite.server.port}/media/ds01?direct=1`;
    const r = await check(url);
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/local or private network/);
    expect(suite.server.requests.filter((q) => q.includes('direct=1'))).toEqual([]);
  }, 60_000);

  it('refuses a public URL that redirects to a private address, and no hop reaches it', async () => {
    const target = `https://127.0.0.1:${suite.server.port}/media/ds02?secret=1`;
    const r = await check(`https://cdn.example.net/redirect?to=${encodeURIComponent(target)}`);
    expect(r.ok).toBe(false);
    // Whatever the page can read says nothing about what is at the private address.
    expect(r.error ?? '').not.toMatch(/HTTP|\d{3}|not an image|AI|real/);
    expect(suite.server.requests.filter((q) => q.includes('redirect?'))).toHaveLength(1);
    expect(suite.server.requests.filter((q) => q.includes('secret=1'))).toEqual([]);
  }, 60_000);

  it('still checks a public image that redirects to another public host', async () => {
    const r = await check(`https://cdn.example.net/redirect?to=${encodeURIComponent('https://pbs.twimg.com/media/ds03')}`);
    expect(r.ok, r.error).toBe(true);
  }, 60_000);
});

describe('pixel limit', () => {
  it('refuses a small file whose header claims 20000x20000 pixels, before decoding it', async () => {
    const r = await check('https://pbs.twimg.com/media/broken-huge');
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/too large to check \(20000x20000\)/);
  }, 60_000);
});
