// The parts of an X.509 certificate a C2PA reader shows or needs: subject and issuer names,
// serial number and the SubjectPublicKeyInfo (handed to WebCrypto).

import { DER, derChildren, oidToString, readDer, type DerNode } from './der';
import { hex, utf8 } from './bytes';

export interface CertificateInfo {
  subject: Record<string, string>;
  issuer: Record<string, string>;
  serialHex: string;
  /** DER SubjectPublicKeyInfo. */
  spki: Uint8Array;
  /** OID of the key algorithm (rsaEncryption, id-RSASSA-PSS, id-ecPublicKey, Ed25519). */
  keyAlgorithm: string;
  /** The signed part and its signature, for checking the chain. */
  tbs: Uint8Array;
  signatureAlgorithm: string;
  signature: Uint8Array;
}

const NAME_OIDS: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
};

export function parseCertificate(der: Uint8Array): CertificateInfo {
  const [tbs, sigAlg, sigValue] = derChildren(readDer(der));
  if (!tbs || !sigAlg || !sigValue) throw new Error('certificate is not a SEQUENCE of three');
  const fields = derChildren(tbs);
  // An explicit [0] version comes first in v3 certificates.
  const f = fields[0]?.tag === 0xa0 ? fields.slice(1) : fields;
  const [serial, , issuer, , subject, spki] = f;
  if (!serial || !issuer || !subject || !spki || spki.tag !== DER.SEQUENCE) throw new Error('certificate fields missing');
  const keyAlg = derChildren(derChildren(spki)[0]!)[0]!;
  return {
    subject: readName(subject),
    issuer: readName(issuer),
    serialHex: hex(serial.value),
    spki: spki.raw,
    keyAlgorithm: oidToString(keyAlg.value),
    tbs: tbs.raw,
    signatureAlgorithm: oidToString(derChildren(sigAlg)[0]!.value),
    // BIT STRING: the first octet counts unused bits (0 for signatures).
    signature: sigValue.value.subarray(1),
  };
}

function readName(name: DerNode): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rdn of derChildren(name)) {
    for (const atv of derChildren(rdn)) {
      const [oid, value] = derChildren(atv);
      if (!oid || !value) continue;
      const key = NAME_OIDS[oidToString(oid.value)];
      if (key && !(key in out)) out[key] = utf8(value.value);
    }
  }
  return out;
}

/** "O" when present (what C2PA tools show as the issuer), else CN. */
export function displayName(name: Record<string, string>): string | undefined {
  return name.O ?? name.CN;
}
