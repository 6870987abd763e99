// The RFC 3161 time-stamp a C2PA signature carries (COSE unprotected header "sigTst" or "sigTst2":
// {tstTokens: [{val: TimeStampToken}]}). A validated time-stamp proves the claim was signed by then,
// so the signing certificate's validity period is checked at that time instead of now (C2PA spec,
// "Time-stamps"). Parsed with @peculiar/asn1-cms and @peculiar/asn1-tsp; signatures checked with WebCrypto.

import { ContentInfo, SignedData, type SignerInfo } from '@peculiar/asn1-cms';
import { AsnConvert } from '@peculiar/asn1-schema';
import { TimeStampResp, TSTInfo } from '@peculiar/asn1-tsp';
import { readCertificate, type CertificateInfo } from './certificate';
import { Memo, sha256Hex } from './memo';
import { hashName, verifyWith } from './verify-signature';

export interface TimeStampCheck {
  /** The token's signature and message imprint verify: `time` can be relied on. */
  validated: boolean;
  /** When the TSA says the claim was signed (genTime). */
  time?: Date;
  reason?: string;
  /** The token could not be read at all (c2pa-rs: timeStamp.malformed). */
  malformed?: boolean;
  /** The TSA's certificate followed by the other certificates in the token. */
  certificates: CertificateInfo[];
  tsaName?: string;
}

const ID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';

const checked = new Memo<TimeStampCheck>(128);

/** Checks a TimeStampToken against the bytes it should time-stamp (the COSE to-be-signed structure). */
export async function checkTimeStamp(token: Uint8Array, stamped: Uint8Array): Promise<TimeStampCheck> {
  return checked.get(await sha256Hex(token, stamped), () => check(token, stamped));
}

async function check(token: Uint8Array, stamped: Uint8Array): Promise<TimeStampCheck> {
  const fail = (reason: string, extra: Partial<TimeStampCheck> = {}): TimeStampCheck => ({ validated: false, reason, certificates: [], ...extra });
  let signed: SignedData;
  let info: TSTInfo;
  let tstDer: Uint8Array;
  try {
    signed = AsnConvert.parse(contentInfo(token).content, SignedData);
    const content = signed.encapContentInfo.eContent;
    const raw = content?.single?.buffer ?? content?.any;
    if (!raw) return fail('time-stamp token has no content', { malformed: true });
    tstDer = new Uint8Array(raw);
    info = AsnConvert.parse(tstDer, TSTInfo);
  } catch (e) {
    return fail(`time-stamp token is malformed (${(e as Error).message})`, { malformed: true });
  }
  const time = info.genTime;
  const certificates: CertificateInfo[] = [];
  for (const choice of signed.certificates ?? []) {
    if (!choice.certificate) continue;
    try {
      certificates.push(await readCertificate(new Uint8Array(AsnConvert.serialize(choice.certificate))));
    } catch {
      // an unreadable extra certificate does not matter unless it is the signer's (checked below)
    }
  }
  const imprintHash = hashName(info.messageImprint.hashAlgorithm.algorithm);
  if (!imprintHash) return fail('time-stamp uses an unsupported hash', { time, certificates });
  const digest = new Uint8Array(await crypto.subtle.digest(imprintHash, stamped.slice().buffer as ArrayBuffer));
  if (!equal(digest, new Uint8Array(info.messageImprint.hashedMessage.buffer))) return fail('time-stamp message imprint does not match the signature', { time, certificates });
  const signer = signed.signerInfos[0];
  if (!signer) return fail('time-stamp token has no signer', { time, certificates });
  const tsa = certificates.find((c) => isSigner(c, signer));
  if (!tsa) return fail("time-stamp token lacks the TSA's certificate", { time, certificates });
  const ordered = [tsa, ...certificates.filter((c) => c !== tsa)];
  const ok = await signerVerifies(signer, tsa, tstDer);
  const tsaName = tsa.subject.CN ?? tsa.subject.O;
  return ok ? { validated: true, time, certificates: ordered, tsaName } : fail('time-stamp signature does not verify', { time, certificates: ordered, tsaName });
}

/** C2PA writers store either the TimeStampToken (a CMS ContentInfo) or the whole TimeStampResp around it. */
function contentInfo(token: Uint8Array): ContentInfo {
  try {
    return AsnConvert.parse(token, ContentInfo);
  } catch {
    const resp = AsnConvert.parse(token, TimeStampResp);
    if (!resp.timeStampToken) throw new Error('time-stamp response holds no token');
    return resp.timeStampToken;
  }
}

function isSigner(cert: CertificateInfo, signer: SignerInfo): boolean {
  const byIssuer = signer.sid.issuerAndSerialNumber;
  if (byIssuer) {
    const serial = Array.from(new Uint8Array(byIssuer.serialNumber), (x) => x.toString(16).padStart(2, '0')).join('');
    return serial === cert.serialHex && equal(new Uint8Array(AsnConvert.serialize(byIssuer.issuer)), cert.issuerDer);
  }
  return true; // subjectKeyIdentifier: the first certificate is the TSA's in practice; its signature decides
}

async function signerVerifies(signer: SignerInfo, tsa: CertificateInfo, content: Uint8Array): Promise<boolean> {
  const hash = hashName(signer.digestAlgorithm.algorithm);
  if (!hash) return false;
  const contentDigest = new Uint8Array(await crypto.subtle.digest(hash, content.slice().buffer as ArrayBuffer));
  if (!signer.signedAttrs) return verifyWith(tsa, signer.signatureAlgorithm.algorithm, params(signer), content, sigBytes(signer), hash);
  const md = signer.signedAttrs.find((a) => a.attrType === ID_MESSAGE_DIGEST)?.attrValues[0];
  // The attribute value is a DER OCTET STRING: tag, length, then the digest.
  if (!md || !equal(new Uint8Array(md).slice(-contentDigest.length), contentDigest)) return false;
  // Signed attributes are signed as a DER SET OF (tag 0x31), not with their [0] IMPLICIT tag; each
  // attribute re-encodes to its original DER bytes, in the order the token holds them.
  const attrs = derSet(signer.signedAttrs.map((a) => new Uint8Array(AsnConvert.serialize(a))));
  return verifyWith(tsa, signer.signatureAlgorithm.algorithm, params(signer), attrs, sigBytes(signer), hash);
}

function derSet(items: Uint8Array[]): Uint8Array {
  const len = items.reduce((n, i) => n + i.length, 0);
  const lenBytes = len < 0x80 ? [len] : len < 0x100 ? [0x81, len] : len < 0x10000 ? [0x82, len >> 8, len & 0xff] : [0x83, len >> 16, (len >> 8) & 0xff, len & 0xff];
  const out = new Uint8Array(1 + lenBytes.length + len);
  out[0] = 0x31;
  out.set(lenBytes, 1);
  let at = 1 + lenBytes.length;
  for (const i of items) (out.set(i, at), (at += i.length));
  return out;
}

const params = (s: SignerInfo): Uint8Array | undefined => (s.signatureAlgorithm.parameters ? new Uint8Array(s.signatureAlgorithm.parameters) : undefined);
const sigBytes = (s: SignerInfo): Uint8Array => new Uint8Array(s.signature.buffer);

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
