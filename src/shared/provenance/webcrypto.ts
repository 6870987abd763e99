// WebCrypto parameters for the signature algorithms C2PA allows (C2PA spec, "Digital signatures"):
// ES256/384/512, PS256/384/512 and Ed25519. crypto.subtle exists in Node 20 and in extension pages.

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

/** Copies into a fresh ArrayBuffer: WebCrypto's typings refuse views on shared buffers. */
export function buf(b: Uint8Array): ArrayBuffer {
  return b.slice().buffer as ArrayBuffer;
}
