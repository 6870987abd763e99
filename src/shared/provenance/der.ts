// Just enough DER (X.690) to read an X.509 certificate's names and public key.

export class DerError extends Error {}

export interface DerNode {
  /** Identifier octet (class, constructed bit, tag number < 31). */
  tag: number;
  /** Whole TLV, for re-use as-is (the SubjectPublicKeyInfo goes to WebCrypto like this). */
  raw: Uint8Array;
  /** Value octets. */
  value: Uint8Array;
}

export const DER = {
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OID: 0x06,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

export function readDer(b: Uint8Array, at = 0): DerNode {
  const tag = b[at];
  if (tag === undefined || (tag & 0x1f) === 0x1f) throw new DerError('DER tag missing or multi-byte');
  let lenByte = b[at + 1];
  if (lenByte === undefined) throw new DerError('DER ends early');
  let len = lenByte;
  let header = 2;
  if (lenByte & 0x80) {
    const n = lenByte & 0x7f;
    if (n === 0 || n > 4) throw new DerError('DER length form not supported');
    len = 0;
    for (let i = 0; i < n; i++) {
      lenByte = b[at + 2 + i];
      if (lenByte === undefined) throw new DerError('DER ends early');
      len = len * 256 + lenByte;
    }
    header += n;
  }
  if (at + header + len > b.length) throw new DerError('DER value runs past the end');
  return { tag, raw: b.subarray(at, at + header + len), value: b.subarray(at + header, at + header + len) };
}

/** The children of a constructed node. */
export function derChildren(node: DerNode): DerNode[] {
  const out: DerNode[] = [];
  let at = 0;
  while (at < node.value.length) {
    const child = readDer(node.value, at);
    out.push(child);
    at += child.raw.length;
  }
  return out;
}

export function oidToString(v: Uint8Array): string {
  if (v.length === 0) return '';
  const parts = [Math.floor(v[0]! / 40), v[0]! % 40];
  let n = 0;
  for (let i = 1; i < v.length; i++) {
    n = n * 128 + (v[i]! & 0x7f);
    if (!(v[i]! & 0x80)) {
      parts.push(n);
      n = 0;
    }
  }
  return parts.join('.');
}
