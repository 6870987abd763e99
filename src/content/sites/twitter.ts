// X / Twitter. Post photos and link-preview cards come from pbs.twimg.com under a few path prefixes;
// avatars (profile_images), banners, emoji (abs-0.twimg.com/emoji) and hashflags do not.
import { hostIs, type SiteAdapter } from './site-adapter';

/** Markup of the timeline, kept here for the selector tests against saved pages. */
export const twitterSelectors = {
  tweet: 'article[data-testid="tweet"]',
  photo: '[data-testid="tweetPhoto"] img',
  card: '[data-testid="card.wrapper"] img',
  avatar: '[data-testid="Tweet-User-Avatar"] img',
} as const;

/** pbs.twimg.com path prefixes of post media (photos, card images, video posters shown as <img>). */
const CONTENT_PATHS = ['/media/', '/card_img/', '/ext_tw_video_thumb/', '/amplify_video_thumb/', '/tweet_video_thumb/'];

export const twitter: SiteAdapter = {
  name: 'twitter',
  matches: (host) => hostIs(host, 'x.com') || hostIs(host, 'twitter.com'),
  isContentImage(_img, url) {
    if (url.hostname !== 'pbs.twimg.com') return false;
    return CONTENT_PATHS.some((p) => url.pathname.startsWith(p));
  },
};
