// Any other site: every http(s) image is a candidate unless its URL names it an icon, avatar, emoji or
// logo (a cheap heuristic; the size rule catches most of the rest). Auto-scan is off on these sites
// unless the user turns it on; a right-click "Verify image" skips this filter altogether.
import type { SiteAdapter } from './site-adapter';

const DECORATION = /(avatar|emoji|favicon|icon|logo|sprite)/i;

export const generic: SiteAdapter = {
  name: 'generic',
  matches: () => true,
  isContentImage: (_img, url) => !DECORATION.test(url.pathname),
};
