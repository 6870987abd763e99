// X.509 certificates as a C2PA validator needs them: names, serial, validity, the extensions the C2PA
// certificate profile constrains (key usage, extended key usage, basic constraints), the public key
// for WebCrypto and the signed bytes for checking the chain. Parsed with @peculiar/asn1-x509
// (maintained ASN.1 schemas, no global polyfills; measured 122 KB minified / 32 KB gzip with
// asn1-schema, against 213 KB for @peculiar/x509, which also needs the reflect-metadata global,
// and 405 KB for pkijs).

import { AsnConvert } from '@peculiar/asn1-schema';
import {
  BasicConstraints,
  Certificate,
  ExtendedKeyUsage,
  KeyUsage,
  Name,
  SubjectPublicKeyInfo,
  AlgorithmIdentifier,
  id_ce_basicConstraints,
  id_ce_extKeyUsage,
  id_ce_keyUsage,
} from '@peculiar/asn1-x509';
import { hex } from '../bytes';

export interface CertificateInfo {
  der: Uint8Array;
  subject: Record<string, string>;
  issuer: Record<string, string>;
  /** DER of the names, compared byte for byte when building a chain. */
  subjectDer: Uint8Array;
  issuerDer: Uint8Array;
  serialHex: string;
  version: number;
  notBefore: Date;
  notAfter: Date;
  /** DER SubjectPublicKeyInfo. */
  spki: Uint8Array;
  /** OID of the key algorithm (rsaEncryption, id-RSASSA-PSS, id-ecPublicKey, Ed25519). */
  keyAlgorithm: string;
  /** WebCrypto curve name for EC keys (P-256, P-384, P-521). */
  curve?: string;
  /** The signed part (as it is in the file) and its signature. */
  tbs: Uint8Array;
  signatureAlgorithm: string;
  /** Parameters of the signature algorithm (RSASSA-PSS carries its hash there). */
  signatureParams?: Uint8Array;
  signature: Uint8Array;
  /** Key usage names ("digitalSignature", "keyCertSign", ...), undefined when absent. */
  keyUsage?: string[];
  keyUsageCritical?: boolean;
  /** Extended key usage OIDs, undefined when absent. */
  extKeyUsage?: string[];
  isCa: boolean;
  /** SHA-256 of the DER, hex (set by readCertificate): the key of the parse and verification caches. */
  fingerprint?: string;
}

export class CertificateError extends Error {}

const parsed = new Map<string, CertificateInfo>();
const PARSED_MAX = 256;

/**
 * parseCertificate with a cache keyed by the certificate's SHA-256: a feed shows many images from the
 * same few signers and time-stamp authorities, and parsing is most of the cost of a C2PA check.
 */
export async function readCertificate(der: Uint8Array): Promise<CertificateInfo> {
  const fingerprint = hex(new Uint8Array(await crypto.subtle.digest('SHA-256', der.slice().buffer as ArrayBuffer)));
  const known = parsed.get(fingerprint);
  if (known) return known;
  const info = { ...parseCertificate(der.slice()), fingerprint };
  parsed.set(fingerprint, info);
  if (parsed.size > PARSED_MAX) parsed.delete(parsed.keys().next().value!);
  return info;
}

/** EC named-curve parameters (DER OBJECT IDENTIFIERs) to WebCrypto curve names. */
const CURVES: Record<string, string> = {
  '06082a8648ce3d030107': 'P-256',
  '06052b81040022': 'P-384',
  '06052b81040023': 'P-521',
};

const NAME_OIDS: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
};

/** Parses a DER certificate; anything malformed throws CertificateError (the fuzz test holds it to that). */
export function parseCertificate(der: Uint8Array): CertificateInfo {
  try {
    return parse(der);
  } catch (e) {
    throw e instanceof CertificateError ? e : new CertificateError(`certificate is malformed (${(e as Error).message})`);
  }
}

