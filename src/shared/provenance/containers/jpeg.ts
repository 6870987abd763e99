// JPEG marker segments up to the first scan (SOS). Metadata lives in APPn/COM segments before the
// image data; we never look past SOS, so bytes after the scan or after EOI cannot be mistaken for
// metadata.

import { concat, latin1, startsWith, u16be, u32be } from '../bytes';
import { emptyMetadata, type ContainerMetadata } from './types';

const XMP_ID = 'http://ns.adobe.com/xap/1.0/\0';
const MAX_SEGMENTS = 10_000;

export function splitJpeg(b: Uint8Array): ContainerMetadata {
  const meta = emptyMetadata('jpeg');
  // JUMBF arrives in APP11 segments grouped by box instance number (En), ordered by sequence (Z).
  const jumbfParts = new Map<number, { seq: number; data: Uint8Array }[]>();
  let at = 2;
  for (let n = 0; n < MAX_SEGMENTS; n++) {
    if (at + 4 > b.length) {
      meta.problems.push('JPEG ends before the image data');
      break;
    }
    if (b[at] !== 0xff) {
      meta.problems.push(`JPEG marker expected at byte ${at}`);
      break;
    }
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2; // markers without a length
      continue;
    }
    if (marker === 0xd9) break; // EOI
    const len = u16be(b, at + 2)!;
    if (len < 2 || at + 2 + len > b.length) {
      meta.problems.push(`JPEG segment 0x${marker.toString(16)} at byte ${at} runs past the end`);
      break;
    }
    const body = b.subarray(at + 4, at + 2 + len);
    readSegment(marker, body, meta, jumbfParts);
    if (marker === 0xda) break; // SOS: image data follows
    at += 2 + len;
  }
  const jumbf = assembleJumbf(jumbfParts, meta);
  if (jumbf) meta.jumbf = jumbf;
  return meta;
}

function readSegment(
  marker: number,
  body: Uint8Array,
  meta: ContainerMetadata,
  jumbfParts: Map<number, { seq: number; data: Uint8Array }[]>,
): void {
  if (marker === 0xe1) {
    if (startsWith(body, 0, 'Exif\0')) meta.exif.push(body.subarray(6));
    else if (startsWith(body, 0, XMP_ID)) meta.xmp.push(new TextDecoder().decode(body.subarray(XMP_ID.length)));
  } else if (marker === 0xeb && startsWith(body, 0, 'JP')) {
    // Common Identifier "JP", box instance number En (2 bytes), packet sequence number Z (4 bytes).
    const en = u16be(body, 2);
    const seq = u32be(body, 4);
    if (en === undefined || seq === undefined) return;
    const list = jumbfParts.get(en) ?? [];
    list.push({ seq, data: body.subarray(8) });
    jumbfParts.set(en, list);
  } else if (marker === 0xfe) {
    meta.texts.push({ keyword: 'comment', text: latin1(body), utf8: false, source: 'JPEG COM' });
  }
}

/**
 * Reassembles the C2PA JUMBF box. Every packet after the first repeats the box header (LBox, TBox
 * and XLBox when LBox is 1), which is dropped (ISO 19566-5 / C2PA spec, "Embedding in JPEG").
 */
function assembleJumbf(
  parts: Map<number, { seq: number; data: Uint8Array }[]>,
  meta: ContainerMetadata,
): Uint8Array | undefined {
  for (const list of parts.values()) {
    list.sort((x, y) => x.seq - y.seq);
    const first = list[0]!.data;
    // Only the C2PA manifest store matters here: a 'jumb' superbox whose description says "c2pa".
    if (!startsWith(first, 4, 'jumb') || latin1(first, 0, Math.min(first.length, 64)).indexOf('c2pa') < 0) continue;
    const headerLen = u32be(first, 0) === 1 ? 16 : 8;
    const pieces = [first, ...list.slice(1).map((p) => p.data.subarray(headerLen))];
    for (let i = 1; i < list.length; i++) {
      if (list[i]!.seq !== list[i - 1]!.seq + 1) meta.problems.push('C2PA JUMBF segments are not contiguous');
    }
    return concat(pieces);
  }
  return undefined;
}
