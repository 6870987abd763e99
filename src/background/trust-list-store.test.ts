// The trust list store with an injected fetch: nothing here reaches the network. Downloads at most once a
// day, keeps the last list when a download fails, imports files, keeps the user's anchors.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { makeCertificate, pem } from '../../test/fixtures/c2pa-builder';
import { resetFakeBrowser } from '../../test/unit/fake-browser';
import { DAY_MS, forgetCachedTrustConfig, importTrustList, refreshTrustList, setUserAnchors, trustConfig, trustStatus, TRUST_LIST_URL, TSA_LIST_URL, type FetchFn } from './trust-list-store';

vi.mock('webextension-polyfill', () => import('../../test/unit/fake-browser').then((m) => m.polyfillModule));

beforeEach(() => {
  resetFakeBrowser();
  forgetCachedTrustConfig();
});

async function loteJson(issued: string, nextUpdate: string): Promise<string> {
  const ca = await makeCertificate({ name: { O: 'Listed', CN: 'Listed CA' }, ca: true });
  const b64 = Buffer.from(ca.der).toString('base64');
  return JSON.stringify({
    LoTE: {
      ListAndSchemeInformation: { ListIssueDateTime: issued, NextUpdate: nextUpdate },
      TrustedEntitiesList: [{ TrustedEntityServices: [{ ServiceInformation: { ServiceDigitalIdentity: { X509Certificates: [{ val: b64 }] } } }] }],
    },
  });
}

function fakeFetch(body: string | Error): FetchFn & { urls: string[] } {
  const urls: string[] = [];
  const fn = (async (url: string) => {
    urls.push(url);
    if (body instanceof Error) throw body;
    return new Response(body, { status: 200 });
  }) as FetchFn & { urls: string[] };
  fn.urls = urls;
  return fn;
}

describe('trust list store', () => {
  it('with nothing stored the list is missing and checks get no anchors', async () => {
    expect(await trustConfig()).toEqual({});
    expect(await trustStatus(true, 0)).toMatchObject({ state: 'missing', download: true });
    expect((await trustStatus(true, 0)).userPem).toBeUndefined();
  });

  it('downloads both published lists, then not again within a day', async () => {
    const now = Date.parse('2026-09-01T00:00:00Z');
    const fetchFn = fakeFetch(await loteJson('2026-08-05T00:11:39Z', '2027-08-05T00:11:39Z'));
    expect(await refreshTrustList({ fetchFn, now })).toBe('updated');
    expect(fetchFn.urls.sort()).toEqual([TRUST_LIST_URL, TSA_LIST_URL].sort());
    expect(await refreshTrustList({ fetchFn, now: now + DAY_MS - 1 })).toBe('skipped');
    expect(fetchFn.urls).toHaveLength(2);
    const status = await trustStatus(true, now);
    expect(status).toMatchObject({ state: 'current', issued: '2026-08-05T00:11:39Z', nextUpdate: '2027-08-05T00:11:39Z', count: 1, obtainedAt: now, nextDownload: now + DAY_MS });
    expect(status.source).toMatch(/^downloaded from https:\/\/raw\.githubusercontent\.com\/c2pa-org\/conformance-public\//);
    expect((await trustConfig()).list?.pem).toMatch(/BEGIN CERTIFICATE/);
  });

  it('a failed download keeps the last list and says why; the list goes stale after its next update', async () => {
    const now = Date.parse('2026-09-01T00:00:00Z');
    await refreshTrustList({ fetchFn: fakeFetch(await loteJson('2026-08-05T00:00:00Z', '2026-09-10T00:00:00Z')), now });
    expect(await refreshTrustList({ fetchFn: fakeFetch(new Error('offline')), now: now + 2 * DAY_MS })).toBe('failed');
    const status = await trustStatus(true, now + 20 * DAY_MS);
    expect(status).toMatchObject({ state: 'stale', lastError: 'offline', count: 1 });
    expect((await trustConfig()).list).toBeDefined();
  });

  it('imports a PEM bundle from a file, a TSA list by its name, and the user anchors', async () => {
    const ca = await makeCertificate({ name: { O: 'Mine', CN: 'My CA' }, ca: true });
    await importTrustList(`Subject\tCN=My CA\n${pem(ca.der)}`, 'C2PA-TRUST-LIST.pem');
    await importTrustList(pem(ca.der), 'C2PA-TSA-TRUST-LIST.pem');
    await setUserAnchors(pem(ca.der));
    const config = await trustConfig();
    expect(config.list?.source).toBe('imported from C2PA-TRUST-LIST.pem');
    expect(config.tsaList?.pem).toMatch(/BEGIN CERTIFICATE/);
    expect((await trustStatus(false)).userPem).toBe(pem(ca.der));
    await expect(importTrustList('not a certificate', 'x.pem')).rejects.toThrow(/no PEM certificate/);
    await expect(setUserAnchors('garbage')).rejects.toThrow(/no PEM certificate/);
    await expect(importTrustList('{"LoTE":{"TrustedEntitiesList":[]}}', 'C2PA-TRUST-LIST.json')).rejects.toThrow(/holds no certificate/);
    await setUserAnchors('');
    expect((await trustConfig()).userPem).toBeUndefined();
  });
});