function parse(der: Uint8Array): CertificateInfo {
  const cert = AsnConvert.parse(der, Certificate);
  const tbs = cert.tbsCertificate;
  const spki = tbs.subjectPublicKeyInfo;
  const info: CertificateInfo = {
    der,
    subject: readName(tbs.subject),
    issuer: readName(tbs.issuer),
    subjectDer: new Uint8Array(AsnConvert.serialize(tbs.subject)),
    issuerDer: new Uint8Array(AsnConvert.serialize(tbs.issuer)),
    serialHex: hex(new Uint8Array(tbs.serialNumber)),
    version: tbs.version + 1,
    notBefore: tbs.validity.notBefore.getTime(),
    notAfter: tbs.validity.notAfter.getTime(),
    spki: new Uint8Array(AsnConvert.serialize(spki)),
    keyAlgorithm: spki.algorithm.algorithm,
    ...(spki.algorithm.parameters ? { curve: CURVES[hex(new Uint8Array(spki.algorithm.parameters))] } : {}),
    tbs: firstElement(der),
    signatureAlgorithm: cert.signatureAlgorithm.algorithm,
    ...(cert.signatureAlgorithm.parameters ? { signatureParams: new Uint8Array(cert.signatureAlgorithm.parameters) } : {}),
    signature: new Uint8Array(cert.signatureValue),
    isCa: false,
  };
  for (const ext of tbs.extensions ?? []) {
    const value = ext.extnValue.buffer;
    if (ext.extnID === id_ce_keyUsage) {
      info.keyUsage = AsnConvert.parse(value, KeyUsage).toJSON();
      info.keyUsageCritical = ext.critical;
    } else if (ext.extnID === id_ce_extKeyUsage) info.extKeyUsage = [...AsnConvert.parse(value, ExtendedKeyUsage)];
    else if (ext.extnID === id_ce_basicConstraints) info.isCa = AsnConvert.parse(value, BasicConstraints).cA;
  }
  return info;
}

function readName(name: Name): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rdn of name) {
    for (const atv of rdn) {
      const key = NAME_OIDS[atv.type];
      if (key && !(key in out)) out[key] = atv.value.toString();
    }
  }
  return out;
}

/** "O" when present (what C2PA tools show as the issuer), else CN. */
export function displayName(name: Record<string, string>): string | undefined {
  return name.O ?? name.CN;
}

/**
 * The first element of a DER SEQUENCE, byte for byte: a certificate's signature covers the TBS bytes
 * as they were written, which re-serialising a parsed structure need not reproduce.
 */
function firstElement(der: Uint8Array): Uint8Array {
  const outer = tlv(der, 0);
  const inner = tlv(der, outer.headerEnd);
  return der.subarray(outer.headerEnd, inner.end);
}

function tlv(b: Uint8Array, at: number): { headerEnd: number; end: number } {
  const first = b[at + 1];
  if (first === undefined) throw new CertificateError('certificate ends early');
  let len = first;
  let header = 2;
  if (first & 0x80) {
    const n = first & 0x7f;
    if (n === 0 || n > 4) throw new CertificateError('certificate length form not supported');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + (b[at + 2 + i] ?? 0);
    header += n;
  }
  if (at + header + len > b.length) throw new CertificateError('certificate runs past its end');
  return { headerEnd: at + header, end: at + header + len };
}

/**
 * WebCrypto (Chrome, Node) imports RSA keys only under the rsaEncryption OID; certificates for
 * PS256 may carry id-RSASSA-PSS instead. The key bits are the same, so re-wrap them.
 */
export function spkiAsRsaEncryption(spki: Uint8Array): Uint8Array {
  const parsed = AsnConvert.parse(spki, SubjectPublicKeyInfo);
  const rewrapped = new SubjectPublicKeyInfo({
    algorithm: new AlgorithmIdentifier({ algorithm: '1.2.840.113549.1.1.1', parameters: null }),
    subjectPublicKey: parsed.subjectPublicKey,
  });
  return new Uint8Array(AsnConvert.serialize(rewrapped));
}
