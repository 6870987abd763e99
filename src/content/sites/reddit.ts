// Reddit, new (shreddit custom elements) and old (.thing rows). Post images, gallery slides and link
// previews come from i.redd.it, preview.redd.it and external-preview.redd.it; old Reddit's row
// thumbnails from *.thumbs.redditmedia.com (small: the size rule skips them, the expanded preview is
// checked). Avatars and community icons live on styles.redditmedia.com / redditstatic.com, Snoovatars
// under i.redd.it/snoovatar/. Promoted posts and sidebar ads (new and old Reddit) are advertisers'
// pictures, not the feed's: skipped. Each new Reddit image also has a blurred background copy (skipped,
// backdrop-copy.ts).
import { isBackdropCopy } from './backdrop-copy';
import { hostIs, type SiteAdapter } from './site-adapter';

export const redditSelectors = {
  /** New Reddit. */
  post: 'shreddit-post',
  postImage: 'shreddit-post img',
  gallery: 'shreddit-post gallery-carousel',
  /** Old Reddit. */
  thing: '.thing',
  thumbnail: '.thing a.thumbnail img',
  expandedPreview: '.thing .expando img',
  /** Promoted posts and ads: shreddit's ad elements, and the class both new and old Reddit give them. */
  ad: 'shreddit-ad-post, shreddit-sidebar-ad, .promotedlink',
} as const;

const MEDIA_HOSTS = new Set(['i.redd.it', 'preview.redd.it', 'external-preview.redd.it']);

export const reddit: SiteAdapter = {
  name: 'reddit',
  matches: (host) => hostIs(host, 'reddit.com'),
  isContentImage(img, url) {
    if (url.pathname.startsWith('/snoovatar/')) return false;
    if (!MEDIA_HOSTS.has(url.hostname) && !url.hostname.endsWith('.thumbs.redditmedia.com')) return false;
    return !img.closest(redditSelectors.ad) && !isBackdropCopy(img);
  },
};
