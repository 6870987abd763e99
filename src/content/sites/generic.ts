// Any other site: every http(s) image is a candidate unless its URL names it an icon, avatar, emoji or
// logo (a cheap heuristic; the size rule catches most of the rest). Auto-scan is off on these sites
// unless the user turns it on; a right-click "Verify image" skips this filter altogether. A blurred or
// decorative background copy of a picture shown beside it is skipped too (backdrop-copy.ts).
import { isBackdropCopy } from './backdrop-copy';
import type { SiteAdapter } from './site-adapter';

const DECORATION = /(avatar|emoji|favicon|icon|logo|sprite)/i;

export const generic: SiteAdapter = {
  name: 'generic',
  matches: () => true,
  isContentImage: (img, url) => !DECORATION.test(url.pathname) && !isBackdropCopy(img),
};
