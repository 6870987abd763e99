// Content scripts run inside web pages: everything they send is untrusted input.
import type { ContentToBackground, ImageOrigin } from '../shared/messages';

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
