// @vitest-environment happy-dom
// Site knowledge checked against the saved fixture pages (test/fixtures/sites), with expected counts:
// when X or Reddit markup drifts, update the fixture from the real site and see what breaks here.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fetchableUrl } from '../scan/image-url';
import { adapterFor, type SiteAdapter } from './index';
import { redditSelectors } from './reddit';
import { twitterSelectors } from './twitter';

const SITES = resolve(__dirname, '../../../test/fixtures/sites');

function load(site: string, url: string): Document {
  // Stylesheets are left out: the DOM, not the layout, is under test here.
  const html = readFileSync(join(SITES, site, 'index.html'), 'utf8').replace(/<link [^>]*>/g, '');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const base = doc.createElement('base');
  base.href = url;
  doc.head.prepend(base);
  return doc;
}

/** URLs of the images the adapter would check (size aside), in document order. */
function contentImages(doc: Document, adapter: SiteAdapter): string[] {
  return [...doc.querySelectorAll('img')].flatMap((img) => {
    const url = fetchableUrl(img.getAttribute('src') ?? '', doc.baseURI);
    return url && adapter.isContentImage(img, url) ? [url.href] : [];
  });
}

const name = (u: string): string => new URL(u).pathname.split('/').pop()!;

describe('X / Twitter', () => {
  const doc = load('x', 'https://x.com/home');
  const adapter = adapterFor('x.com');

  it('is the adapter for x.com, twitter.com and their subdomains', () => {
    expect(adapter.name).toBe('twitter');
    expect(adapterFor('mobile.twitter.com').name).toBe('twitter');
    expect(adapterFor('notx.com').name).toBe('generic');
  });

  it('finds tweets, photos and cards with the markup selectors', () => {
    expect(doc.querySelectorAll(twitterSelectors.tweet)).toHaveLength(7);
    expect(doc.querySelectorAll(twitterSelectors.photo)).toHaveLength(10);
    expect(doc.querySelectorAll(twitterSelectors.card)).toHaveLength(1);
    expect(doc.querySelectorAll(twitterSelectors.avatar)).toHaveLength(7);
  });

  it('takes post photos and card images, not avatars, emoji or lazy placeholders', () => {
    const names = contentImages(doc, adapter).map(name);
    expect(names).toEqual(['ds01', 'ds02', 'ds03', 'ds04', 'broken-truncated', 'broken-empty', 'broken-missing', 'broken-notimage', 'ds06', 'ds08']);
    expect(doc.querySelectorAll('img')).toHaveLength(7 + 1 + 10 + 1); // avatars, emoji, photos, card
  });
});

describe('new Reddit', () => {
  const doc = load('reddit', 'https://www.reddit.com/r/pics/');
  const adapter = adapterFor('www.reddit.com');

  it('finds posts, gallery and media with the markup selectors', () => {
    expect(doc.querySelectorAll(redditSelectors.post)).toHaveLength(4);
    expect(doc.querySelectorAll(redditSelectors.gallery)).toHaveLength(1);
    expect(doc.querySelectorAll(redditSelectors.postImage)).toHaveLength(9); // 6 media + 2 icons + 1 Snoovatar
  });

  it('takes post images, gallery slides and link previews, not icons or Snoovatars', () => {
    const names = contentImages(doc, adapter).map(name);
    expect(names).toEqual(['ds01.jpeg', 'ds02.jpg', 'ds03.jpg', 'ds04.jpg', 'ds05.jpeg', 'broken-missing.jpeg']);
  });
});

describe('old Reddit', () => {
  const doc = load('old-reddit', 'https://old.reddit.com/r/pics/');
  const adapter = adapterFor('old.reddit.com');

  it('finds rows, thumbnails and expanded previews with the markup selectors', () => {
    expect(adapter.name).toBe('reddit');
    expect(doc.querySelectorAll(redditSelectors.thing)).toHaveLength(2);
    expect(doc.querySelectorAll(redditSelectors.thumbnail)).toHaveLength(2);
    expect(doc.querySelectorAll(redditSelectors.expandedPreview)).toHaveLength(2);
  });

  it('takes thumbnails and previews as content (the size rule drops the 70 px thumbnails)', () => {
    expect(contentImages(doc, adapter).map(name)).toEqual(['ds10.jpg', 'ds10.jpeg', 'ds11.jpg', 'ds11.jpeg']);
  });
});

describe('generic site', () => {
  it('takes photos and skips logos by URL', () => {
    const doc = load('generic', 'https://example.org/');
    const names = contentImages(doc, adapterFor('example.org')).map(name);
    expect(names).toEqual(['ds12.jpg', 'ds13.jpg', 'tiny-ds14.png']);
  });
});

describe('Reddit ads', () => {
  it('skips images of promoted posts and sidebar ads, new and old Reddit, but not of the posts around them', () => {
    const doc = new DOMParser().parseFromString(`
      <shreddit-post><img src="https://i.redd.it/post.jpg"></shreddit-post>
      <shreddit-ad-post><img src="https://i.redd.it/ad1.jpg"></shreddit-ad-post>
      <shreddit-sidebar-ad class="promotedlink"><img src="https://external-preview.redd.it/ad2.jpg"></shreddit-sidebar-ad>
      <div class="thing promotedlink promoted"><div class="expando"><img src="https://preview.redd.it/ad3.jpg"></div></div>`, 'text/html');
    expect(contentImages(doc, adapterFor('www.reddit.com')).map(name)).toEqual(['post.jpg']);
  });
});
