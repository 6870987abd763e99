// The trust anchors as the hosts hand them over: text (PEM), so they travel in messages and storage as
// they are. The C2PA Trust List and TSA Trust List are published by the C2PA Conformance Program
// (github.com/c2pa-org/conformance-public, trust-list/) as PEM bundles and as JSON "LoTE" lists
// (ETSI TS 119 602) that also carry the issue date and the next update.

import { certificatesFromPem } from './pem';

export interface TrustListText {
  /** The anchors, PEM. */
  pem: string;
  /** ISO dates from the list itself (JSON form), when known. */
  issued?: string;
  nextUpdate?: string;
  /** Where it came from, in words: "downloaded from …", "imported from C2PA-TRUST-LIST.pem", a file path. */
  source?: string;
}

export interface TrustConfig {
  /** The C2PA Trust List; absent when none is available (then nothing can be "trusted"). */
  list?: TrustListText;
  /** The C2PA TSA Trust List (time-stamping authorities). */
  tsaList?: TrustListText;
  /** Anchors the user added, PEM: chains to them are "trusted by you". */
  userPem?: string;
}

/** Reads a trust list file, PEM bundle or LoTE JSON, into PEM with its dates. Throws when it holds no certificate. */
export function readTrustListFile(text: string, source?: string): TrustListText {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) {
    const lote = (JSON.parse(trimmed) as { LoTE?: Lote }).LoTE;
    if (!lote) throw new Error('not a C2PA trust list (no "LoTE" object)');
    const certs = (lote.TrustedEntitiesList ?? []).flatMap((e) => e.TrustedEntityServices ?? []).flatMap((s) => s.ServiceInformation?.ServiceDigitalIdentity?.X509Certificates ?? []).map((c) => c.val).filter((v): v is string => typeof v === 'string');
    if (certs.length === 0) throw new Error('the trust list holds no certificate');
    const info = lote.ListAndSchemeInformation ?? {};
    return {
      pem: certs.map((b64) => `-----BEGIN CERTIFICATE-----\n${b64.replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`).join(''),
      ...(typeof info.ListIssueDateTime === 'string' ? { issued: info.ListIssueDateTime } : {}),
      ...(typeof info.NextUpdate === 'string' ? { nextUpdate: info.NextUpdate } : {}),
      ...(source ? { source } : {}),
    };
  }
  const count = certificatesFromPem(text).length;
  if (count === 0) throw new Error('the file holds no PEM certificate');
  return { pem: text, ...(source ? { source } : {}) };
}

interface Lote {
  ListAndSchemeInformation?: { ListIssueDateTime?: unknown; NextUpdate?: unknown };
  TrustedEntitiesList?: { TrustedEntityServices?: { ServiceInformation?: { ServiceDigitalIdentity?: { X509Certificates?: { val?: unknown }[] } } }[] }[];
}

