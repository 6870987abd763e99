// Bounds-checked byte reading. Every parser here reads untrusted files, so reads past the end
// return undefined instead of garbage, and text decoding never throws.

export function u16be(b: Uint8Array, at: number): number | undefined {
  if (at < 0 || at + 2 > b.length) return undefined;
  return (b[at]! << 8) | b[at + 1]!;
}

export function u32be(b: Uint8Array, at: number): number | undefined {
  if (at < 0 || at + 4 > b.length) return undefined;
  return ((b[at]! << 24) >>> 0) + ((b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!);
}

export function u32le(b: Uint8Array, at: number): number | undefined {
  if (at < 0 || at + 4 > b.length) return undefined;
  return ((b[at + 3]! << 24) >>> 0) + ((b[at + 2]! << 16) | (b[at + 1]! << 8) | b[at]!);
}

/** 64-bit big-endian length as a JS number; undefined if it does not fit in 2^53. */
export function u64be(b: Uint8Array, at: number): number | undefined {
  const hi = u32be(b, at);
  const lo = u32be(b, at + 4);
  if (hi === undefined || lo === undefined || hi >= 0x200000) return undefined;
  return hi * 0x100000000 + lo;
}

/** Bytes as ISO-8859-1 text (PNG tEXt, four-character codes): one char per byte. */
export function latin1(b: Uint8Array, from = 0, to = b.length): string {
  let s = '';
  const end = Math.min(to, b.length);
  for (let i = Math.max(0, from); i < end; i += 4096) {
    s += String.fromCharCode(...b.subarray(i, Math.min(i + 4096, end)));
  }
  return s;
}

const utf8Decoder = new TextDecoder('utf-8', { fatal: false });

export function utf8(b: Uint8Array): string {
  return utf8Decoder.decode(b);
}

export function startsWith(b: Uint8Array, at: number, ascii: string): boolean {
  if (at < 0 || at + ascii.length > b.length) return false;
  for (let i = 0; i < ascii.length; i++) if (b[at + i] !== ascii.charCodeAt(i)) return false;
  return true;
}

export function indexOfByte(b: Uint8Array, value: number, from: number, to = b.length): number {
  const i = b.subarray(from, to).indexOf(value);
  return i < 0 ? -1 : from + i;
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function hex(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}
