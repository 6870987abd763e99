// Validators of every message's data: content scripts run inside web pages, so what they send is untrusted
// input; the extension's own pages and worker are trusted, but a malformed request still stops here.
import type { BackendChoice, BackgroundToOffscreen, ContentToBackground, ImageOrigin } from './messages';
import type { TrustConfig, TrustListText } from './provenance/trust/list-file';
import type { HistoryFilter, HistoryQuery } from './history-types';

const MAX_URL = 8192;
const ORIGINS: readonly ImageOrigin[] = ['feed', 'context-menu'];

export class InvalidMessage extends Error {
  override name = 'InvalidMessage';
}

function httpUrl(v: unknown, what: string): string {
  if (typeof v !== 'string' || v.length === 0 || v.length > MAX_URL) throw new InvalidMessage(`${what}: not a URL`);
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    throw new InvalidMessage(`${what}: not a URL`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new InvalidMessage(`${what}: only http(s) images can be checked`);
  return u.href;
}

export function checkImageRequest(data: unknown): ContentToBackground['check-image']['req'] {
  if (typeof data !== 'object' || data === null) throw new InvalidMessage('check-image: no data');
  const d = data as Record<string, unknown>;
  if (!ORIGINS.includes(d.origin as ImageOrigin)) throw new InvalidMessage('check-image: bad origin');
  return {
    url: httpUrl(d.url, 'check-image url'),
    pageUrl: typeof d.pageUrl === 'string' ? d.pageUrl.slice(0, MAX_URL) : '',
    origin: d.origin as ImageOrigin,
    alt: typeof d.alt === 'string' ? d.alt.slice(0, 300) : undefined,
  };
}

export function cancelCheckRequest(data: unknown): ContentToBackground['cancel-check']['req'] {
  return { url: httpUrl(record(data, 'cancel-check').url, 'cancel-check url') };
}

export function siteSettingsRequest(data: unknown): ContentToBackground['site-settings']['req'] {
  const host = (data as Record<string, unknown> | null)?.host;
  if (typeof host !== 'string' || host.length > 255 || !/^[a-z0-9.-]*$/i.test(host)) throw new InvalidMessage('site-settings: bad host');
  return { host };
}

const FILTERS: readonly HistoryFilter[] = ['all', 'ai', 'real', 'unsure', 'unscored', 'failed'];

/** The popup is trusted, but a malformed query should still not reach the store. */
export function historyQuery(data: unknown): HistoryQuery {
  const d = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  return {
    filter: FILTERS.includes(d.filter as HistoryFilter) ? (d.filter as HistoryFilter) : 'all',
    search: typeof d.search === 'string' ? d.search.slice(0, 500) : undefined,
    limit: typeof d.limit === 'number' && Number.isInteger(d.limit) && d.limit > 0 ? Math.min(d.limit, 10_000) : undefined,
  };
}

function record(data: unknown, what: string): Record<string, unknown> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new InvalidMessage(`${what}: no data`);
  return data as Record<string, unknown>;
}

/** Requests that carry nothing. */
export function empty(): Record<string, never> {
  return {};
}

export function idRequest(data: unknown): { id: string } {
  const id = record(data, 'id request').id;
  if (typeof id !== 'string' || id.length === 0 || id.length > 300) throw new InvalidMessage('bad id');
  return { id };
}

const BACKENDS: readonly BackendChoice[] = ['auto', 'webgpu', 'wasm'];

function backendChoice(v: unknown): BackendChoice {
  if (!BACKENDS.includes(v as BackendChoice)) throw new InvalidMessage('bad backend');
  return v as BackendChoice;
}

export function backendRequest(data: unknown): { backend: BackendChoice } {
  return { backend: backendChoice(record(data, 'engine-status').backend) };
}

export function inferRequest(data: unknown): BackgroundToOffscreen['infer']['req'] {
  const d = record(data, 'infer');
  if (typeof d.url !== 'string' || d.url.length === 0 || d.url.length > 64 * 1024 * 1024) throw new InvalidMessage('infer: not a URL');
  const t = d.aiThreshold;
  if (t !== null && !(typeof t === 'number' && t > 0 && t < 1)) throw new InvalidMessage('infer: bad threshold');
  const n = d.objectLimit;
  if (!(typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 100)) throw new InvalidMessage('infer: bad object limit');
  const trust = d.trust === undefined ? undefined : trustConfig(d.trust);
  return { url: d.url, wantThumbnail: d.wantThumbnail === true, backend: backendChoice(d.backend), aiThreshold: t as number | null, objectLimit: n, ...(trust ? { trust } : {}) };
}

/** Trust anchors as text: PEM strings (at most 4 MB each) and optional ISO dates. */
export function trustConfig(data: unknown): TrustConfig {
  const d = record(data, 'trust');
  const text = (v: unknown, what: string): string | undefined => {
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || v.length > 4 * 1024 * 1024) throw new InvalidMessage(`trust: bad ${what}`);
    return v;
  };
  const list = (v: unknown, what: string): TrustListText | undefined => {
    if (v === undefined) return undefined;
    const l = record(v, `trust ${what}`);
    const pem = text(l.pem, `${what} PEM`);
    if (pem === undefined) throw new InvalidMessage(`trust: ${what} without PEM`);
    const out: TrustListText = { pem };
    for (const k of ['issued', 'nextUpdate', 'source'] as const) {
      const v2 = text(l[k], `${what} ${k}`);
      if (v2 !== undefined) out[k] = v2.slice(0, 500);
    }
    return out;
  };
  const out: TrustConfig = {};
  const l = list(d.list, 'list');
  const tsa = list(d.tsaList, 'TSA list');
  const user = text(d.userPem, 'user anchors');
  if (l) out.list = l;
  if (tsa) out.tsaList = tsa;
  if (user !== undefined) out.userPem = user;
  return out;
}

/** Settings patches are checked field by field by the settings store; here only their shape. */
export function settingsPatch<T>(data: unknown): Partial<T> {
  return record(data, 'settings:set') as Partial<T>;
}

export function verifyImageRequest(data: unknown): { srcUrl: string } {
  const srcUrl = record(data, 'verify-image').srcUrl;
  if (typeof srcUrl !== 'string' || srcUrl.length === 0) throw new InvalidMessage('verify-image: srcUrl must be a string');
  return { srcUrl };
}

export function contentSettings(data: unknown): { autoScan: boolean; blurAi: boolean; mark: string } {
  const d = record(data, 'settings-changed');
  if (typeof d.autoScan !== 'boolean' || typeof d.blurAi !== 'boolean' || typeof d.mark !== 'string') throw new InvalidMessage('settings-changed: bad settings');
  return { autoScan: d.autoScan, blurAi: d.blurAi, mark: d.mark.slice(0, 64) };
}

const MAX_TRUST_FILE = 4 * 1024 * 1024;

export function trustImportRequest(data: unknown): { text: string; name: string } {
  const d = record(data, 'trust:import');
  if (typeof d.text !== 'string' || d.text.length === 0 || d.text.length > MAX_TRUST_FILE) throw new InvalidMessage('trust:import: text must be a file of at most 4 MB');
  return { text: d.text, name: typeof d.name === 'string' ? d.name.slice(0, 200) : 'a file' };
}

export function trustAnchorsRequest(data: unknown): { pem: string } {
  const pem = record(data, 'trust:anchors').pem;
  if (typeof pem !== 'string' || pem.length > MAX_TRUST_FILE) throw new InvalidMessage('trust:anchors: pem must be text of at most 4 MB');
  return { pem };
}
