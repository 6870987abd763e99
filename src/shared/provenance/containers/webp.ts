// WebP: a RIFF container; metadata in the EXIF, "XMP " and C2PA chunks.

import { latin1, startsWith, u32le } from '../bytes';
import { emptyMetadata, type ContainerMetadata } from './types';

const MAX_CHUNKS = 100_000;

export function splitWebp(b: Uint8Array): ContainerMetadata {
  const meta = emptyMetadata('webp');
  const riffSize = u32le(b, 4) ?? 0;
  // The RIFF size bounds the file: chunks appended after it are not part of the image.
  const end = Math.min(b.length, 8 + riffSize);
  if (8 + riffSize > b.length) meta.problems.push('WebP RIFF size is larger than the file');
  let at = 12;
  for (let n = 0; n < MAX_CHUNKS && at + 8 <= end; n++) {
    const fourcc = latin1(b, at, at + 4);
    const size = u32le(b, at + 4)!;
    if (at + 8 + size > end) {
      meta.problems.push(`WebP ${fourcc.trim()} chunk at byte ${at} runs past the end`);
      break;
    }
    const data = b.subarray(at + 8, at + 8 + size);
    if (fourcc === 'EXIF') meta.exif.push(startsWith(data, 0, 'Exif\0') ? data.subarray(6) : data);
    else if (fourcc === 'XMP ') meta.xmp.push(new TextDecoder().decode(data));
    else if (fourcc === 'C2PA') meta.jumbf = data;
    at += 8 + size + (size & 1);
  }
  return meta;
}
