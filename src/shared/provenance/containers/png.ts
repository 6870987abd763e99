// PNG chunks, each checked against its CRC: a chunk whose CRC fails is not PNG data and its
// contents are ignored (and reported).

import { indexOfByte, latin1, startsWith, u32be } from '../bytes';
import { emptyMetadata, type ContainerMetadata } from './types';

const SIGNATURE_LENGTH = 8;
const MAX_CHUNKS = 100_000;

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(b: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Chunk types whose CRC is worth computing: the metadata ones (pixel data is skipped unchecked). */
const METADATA_CHUNKS = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'caBX']);

export function splitPng(b: Uint8Array): ContainerMetadata {
  const meta = emptyMetadata('png');
  let at = SIGNATURE_LENGTH;
  for (let n = 0; n < MAX_CHUNKS; n++) {
    const len = u32be(b, at);
    if (len === undefined || at + 12 + len > b.length) {
      meta.problems.push(`PNG chunk at byte ${at} runs past the end`);
      break;
    }
    const type = latin1(b, at + 4, at + 8);
    if (type === 'IEND') break;
    if (METADATA_CHUNKS.has(type)) {
      const crc = u32be(b, at + 8 + len)!;
      if (crc32(b.subarray(at + 4, at + 8 + len)) !== crc) {
        meta.problems.push(`PNG ${type} chunk at byte ${at} has a bad CRC; ignored`);
      } else {
        readChunk(type, b.subarray(at + 8, at + 8 + len), meta);
      }
    }
    at += 12 + len;
  }
  return meta;
}

function readChunk(type: string, data: Uint8Array, meta: ContainerMetadata): void {
  if (type === 'eXIf') {
    meta.exif.push(startsWith(data, 0, 'Exif\0') ? data.subarray(6) : data);
    return;
  }
  if (type === 'caBX') {
    meta.jumbf = data;
    return;
  }
  const nul = indexOfByte(data, 0, 0, Math.min(data.length, 80));
  if (nul < 1) {
    meta.problems.push(`PNG ${type} chunk without a keyword`);
    return;
  }
  const keyword = latin1(data, 0, nul);
  if (type === 'tEXt') {
    meta.texts.push({ keyword, text: latin1(data, nul + 1), utf8: false, source: 'PNG tEXt' });
  } else if (type === 'zTXt') {
    // keyword \0 compression-method(0 = deflate) compressed-text
    meta.texts.push({ keyword, deflated: data.subarray(nul + 2), utf8: false, source: 'PNG zTXt' });
  } else {
    readItxt(keyword, data, nul, meta);
  }
}

/** iTXt: keyword \0 compressed-flag method language \0 translated-keyword \0 text (UTF-8). */
function readItxt(keyword: string, data: Uint8Array, nul: number, meta: ContainerMetadata): void {
  const compressed = data[nul + 1] === 1;
  const langEnd = indexOfByte(data, 0, nul + 3);
  const translatedEnd = langEnd < 0 ? -1 : indexOfByte(data, 0, langEnd + 1);
  if (translatedEnd < 0) {
    meta.problems.push(`PNG iTXt chunk "${keyword}" is truncated`);
    return;
  }
  const body = data.subarray(translatedEnd + 1);
  const record = compressed
    ? { keyword, deflated: body, utf8: true, source: 'PNG iTXt' }
    : { keyword, text: new TextDecoder().decode(body), utf8: true, source: 'PNG iTXt' };
  meta.texts.push(record);
}
