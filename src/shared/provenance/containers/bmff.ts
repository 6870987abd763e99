// ISO BMFF (AVIF, HEIF): the C2PA manifest store sits in a top-level 'uuid' box with the C2PA
// user type. EXIF/XMP items inside 'meta' are not read (they need the item location tables).

import { hex, indexOfByte, latin1, u32be, u64be } from '../bytes';
import { emptyMetadata, type ContainerMetadata } from './types';

const C2PA_UUID = 'd8fec3d61b0e483c92975828877ec481';
const MAX_BOXES = 100_000;

export function splitBmff(b: Uint8Array): ContainerMetadata {
  const meta = emptyMetadata('bmff');
  let at = 0;
  for (let n = 0; n < MAX_BOXES && at + 8 <= b.length; n++) {
    let size = u32be(b, at)!;
    const type = latin1(b, at + 4, at + 8);
    let header = 8;
    if (size === 1) {
      size = u64be(b, at + 8) ?? 0;
      header = 16;
    } else if (size === 0) {
      size = b.length - at;
    }
    if (size < header || at + size > b.length) {
      meta.problems.push(`BMFF box '${type}' at byte ${at} runs past the end`);
      break;
    }
    if (type === 'uuid' && hex(b.subarray(at + header, at + header + 16)) === C2PA_UUID) {
      readC2paUuidBox(b.subarray(at + header + 16, at + size), meta);
    }
    at += size;
  }
  return meta;
}

/** version+flags (4), purpose (NUL-terminated, "manifest"), merkle offset (8), then JUMBF. */
function readC2paUuidBox(body: Uint8Array, meta: ContainerMetadata): void {
  const nul = indexOfByte(body, 0, 4, Math.min(body.length, 64));
  if (nul < 0 || latin1(body, 4, nul) !== 'manifest') return;
  meta.jumbf = body.subarray(nul + 1 + 8);
}
