// What the container splitters hand to the evidence readers: only bytes found inside valid
// structures (a JPEG marker segment, a PNG chunk whose CRC matches, a RIFF chunk, a BMFF box).
// Anything outside them — a caption in the pixels' neighbourhood, bytes appended after the image
// end — never reaches a reader, so a stray "OpenAI" or "c2pa" in the file cannot count.

export type ContainerFormat = 'jpeg' | 'png' | 'webp' | 'bmff' | 'unknown';

/** A key/value text record: PNG tEXt/zTXt/iTXt, JPEG COM (keyword "comment"). */
export interface TextRecord {
  keyword: string;
  /** Decoded text; absent while the record is still deflate-compressed. */
  text?: string;
  /** zTXt / compressed iTXt payload, inflated later (inflate is async in the platform API). */
  deflated?: Uint8Array;
  /** iTXt is UTF-8, tEXt/zTXt Latin-1. */
  utf8: boolean;
  /** Where it was found, for the person reading the evidence ("PNG tEXt", "JPEG COM"). */
  source: string;
}

export interface ContainerMetadata {
  format: ContainerFormat;
  /** The C2PA manifest store: one complete JUMBF superbox, reassembled from its segments. */
  jumbf?: Uint8Array;
  /** TIFF structures (EXIF), without the "Exif\0\0" prefix. */
  exif: Uint8Array[];
  /** XMP packets as text. */
  xmp: string[];
  texts: TextRecord[];
  /** What was malformed, in words; the readers still use whatever valid structures came before. */
  problems: string[];
}

export function emptyMetadata(format: ContainerFormat): ContainerMetadata {
  return { format, exif: [], xmp: [], texts: [], problems: [] };
}
