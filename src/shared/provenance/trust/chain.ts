// Whether a C2PA signing credential is trusted: the certificate profile the C2PA spec requires of a
// claim signer ("Certificate profile": v3, digitalSignature key usage, an allowed extended key usage,
// not a CA), its validity at the signing time, and a chain through the x5chain certificates to a trust
// anchor: the C2PA Trust List ("trusted") or one the user added ("trusted by you").

import type { CertificateInfo } from './certificate';
import { signedBy } from './verify-signature';

/** trusted: chains to the official list; user: to an anchor the user added; untrusted: valid, but to neither; invalid: unusable. */
export type TrustLevel = 'trusted' | 'user' | 'untrusted' | 'invalid';

export interface CredentialCheck {
  level: TrustLevel;
  /** c2pa-rs validation status code for the credential. */
  code: 'signingCredential.trusted' | 'signingCredential.untrusted' | 'signingCredential.invalid' | 'signingCredential.expired';
  reason?: string;
  /** The anchor the chain ended at (its subject's O or CN). */
  anchor?: string;
}

export interface Anchors {
  official: CertificateInfo[];
  user: CertificateInfo[];
}

/** EKUs a claim signer may carry (the C2PA spec's list, as c2pa-rs configures it by default). */
export const CLAIM_SIGNING_EKUS = new Set([
  '1.3.6.1.5.5.7.3.4', // id-kp-emailProtection
  '1.3.6.1.5.5.7.3.36', // id-kp-documentSigning
  '1.3.6.1.5.5.7.3.8', // id-kp-timeStamping
  '1.3.6.1.5.5.7.3.9', // id-kp-OCSPSigning
  '1.3.6.1.4.1.311.76.59.1.9', // Microsoft C2PA signing
  '1.3.6.1.4.1.62558.2.1', // c2pa-kp-claimSigning
]);
const ANY_EKU = '2.5.29.37.0';
const MAX_DEPTH = 8;

/** The C2PA certificate profile for a claim signer; the reason it fails, or undefined. */
export function profileProblem(leaf: CertificateInfo): string | undefined {
  if (leaf.version !== 3) return 'the signing certificate is not X.509 v3';
  if (leaf.isCa) return 'the signing certificate is a CA certificate';
  if (!leaf.keyUsage?.includes('digitalSignature')) return 'the signing certificate lacks the digitalSignature key usage';
  if (leaf.keyUsage.includes('keyCertSign')) return 'the signing certificate may sign certificates (keyCertSign)';
  if (!leaf.extKeyUsage) return 'the signing certificate has no extended key usage';
  if (leaf.extKeyUsage.includes(ANY_EKU)) return 'the signing certificate allows any extended key usage';
  if (!leaf.extKeyUsage.some((e) => CLAIM_SIGNING_EKUS.has(e))) return 'the signing certificate is not for document or claim signing (extended key usage)';
  return undefined;
}

/**
 * Checks `chain` (leaf first, as in the COSE x5chain) at `time`. `what` names the credential in
 * reasons ("signing certificate", "time-stamp authority").
 */
export async function checkCredential(chain: CertificateInfo[], anchors: Anchors, time: Date, opts: { profile?: (c: CertificateInfo) => string | undefined } = {}): Promise<CredentialCheck> {
  const leaf = chain[0];
  if (!leaf) return { level: 'invalid', code: 'signingCredential.invalid', reason: 'no signing certificate' };
  const bad = (opts.profile ?? profileProblem)(leaf);
  if (bad) return { level: 'invalid', code: 'signingCredential.invalid', reason: bad };
  if (time < leaf.notBefore || time > leaf.notAfter) {
    return { level: 'invalid', code: 'signingCredential.expired', reason: `the signing certificate was not valid on ${time.toISOString().slice(0, 10)} (valid ${leaf.notBefore.toISOString().slice(0, 10)} to ${leaf.notAfter.toISOString().slice(0, 10)})` };
  }
  const official = await pathTo(leaf, chain.slice(1), anchors.official, time);
  if (official) return { level: 'trusted', code: 'signingCredential.trusted', anchor: nameOf(official) };
  const user = await pathTo(leaf, chain.slice(1), anchors.user, time);
  if (user) return { level: 'user', code: 'signingCredential.trusted', anchor: nameOf(user) };
  return { level: 'untrusted', code: 'signingCredential.untrusted', reason: 'the issuer is not on the trust list' };
}

/** Walks from `leaf` through `pool` to one of `anchors`; returns the anchor reached. */
async function pathTo(leaf: CertificateInfo, pool: CertificateInfo[], anchors: CertificateInfo[], time: Date): Promise<CertificateInfo | undefined> {
  if (anchors.length === 0) return undefined;
  let current = leaf;
  const used = new Set<CertificateInfo>([leaf]);
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    // An anchor may be the certificate itself (end-entity or intermediate on the list) or its issuer.
    if (anchors.some((a) => equal(a.der, current.der))) return anchors.find((a) => equal(a.der, current.der));
    for (const a of anchors) if (equal(a.subjectDer, current.issuerDer) && (await signedBy(current, a))) return a;
    let next: CertificateInfo | undefined;
    for (const c of pool) {
      if (used.has(c) || !c.isCa || !equal(c.subjectDer, current.issuerDer)) continue;
      if (c.keyUsage && !c.keyUsage.includes('keyCertSign')) continue; // a CA key not allowed to sign certificates
      if (time < c.notBefore || time > c.notAfter) continue;
      if (await signedBy(current, c)) {
        next = c;
        break;
      }
    }
    if (!next) return undefined;
    used.add(next);
    current = next;
  }
  return undefined;
}

const nameOf = (c: CertificateInfo): string | undefined => c.subject.O ?? c.subject.CN;

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
