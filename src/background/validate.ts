// Content scripts run inside web pages: everything they send is untrusted input.
import type { ContentToBackground, ImageOrigin } from '../shared/messages';
import type { HistoryFilter, HistoryQuery } from '../shared/history-types';

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

export function siteSettingsRequest(data: unknown): ContentToBackground['site-settings']['req'] {
  const host = (data as Record<string, unknown> | null)?.host;
  if (typeof host !== 'string' || host.length > 255 || !/^[a-z0-9.-]*$/i.test(host)) throw new InvalidMessage('site-settings: bad host');
  return { host };
}

const FILTERS: readonly HistoryFilter[] = ['all', 'ai', 'real', 'unsure', 'failed'];

/** The popup is trusted, but a malformed query should still not reach the store. */
export function historyQuery(data: unknown): HistoryQuery {
  const d = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  return {
    filter: FILTERS.includes(d.filter as HistoryFilter) ? (d.filter as HistoryFilter) : 'all',
    search: typeof d.search === 'string' ? d.search.slice(0, 500) : undefined,
    limit: typeof d.limit === 'number' && Number.isInteger(d.limit) && d.limit > 0 ? Math.min(d.limit, 10_000) : undefined,
  };
}
