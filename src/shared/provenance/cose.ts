// COSE_Sign1 (RFC 9052) verification of a C2PA claim signature. The payload is detached: it is
// the claim's CBOR bytes. Verified with WebCrypto against the leaf certificate of the x5chain; then
// the RFC 3161 time-stamp (v1 "sigTst") and the signing credential against the trust anchors, at the
// time-stamp's time when it validates, else now. Not checked (listed in `notChecked`): revocation (OCSP).

import { decodeCbor, field, CborTagged, type CborValue } from './cbor';
import { status, type ValidationStatus } from './status';
import { displayName, readCertificate, spkiAsRsaEncryption, type CertificateInfo } from './trust/certificate';
import { checkCredential, type CredentialCheck } from './trust/chain';
import { checkTimeStamp, type TimeStampCheck } from './trust/timestamp';
import { Memo, sha256Hex } from './trust/memo';
import type { TrustStore } from './trust/trust-list';
import { buf, coseAlgorithm } from './webcrypto';

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
  /** The signing credential against the trust anchors (absent when the signature could not be read). */
  credential?: CredentialCheck;
  /** When the signature was made, from a validated time-stamp. */
  signedAt?: string;
  timeStampAuthority?: string;
  notChecked: string[];
  /** c2pa-rs validation status codes for the signature, credential and time-stamp. */
  statuses: ValidationStatus[];
}

const COSE_SIGN1_TAG = 18;
const HEADER_ALG = 1;
const HEADER_X5CHAIN = 33;
const NOT_CHECKED = ['revocation'];
const verifiedSignatures = new Memo<boolean>(256);

export async function verifyCoseSign1(cose: Uint8Array, payload: Uint8Array, trust: TrustStore, url: string): Promise<SignatureCheck> {
  const fail = (reason: string, extra: Partial<SignatureCheck> = {}): SignatureCheck => ({
    valid: false,
    reason,
    notChecked: NOT_CHECKED,
    statuses: [status('claimSignature.mismatch', url, reason)],
    ...extra,
  });
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
  if (!alg) return fail(`signature algorithm ${String(field(protectedHeader, HEADER_ALG))} is not supported`, { statuses: [status('algorithm.unsupported', url)] });
  const chainDer = certificateChain(protectedHeader, unprotected);
  if (!chainDer.length) return fail('no signing certificate (x5chain) in the signature', { alg: alg.name, statuses: [status('claimSignature.missing', url)] });
  let chain: CertificateInfo[];
  try {
    chain = await Promise.all(chainDer.map(readCertificate));
  } catch (e) {
    return fail(`signing certificate is malformed (${(e as Error).message})`, { alg: alg.name, statuses: [status('signingCredential.invalid', url, 'malformed certificate')] });
  }
  const leaf = chain[0]!;
  const who = { alg: alg.name, signer: displayName(leaf.subject), issuer: displayName(leaf.issuer), certSerial: leaf.serialHex };
  const statuses: ValidationStatus[] = [];
  // The time-stamp covers the claim too: an altered claim shows as a time-stamp mismatch as well (as in c2pa-rs).
  const ts = await timeStampOf(unprotected, protectedBytes, payload, signature);
  if (ts) {
    if (ts.validated) statuses.push(status('timeStamp.validated', url, `time-stamp by ${ts.tsaName ?? 'unknown authority'}`));
    else statuses.push(status(ts.malformed ? 'timeStamp.malformed' : 'timeStamp.mismatch', url, ts.reason));
  }
  let ok: boolean;
  try {
    const toBeSigned = sigStructure('Signature1', protectedBytes, payload);
    ok = await verifiedSignatures.get(await sha256Hex(toBeSigned, signature, leaf.der), async () => crypto.subtle.verify(alg.verify, await importKey(leaf, alg), buf(signature), buf(toBeSigned)));
  } catch (e) {
    return fail(`signature could not be checked (${(e as Error).message})`, { ...who, statuses: [...statuses, status('claimSignature.mismatch', url, (e as Error).message)] });
  }
  if (!ok) return fail('claim signature does not match the claim', { ...who, statuses: [...statuses, status('claimSignature.mismatch', url, 'claim signature is not valid')] });
  const signedAt = ts?.validated ? ts.time : undefined;
  const credential = await checkCredential(chain, trust.anchors, signedAt ?? new Date());
  statuses.push(status('claimSignature.validated', url));
  if (credential.code === 'signingCredential.expired') statuses.push(status('claimSignature.outsideValidity', url, credential.reason));
  else statuses.push(status('claimSignature.insideValidity', url));
  statuses.push(status(credential.code, url, credential.reason ?? (credential.anchor ? `chains to ${credential.anchor}` : undefined)));
  if (ts?.validated && ts.time) {
    const tsa = await checkCredential(ts.certificates, { official: trust.tsa, user: [] }, ts.time, { profile: () => undefined });
    statuses.push(status(tsa.level === 'trusted' ? 'timeStamp.trusted' : 'timeStamp.untrusted', url, ts.tsaName));
  }
  return {
    valid: true,
    ...who,
    credential,
    ...(signedAt ? { signedAt: signedAt.toISOString() } : {}),
    ...(ts?.tsaName ? { timeStampAuthority: ts.tsaName } : {}),
    notChecked: NOT_CHECKED,
    statuses,
  };
}

