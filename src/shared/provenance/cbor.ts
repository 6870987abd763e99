// A small CBOR (RFC 8949) decoder for C2PA claims, assertions and COSE signatures.
// Why not cbor-x: its fast paths compile decoders with `new Function`, which the MV3 extension CSP
// forbids. Why not cborg (measured 2026-11, cborg 6.1.5; the tests use its encoder to build
// manifests): 23.8 KB minified against 3.2 KB here; it recurses without a depth cap (200,000 nested
// arrays end in "RangeError: Maximum call stack size exceeded"), refuses integer map keys unless
// every map becomes a Map, and throws on any tag without a registered decoder (COSE_Sign1 is tag 18).
// This one has hard limits on depth and item count for untrusted input, and the fuzz test holds it
// to throwing CborError only. Maps become Map when keys are not all strings (COSE headers).

export class CborError extends Error {}

/** A tagged item we do not interpret (C2PA uses tag 1 for dates in some claims). */
export class CborTagged {
  constructor(
    readonly tag: number,
    readonly value: CborValue,
  ) {}
}

export type CborValue =
  | number
  | bigint
  | string
  | boolean
  | null
  | undefined
  | Uint8Array
  | CborValue[]
  | Map<CborValue, CborValue>
  | { [key: string]: CborValue }
  | CborTagged;

const MAX_DEPTH = 64;
const MAX_ITEMS = 1_000_000;

export function decodeCbor(bytes: Uint8Array): CborValue {
  const d = new Decoder(bytes);
  return d.item(0);
}

class Decoder {
  private at = 0;
  private items = 0;
  constructor(private readonly b: Uint8Array) {}

  item(depth: number): CborValue {
    if (depth > MAX_DEPTH) throw new CborError('CBOR nested too deeply');
    if (++this.items > MAX_ITEMS) throw new CborError('CBOR has too many items');
    const first = this.byte();
    const major = first >> 5;
    const info = first & 0x1f;
    if (major === 7) return this.simple(info);
    if (info === 31) return this.indefinite(major, depth);
    const arg = this.argument(info);
    switch (major) {
      case 0:
        return arg;
      case 1:
        return typeof arg === 'bigint' ? -1n - arg : -1 - arg;
      case 2:
        return this.take(arg);
      case 3:
        return new TextDecoder().decode(this.take(arg));
      case 4:
        return this.array(this.count(arg), depth);
      case 5:
        return this.map(this.count(arg), depth);
      default: // 6: tag
        return new CborTagged(Number(arg), this.item(depth + 1));
    }
  }

  private byte(): number {
    if (this.at >= this.b.length) throw new CborError('CBOR ends early');
    return this.b[this.at++]!;
  }

  private argument(info: number): number | bigint {
    if (info < 24) return info;
    const n = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
    if (n === 0) throw new CborError(`CBOR reserved additional info ${info}`);
    if (this.at + n > this.b.length) throw new CborError('CBOR ends early');
    let v = 0n;
    for (let i = 0; i < n; i++) v = (v << 8n) | BigInt(this.b[this.at++]!);
    return v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
  }

  private count(arg: number | bigint): number {
    // Each element needs at least one byte, so a count above the bytes left is a lie.
    if (typeof arg === 'bigint' || arg > this.b.length - this.at) throw new CborError('CBOR length exceeds the data');
    return arg;
  }

  private take(arg: number | bigint): Uint8Array {
    const n = this.count(arg);
    const out = this.b.subarray(this.at, this.at + n);
    this.at += n;
    return out;
  }

  private array(n: number, depth: number): CborValue[] {
    const out: CborValue[] = [];
    for (let i = 0; i < n; i++) out.push(this.item(depth + 1));
    return out;
  }

  private map(n: number, depth: number): CborValue {
    const entries: [CborValue, CborValue][] = [];
    for (let i = 0; i < n; i++) entries.push([this.item(depth + 1), this.item(depth + 1)]);
    if (entries.every(([k]) => typeof k === 'string')) {
      const obj: { [key: string]: CborValue } = Object.create(null);
      for (const [k, v] of entries) obj[k as string] = v;
      return obj;
    }
    return new Map(entries);
  }

  private indefinite(major: number, depth: number): CborValue {
    const BREAK = 0xff;
    if (major === 2 || major === 3) {
      const parts: Uint8Array[] = [];
      while (this.peek() !== BREAK) {
        const part = this.item(depth + 1);
        if (!(part instanceof Uint8Array) && typeof part !== 'string') throw new CborError('CBOR bad chunk');
        parts.push(typeof part === 'string' ? new TextEncoder().encode(part) : part);
      }
      this.at++;
      const joined = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
      let o = 0;
      for (const p of parts) (joined.set(p, o), (o += p.length));
      return major === 2 ? joined : new TextDecoder().decode(joined);
    }
    if (major === 4) {
      const out: CborValue[] = [];
      while (this.peek() !== BREAK) out.push(this.item(depth + 1));
      this.at++;
      return out;
    }
    if (major === 5) {
      const obj: { [key: string]: CborValue } = Object.create(null);
      while (this.peek() !== BREAK) {
        const k = this.item(depth + 1);
        obj[String(k)] = this.item(depth + 1);
      }
      this.at++;
      return obj;
    }
    throw new CborError('CBOR indefinite length on a type that has none');
  }

  private peek(): number {
    if (this.at >= this.b.length) throw new CborError('CBOR ends early');
    return this.b[this.at]!;
  }

  private simple(info: number): CborValue {
    if (info === 20) return false;
    if (info === 21) return true;
    if (info === 22) return null;
    if (info === 23) return undefined;
    if (info === 24) return (this.byte(), undefined);
    if (info === 25) return halfFloat(this.byte(), this.byte());
    if (info === 26 || info === 27) {
      const n = info === 26 ? 4 : 8;
      if (this.at + n > this.b.length) throw new CborError('CBOR ends early');
      const view = new DataView(this.b.buffer, this.b.byteOffset + this.at, n);
      this.at += n;
      return n === 4 ? view.getFloat32(0) : view.getFloat64(0);
    }
    if (info < 20) return undefined;
    throw new CborError(`CBOR unexpected simple value ${info}`);
  }
}

function halfFloat(hi: number, lo: number): number {
  const h = (hi << 8) | lo;
  const exp = (h >> 10) & 0x1f;
  const mant = h & 0x3ff;
  const sign = h & 0x8000 ? -1 : 1;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 31) return mant ? NaN : sign * Infinity;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}

/** Reads a string-keyed field from a decoded map or object. */
export function field(v: CborValue, key: string | number): CborValue {
  if (v instanceof Map) return v.get(key);
  if (!isRecord(v)) return undefined;
  return Object.prototype.hasOwnProperty.call(v, key) ? v[String(key)] : undefined;
}

export function isRecord(v: CborValue): v is { [key: string]: CborValue } {
  return typeof v === 'object' && v !== null && !(v instanceof Uint8Array) && !Array.isArray(v) && !(v instanceof Map) && !(v instanceof CborTagged);
}
