// What the feed scanner needs to know about one kind of site. Site knowledge (hosts, CDN paths, markup)
// stays in the site's own file so that markup drift on X or Reddit is fixed in one place.

export interface SiteAdapter {
  /** For logs and tests. */
  readonly name: string;
  /** Whether this adapter knows the page's hostname. */
  matches(host: string): boolean;
  /**
   * Whether an image is post content worth checking, judged from its URL and its place in the page
   * (avatars, emoji and icons are not). Size is judged separately, once the image is near the viewport.
   */
  isContentImage(img: HTMLImageElement, url: URL): boolean;
}

/** Whether `host` is `domain` or one of its subdomains. */
export function hostIs(host: string, domain: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return h === domain || h.endsWith(`.${domain}`);
}
