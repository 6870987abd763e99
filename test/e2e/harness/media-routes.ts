// Media served by the fixture CDNs. The last path segment (without extension and size suffixes such as
// "_normal") names the image: "ds01".."ds24" are the catalog's images (media-catalog.ts), "tiny-ds01" the same image shrunk to
// 32 px (an upscaled icon), anything under /emoji/ a small SVG, and "broken-*" the failures a feed must survive.
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { pngBomb } from '../../fixtures/png-bomb';
import { declaredAiPng } from '../../fixtures/drawn-images';
import { hasShared, sharedPath } from '../../shared-data';
import { mediaCatalog } from './media-catalog';

/** An original PNG straight out of ComfyUI, its generator parameters intact (../shared/fixtures). */
export const DECLARED_AI_PNG = sharedPath('fixtures/provenance/generator-params/sdxl__comfyanonymous_ComfyUI_examples__lcm_lcm_basic_example.png');

/** The original where the shared data exists, else a drawn PNG carrying A1111 parameters. */
const declaredAi = async (): Promise<Buffer> => (hasShared ? readFileSync(DECLARED_AI_PNG) : declaredAiPng());

export interface MediaResponse {
  status: number;
  type: string;
  body: Buffer;
}

/** Broken media, by name: what each one is. */
export const BROKEN_MEDIA = {
  'broken-truncated': 'a JPEG cut off after its headers',
  'broken-empty': 'a 0-byte file',
  'broken-missing': 'a 404',
  'broken-notimage': 'an HTML page served where an image belongs',
  'broken-huge': 'a 60 KB PNG whose header claims 20000x20000 pixels (a decompression bomb)',
} as const;


const EMOJI_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 36 36"><circle cx="18" cy="18" r="16" fill="#fc3"/></svg>';

/** The media name in a URL path: "/media/ds01", "/profile_images/1/ds05_normal.jpg" -> "ds01", "ds05". */
export function mediaName(pathname: string): string {
  const last = decodeURIComponent(pathname.split('/').pop() ?? '');
  return last.replace(/\.[a-z0-9]+$/i, '').replace(/_(normal|bigger|x96|400x400)$/, '');
}

function truncatedJpeg(full: Buffer): Buffer {
  // Keep the headers up to and including the start-of-scan segment, and no scan data at all: no decoder
  // can produce pixels from it (a cut in the middle of the scan decodes to a partly grey picture).
  for (let i = 2; i + 3 < full.length; ) {
    if (full[i] !== 0xff) break;
    const marker = full[i + 1]!;
    const len = full.readUInt16BE(i + 2);
    if (marker === 0xda) return full.subarray(0, i + 2 + len + 16);
    i += 2 + len;
  }
  return full.subarray(0, 300);
}

export async function mediaResponse(pathname: string): Promise<MediaResponse> {
  const name = mediaName(pathname);
  const catalog = await mediaCatalog();
  const first = [...catalog.values()][0]!;
  switch (name) {
    case 'broken-truncated':
      return { status: 200, type: 'image/jpeg', body: truncatedJpeg(readFileSync(first.file)) };
    case 'broken-huge':
      return { status: 200, type: 'image/png', body: pngBomb() };
    case 'broken-empty':
      return { status: 200, type: 'image/jpeg', body: Buffer.alloc(0) };
    case 'declared-ai':
      return { status: 200, type: 'image/png', body: await declaredAi() };
    case 'broken-notimage':
      return { status: 200, type: 'text/html', body: Buffer.from('<!doctype html><title>Not an image</title><p>Sorry.</p>') };
  }
  if (pathname.includes('/emoji/')) return { status: 200, type: 'image/svg+xml', body: Buffer.from(EMOJI_SVG) };
  const tiny = name.startsWith('tiny-');
  const image = catalog.get(tiny ? name.slice(5) : name);
  if (!image) return { status: 404, type: 'text/plain', body: Buffer.from('not found') };
  if (tiny) return { status: 200, type: 'image/png', body: await sharp(image.file).resize(32, 32).png().toBuffer() };
  return { status: 200, type: 'image/jpeg', body: readFileSync(image.file) };
}
