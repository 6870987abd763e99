// The URL an <img> shows. currentSrc is the source the browser picked from srcset/<picture>; it only
// switches to a new source once that source has loaded, so callers wait for `load`/`error` on an
// incomplete image before reading it (see feed-scanner.ts).

export function shownUrl(img: HTMLImageElement): string {
  return img.currentSrc || img.src || '';
}

/** A URL the background can fetch (http/https), or null for data:, blob:, empty and malformed ones. */
export function fetchableUrl(raw: string, base: string): URL | null {
  if (!raw) return null;
  try {
    const url = new URL(raw, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}
