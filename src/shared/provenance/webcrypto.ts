// WebCrypto parameters for the signature algorithms C2PA allows (C2PA spec, "Digital signatures"):
// ES256/384/512, PS256/384/512 and Ed25519. crypto.subtle exists in Node 20 and in extension pages.

import { DER } from './der';

export interface VerifyAlgorithm {
  name: string;
  import: AlgorithmIdentifier | EcKeyImportParams | RsaHashedImportParams;
  verify: AlgorithmIdentifier | EcdsaParams | RsaPssParams;
}

/** COSE algorithm identifiers (RFC 9053) to WebCrypto. */
export function coseAlgorithm(alg: unknown): VerifyAlgorithm | undefined {
  switch (alg) {
    case -7:
      return ecdsa('ES256', 'P-256', 'SHA-256');
    case -35:
      return ecdsa('ES384', 'P-384', 'SHA-384');
    case -36:
      return ecdsa('ES512', 'P-521', 'SHA-512');
    case -37:
      return pss('PS256', 'SHA-256', 32);
    case -38:
      return pss('PS384', 'SHA-384', 48);
    case -39:
      return pss('PS512', 'SHA-512', 64);
    case -8:
      return { name: 'Ed25519', import: { name: 'Ed25519' }, verify: { name: 'Ed25519' } };
    default:
      return undefined;
  }
}

function ecdsa(name: string, namedCurve: string, hash: string): VerifyAlgorithm {
  return { name, import: { name: 'ECDSA', namedCurve }, verify: { name: 'ECDSA', hash } };
}

function pss(name: string, hash: string, saltLength: number): VerifyAlgorithm {
  return { name, import: { name: 'RSA-PSS', hash }, verify: { name: 'RSA-PSS', saltLength } };
}

const RSA_ENCRYPTION_ALGID = Uint8Array.from([
  0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00,
]);

/**
 * WebCrypto (Chrome, Node) imports RSA keys only under the rsaEncryption OID; certificates for
 * PS256 may carry id-RSASSA-PSS instead. The key bits are the same, so re-wrap them.
 */
export function spkiAsRsaEncryption(spkiBitString: Uint8Array): Uint8Array {
  const body = new Uint8Array(RSA_ENCRYPTION_ALGID.length + spkiBitString.length);
  body.set(RSA_ENCRYPTION_ALGID);
  body.set(spkiBitString, RSA_ENCRYPTION_ALGID.length);
  return derWrap(DER.SEQUENCE, body);
}

function derWrap(tag: number, body: Uint8Array): Uint8Array {
  const len = body.length;
  const lenBytes = len < 0x80 ? [len] : len < 0x100 ? [0x81, len] : len < 0x10000 ? [0x82, len >> 8, len & 0xff] : [0x83, len >> 16, (len >> 8) & 0xff, len & 0xff];
  const out = new Uint8Array(1 + lenBytes.length + len);
  out[0] = tag;
  out.set(lenBytes, 1);
  out.set(body, 1 + lenBytes.length);
  return out;
}

/** Copies into a fresh ArrayBuffer: WebCrypto's typings refuse views on shared buffers. */
export function buf(b: Uint8Array): ArrayBuffer {
  return b.slice().buffer as ArrayBuffer;
}
