// COSE_Sign1 (RFC 9052) verification of a C2PA claim signature. The payload is detached: it is
// the claim's CBOR bytes. Verified with WebCrypto against the leaf certificate of the x5chain.
// What this does not do (and says so in `notChecked`): check the chain against a trust list
// (DualSight ships none), the certificate's validity period, OCSP/revocation, or the RFC 3161
// time-stamp token.

import { decodeCbor, field, CborTagged, type CborValue } from './cbor';
import { derChildren, readDer } from './der';
import { buf, coseAlgorithm, spkiAsRsaEncryption } from './webcrypto';
import { displayName, parseCertificate, type CertificateInfo } from './x509';

export interface SignatureCheck {
  valid: boolean;
  /** Why not valid, in words. */
  reason?: string;
  alg?: string;
  /** What the certificate says about who signed (organisation, else common name). */
  signer?: string;
  /** Who issued the signing certificate. */
  issuer?: string;
  certSerial?: string;
  notChecked: string[];
}

const COSE_SIGN1_TAG = 18;
const HEADER_ALG = 1;
const HEADER_X5CHAIN = 33;
const NOT_CHECKED = ['trust list', 'certificate validity period', 'revocation', 'time-stamp'];

export async function verifyCoseSign1(cose: Uint8Array, payload: Uint8Array): Promise<SignatureCheck> {
  const fail = (reason: string, extra: Partial<SignatureCheck> = {}): SignatureCheck => ({ valid: false, reason, notChecked: NOT_CHECKED, ...extra });
  let parts: CborValue;
  try {
    const top = decodeCbor(cose);
    parts = top instanceof CborTagged && top.tag === COSE_SIGN1_TAG ? top.value : top;
  } catch (e) {
    return fail(`signature is not valid CBOR (${(e as Error).message})`);
  }
  if (!Array.isArray(parts) || parts.length !== 4) return fail('signature is not a COSE_Sign1 structure');
  const [protectedBytes, unprotected, , signature] = parts;
  if (!(protectedBytes instanceof Uint8Array) || !(signature instanceof Uint8Array)) return fail('COSE_Sign1 fields have the wrong types');
  let protectedHeader: CborValue;
  try {
    protectedHeader = protectedBytes.length ? decodeCbor(protectedBytes) : new Map();
  } catch {
    return fail('COSE protected header is not valid CBOR');
  }
  const alg = coseAlgorithm(field(protectedHeader, HEADER_ALG));
  if (!alg) return fail(`signature algorithm ${String(field(protectedHeader, HEADER_ALG))} is not supported`);
  const leafDer = leafCertificate(protectedHeader, unprotected);
  if (!leafDer) return fail('no signing certificate (x5chain) in the signature', { alg: alg.name });
  let cert: CertificateInfo;
  try {
    cert = parseCertificate(leafDer);
  } catch (e) {
    return fail(`signing certificate is malformed (${(e as Error).message})`, { alg: alg.name });
  }
  const who = { alg: alg.name, signer: displayName(cert.subject), issuer: displayName(cert.issuer), certSerial: cert.serialHex };
  try {
    const key = await importKey(cert, alg);
    const ok = await crypto.subtle.verify(alg.verify, key, buf(signature), buf(sigStructure(protectedBytes, payload)));
    return ok ? { valid: true, notChecked: NOT_CHECKED, ...who } : fail('claim signature does not match the claim', who);
  } catch (e) {
    return fail(`signature could not be checked (${(e as Error).message})`, who);
  }
}

/** x5chain (label 33) belongs in the protected header; early C2PA writers put it in the unprotected one. */
function leafCertificate(protectedHeader: CborValue, unprotected: CborValue): Uint8Array | undefined {
  const chain = field(protectedHeader, HEADER_X5CHAIN) ?? field(unprotected, HEADER_X5CHAIN) ?? field(unprotected, 'x5chain');
  const leaf = Array.isArray(chain) ? chain[0] : chain;
  return leaf instanceof Uint8Array ? leaf : undefined;
}

async function importKey(cert: CertificateInfo, alg: ReturnType<typeof coseAlgorithm> & object): Promise<CryptoKey> {
  let spki = cert.spki;
  if (alg.name.startsWith('PS') && cert.keyAlgorithm === '1.2.840.113549.1.1.10') {
    spki = spkiAsRsaEncryption(derChildren(readDer(spki))[1]!.raw);
  }
  return crypto.subtle.importKey('spki', buf(spki), alg.import, false, ['verify']);
}

/** Sig_structure = ["Signature1", protected, external_aad = h'', payload], CBOR-encoded. */
function sigStructure(protectedBytes: Uint8Array, payload: Uint8Array): Uint8Array {
  const context = new TextEncoder().encode('Signature1');
  const parts = [Uint8Array.of(0x84), Uint8Array.of(0x60 | context.length), context, bstrHeader(protectedBytes.length), protectedBytes, Uint8Array.of(0x40), bstrHeader(payload.length), payload];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) (out.set(p, at), (at += p.length));
  return out;
}

function bstrHeader(len: number): Uint8Array {
  if (len < 24) return Uint8Array.of(0x40 | len);
  if (len < 0x100) return Uint8Array.of(0x58, len);
  if (len < 0x10000) return Uint8Array.of(0x59, len >> 8, len & 0xff);
  return Uint8Array.of(0x5a, len >>> 24, (len >> 16) & 0xff, (len >> 8) & 0xff, len & 0xff);
}
