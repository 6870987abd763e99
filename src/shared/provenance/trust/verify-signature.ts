// Checks that one certificate (or a CMS signer) was signed by another's key, with WebCrypto: the X.509
// signature algorithms C2PA certificate chains use (ECDSA, RSA PKCS#1 v1.5, RSA-PSS, Ed25519).

import { ECDSASigValue } from '@peculiar/asn1-ecc';
import { RsaSaPssParams } from '@peculiar/asn1-rsa';
import { AsnConvert } from '@peculiar/asn1-schema';
import { buf } from '../webcrypto';
import { spkiAsRsaEncryption, type CertificateInfo } from './certificate';

const HASHES: Record<string, string> = {
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
  '1.3.14.3.2.26': 'SHA-1',
};

/** X.509 signature algorithm OID -> WebCrypto family and hash. */
const SIG_ALGS: Record<string, { family: 'ECDSA' | 'RSASSA-PKCS1-v1_5' | 'RSA-PSS' | 'Ed25519'; hash?: string }> = {
  '1.2.840.10045.4.3.2': { family: 'ECDSA', hash: 'SHA-256' },
  '1.2.840.10045.4.3.3': { family: 'ECDSA', hash: 'SHA-384' },
  '1.2.840.10045.4.3.4': { family: 'ECDSA', hash: 'SHA-512' },
  '1.2.840.113549.1.1.11': { family: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
  '1.2.840.113549.1.1.12': { family: 'RSASSA-PKCS1-v1_5', hash: 'SHA-384' },
  '1.2.840.113549.1.1.13': { family: 'RSASSA-PKCS1-v1_5', hash: 'SHA-512' },
  '1.2.840.113549.1.1.10': { family: 'RSA-PSS' },
  '1.3.101.112': { family: 'Ed25519' },
};

const EC_SIZES: Record<string, number> = { 'P-256': 32, 'P-384': 48, 'P-521': 66 };

/** The hash WebCrypto names for a digest algorithm OID. */
export const hashName = (oid: string): string | undefined => HASHES[oid];

/**
 * Whether `signature` over `data` (made with `sigAlg`, its `params`) verifies with `signer`'s key.
 * Unknown algorithms and malformed keys count as not verifying.
 */
export async function verifyWith(signer: CertificateInfo, sigAlg: string, params: Uint8Array | undefined, data: Uint8Array, signature: Uint8Array, hashOverride?: string): Promise<boolean> {
  const alg = SIG_ALGS[sigAlg] ?? rsaFromEncryption(sigAlg, hashOverride) ?? ecdsaFromPublicKey(sigAlg, hashOverride);
  if (!alg) return false;
  try {
    if (alg.family === 'ECDSA') {
      const curve = signer.curve;
      const size = curve ? EC_SIZES[curve] : undefined;
      if (!curve || !size) return false;
      const key = await crypto.subtle.importKey('spki', buf(signer.spki), { name: 'ECDSA', namedCurve: curve }, false, ['verify']);
      return await crypto.subtle.verify({ name: 'ECDSA', hash: alg.hash! }, key, buf(ecdsaRaw(signature, size)), buf(data));
    }
    if (alg.family === 'Ed25519') {
      const key = await crypto.subtle.importKey('spki', buf(signer.spki), { name: 'Ed25519' }, false, ['verify']);
      return await crypto.subtle.verify({ name: 'Ed25519' }, key, buf(signature), buf(data));
    }
    const spki = signer.keyAlgorithm === '1.2.840.113549.1.1.10' ? spkiAsRsaEncryption(signer.spki) : signer.spki;
    if (alg.family === 'RSA-PSS') {
      const pss = params ? AsnConvert.parse(params, RsaSaPssParams) : new RsaSaPssParams();
      const hash = HASHES[pss.hashAlgorithm.algorithm];
      if (!hash) return false;
      const key = await crypto.subtle.importKey('spki', buf(spki), { name: 'RSA-PSS', hash }, false, ['verify']);
      return await crypto.subtle.verify({ name: 'RSA-PSS', saltLength: pss.saltLength }, key, buf(signature), buf(data));
    }
    const key = await crypto.subtle.importKey('spki', buf(spki), { name: 'RSASSA-PKCS1-v1_5', hash: alg.hash! }, false, ['verify']);
    return await crypto.subtle.verify({ name: 'RSASSA-PKCS1-v1_5' }, key, buf(signature), buf(data));
  } catch {
    return false;
  }
}

/** CMS signers may name rsaEncryption as the signature algorithm, with the hash given separately. */
function rsaFromEncryption(oid: string, hash: string | undefined): (typeof SIG_ALGS)[string] | undefined {
  return oid === '1.2.840.113549.1.1.1' && hash ? { family: 'RSASSA-PKCS1-v1_5', hash } : undefined;
}

function ecdsaFromPublicKey(oid: string, hash: string | undefined): (typeof SIG_ALGS)[string] | undefined {
  return oid === '1.2.840.10045.2.1' && hash ? { family: 'ECDSA', hash } : undefined;
}

/** ECDSA-Sig-Value (DER SEQUENCE of r, s) to the fixed-size r||s WebCrypto verifies. */
function ecdsaRaw(der: Uint8Array, size: number): Uint8Array {
  const v = AsnConvert.parse(der, ECDSASigValue);
  const out = new Uint8Array(size * 2);
  const put = (n: ArrayBuffer, at: number) => {
    let b = new Uint8Array(n);
    while (b.length > size && b[0] === 0) b = b.subarray(1);
    if (b.length > size) throw new Error('ECDSA value too long');
    out.set(b, at + size - b.length);
  };
  put(v.r, 0);
  put(v.s, size);
  return out;
}

const verified = new Map<string, boolean>();
const VERIFIED_MAX = 512;

/** Whether `cert` was signed by `issuer`'s key (names aside); remembered for certificates read with readCertificate. */
export async function signedBy(cert: CertificateInfo, issuer: CertificateInfo): Promise<boolean> {
  const key = cert.fingerprint && `${cert.fingerprint}|${issuer.fingerprint ?? hexOf(issuer.spki)}`;
  const known = key ? verified.get(key) : undefined;
  if (known !== undefined) return known;
  const ok = await verifyWith(issuer, cert.signatureAlgorithm, cert.signatureParams, cert.tbs, cert.signature);
  if (key) {
    verified.set(key, ok);
    if (verified.size > VERIFIED_MAX) verified.delete(verified.keys().next().value!);
  }
  return ok;
}

const hexOf = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