/** x5chain (label 33) belongs in the protected header; early C2PA writers put it in the unprotected one. Leaf first. */
function certificateChain(protectedHeader: CborValue, unprotected: CborValue): Uint8Array[] {
  const chain = field(protectedHeader, HEADER_X5CHAIN) ?? field(unprotected, HEADER_X5CHAIN) ?? field(unprotected, 'x5chain');
  const list = Array.isArray(chain) ? chain : [chain];
  return list.filter((c): c is Uint8Array => c instanceof Uint8Array).slice(0, 10);
}

/**
 * The time-stamp's message imprint is over a COSE CounterSignature structure: of the claim for a v1
 * time-stamp ("sigTst"), of the signature (as a CBOR byte string) for a v2 one ("sigTst2").
 */
async function timeStampOf(unprotected: CborValue, protectedBytes: Uint8Array, payload: Uint8Array, signature: Uint8Array): Promise<TimeStampCheck | undefined> {
  const v2 = field(unprotected, 'sigTst2') !== undefined;
  const tokens = field(field(unprotected, v2 ? 'sigTst2' : 'sigTst'), 'tstTokens');
  const val = Array.isArray(tokens) ? field(tokens[0], 'val') : undefined;
  if (!(val instanceof Uint8Array)) return undefined;
  const stamped = v2 ? concat([bstrHeader(signature.length), signature]) : payload;
  return checkTimeStamp(val, sigStructure('CounterSignature', protectedBytes, stamped));
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) (out.set(p, at), (at += p.length));
  return out;
}

async function importKey(cert: CertificateInfo, alg: ReturnType<typeof coseAlgorithm> & object): Promise<CryptoKey> {
  const spki = alg.name.startsWith('PS') && cert.keyAlgorithm === '1.2.840.113549.1.1.10' ? spkiAsRsaEncryption(cert.spki) : cert.spki;
  return crypto.subtle.importKey('spki', buf(spki), alg.import, false, ['verify']);
}

/** Sig_structure = [context, protected, external_aad = h'', payload], CBOR-encoded (RFC 9052 §4.4). */
function sigStructure(context: 'Signature1' | 'CounterSignature', protectedBytes: Uint8Array, payload: Uint8Array): Uint8Array {
  const ctx = new TextEncoder().encode(context);
  const parts = [Uint8Array.of(0x84), Uint8Array.of(0x60 | ctx.length), ctx, bstrHeader(protectedBytes.length), protectedBytes, Uint8Array.of(0x40), bstrHeader(payload.length), payload];
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
