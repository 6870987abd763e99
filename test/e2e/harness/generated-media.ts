// Image bytes for any media URL a real saved page names (pbs.twimg.com/media/FBgj…?name=small,
// preview.redd.it/…?width=640, …): a dataset image picked by a hash of the URL path, so that different
// pictures get different bytes and srcset variants of one picture get the same one, resized to the size
// the URL asks for, so that icons and avatars are as small as on the real site.
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { mediaCatalog } from './media-catalog';
import type { MediaResponse } from './media-routes';

/** X's named sizes (pbs.twimg.com ?name=…; "360x360" names its own), width in pixels. */
const X_NAMES: Record<string, number> = { thumb: 150, small: 680, medium: 1200, large: 2048 };
/** X avatar suffixes (…/abc_normal.jpg). */
const X_AVATARS: Record<string, number> = { mini: 24, normal: 48, bigger: 73, x96: 96 };
/** Largest side served; bigger names (orig, large) are scaled down to keep the tests fast. */
const MAX_SIDE = 1200;

interface Size {
  width: number;
  height?: number;
}

/** The size a media URL asks for, if it says; else undefined (the dataset image as it is). */
export function requestedSize(url: URL): Size | undefined {
  const width = Number(url.searchParams.get('width'));
  if (width > 0) return { width };
  const name = url.searchParams.get('name') ?? '';
  const wxh = /^(\d+)x(\d+)$/.exec(name) ?? /[_/](\d+)x(\d+)(?:\.\w+)?$/.exec(url.pathname);
  if (wxh) return { width: Number(wxh[1]), height: Number(wxh[2]) };
  if (X_NAMES[name]) return { width: X_NAMES[name]! };
  const avatar = /_(mini|normal|bigger|x96)\.\w+$/.exec(url.pathname);
  if (avatar) return { width: X_AVATARS[avatar[1]!]!, height: X_AVATARS[avatar[1]!]! };
  // Old Reddit's row thumbnails are at most 140 px wide.
  if (url.hostname.endsWith('thumbs.redditmedia.com')) return { width: 140, height: 105 };
  return undefined;
}

const cache = new Map<string, Promise<Buffer>>();

export async function generatedMedia(url: URL): Promise<MediaResponse> {
  const images = [...(await mediaCatalog()).values()];
  const digest = createHash('sha1').update(url.hostname + url.pathname).digest();
  const image = images[digest.readUInt32BE(0) % images.length]!;
  const size = requestedSize(url);
  const key = `${image.id} ${size?.width}x${size?.height}`;
  let bytes = cache.get(key);
  if (!bytes) {
    const w = size && Math.min(size.width, MAX_SIDE);
    const h = size?.height && Math.min(size.height, MAX_SIDE);
    bytes = sharp(image.file).resize(w ?? MAX_SIDE, h, { fit: h ? 'cover' : 'inside', withoutEnlargement: !size }).jpeg({ quality: 85 }).toBuffer();
    cache.set(key, bytes);
  }
  return bytes.then((body) => ({ status: 200, type: 'image/jpeg', body }));
}
