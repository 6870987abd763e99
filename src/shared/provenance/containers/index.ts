// Picks the container splitter from the file's magic bytes (never from a URL or MIME type).

import { startsWith } from '../bytes';
import { splitBmff } from './bmff';
import { splitJpeg } from './jpeg';
import { splitPng } from './png';
import { emptyMetadata, type ContainerMetadata } from './types';
import { splitWebp } from './webp';

export type { ContainerMetadata, TextRecord } from './types';

export function splitContainer(b: Uint8Array): ContainerMetadata {
  if (b[0] === 0xff && b[1] === 0xd8) return splitJpeg(b);
  if (startsWith(b, 0, '\x89PNG\r\n\x1a\n')) return splitPng(b);
  if (startsWith(b, 0, 'RIFF') && startsWith(b, 8, 'WEBP')) return splitWebp(b);
  if (startsWith(b, 4, 'ftyp')) return splitBmff(b);
  return emptyMetadata('unknown');
}
