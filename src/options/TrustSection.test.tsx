// @vitest-environment happy-dom
// The options page's trust-list section over mock data: missing, current and stale lists, import.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { makeCertificate, pem } from '../../test/fixtures/c2pa-builder';
import type { TrustListStatus } from '../shared/trust-status';
import type { TrustData } from './trust-data';
import { TrustSection } from './TrustSection';

function mock(initial: TrustListStatus): TrustData & { imported: string[] } {
  let status = initial;
  const imported: string[] = [];
  return {
    imported,
    status: async () => status,
    importList: async (_text, name) => {
      imported.push(name);
      status = { ...status, state: 'current', issued: '2026-08-05T00:11:39Z', nextUpdate: '2027-08-05T00:11:39Z', source: `imported from ${name}`, count: 30 };
      return status;
    },
    setAnchors: async () => status,
    refresh: async () => status,
    setDownload: async (on) => void (status = { ...status, download: on }),
  };
}

async function mount(data: TrustData): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.append(root);
  await act(async () => render(<TrustSection data={data} />, root));
  await act(async () => new Promise((r) => setTimeout(r, 0)));
  return root;
}

describe('trust list section', () => {
  it('says when the list is missing and that nothing can be "Camera-signed"', async () => {
    const root = await mount(mock({ state: 'missing', download: false }));
    const state = root.querySelector('.trust-state')!;
    expect(state.getAttribute('data-state')).toBe('missing');
    expect(state.textContent).toMatch(/No C2PA Trust List: no image can be shown as "Camera-signed"/);
  });

  it('shows the issue date, next update and source; a stale list says so; names the user anchors', async () => {
    const ca = await makeCertificate({ name: { O: 'Mine', CN: 'My CA' }, ca: true });
    const root = await mount(mock({ state: 'stale', issued: '2026-08-05T00:11:39Z', nextUpdate: '2026-09-05T00:00:00Z', source: 'downloaded from x', count: 30, download: true, userPem: pem(ca.der) }));
    expect(root.querySelector('.trust-state')!.textContent).toBe(
      'C2PA Trust List (30 anchors), issued 2026-08-05, next update 2026-09-05; downloaded from x. It is past its next update: a newer list should exist.',
    );
    expect(root.textContent).toMatch(/In use: Mine, My CA/);
  });

  it('imports a list file', async () => {
    const data = mock({ state: 'missing', download: false });
    const root = await mount(data);
    const input = root.querySelector<HTMLInputElement>('#trust-file')!;
    const file = new File(['-----BEGIN CERTIFICATE-----'], 'C2PA-TRUST-LIST.pem');
    Object.defineProperty(input, 'files', { value: [file] });
    await act(async () => void input.dispatchEvent(new Event('change')));
    await act(async () => new Promise((r) => setTimeout(r, 10)));
    expect(data.imported).toEqual(['C2PA-TRUST-LIST.pem']);
    expect(root.querySelector('.trust-state')!.getAttribute('data-state')).toBe('current');
    expect(root.textContent).toMatch(/Imported C2PA-TRUST-LIST\.pem\./);
  });
});
