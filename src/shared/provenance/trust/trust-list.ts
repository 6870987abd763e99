// The trust anchors a check runs with, as the hosts hand them over: text (PEM), so they travel in
// messages and storage as they are. The C2PA Trust List and TSA Trust List are published by the C2PA
// Conformance Program (github.com/c2pa-org/conformance-public, trust-list/) as PEM bundles and as
// JSON "LoTE" lists (ETSI TS 119 602) that also carry the issue date and the next update.

import { certificatesFromPem, parseCertificate, type CertificateInfo } from './certificate';
import type { Anchors } from './chain';

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

export interface TrustStore {
  anchors: Anchors;
  tsa: CertificateInfo[];
  /** No C2PA Trust List was given: "trusted" cannot be reached. */
  listMissing: boolean;
  list?: Omit<TrustListText, 'pem'> & { count: number };
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

/** Certificates of a PEM text; unreadable ones are skipped (one bad entry must not drop the list). */
function parsePem(pem: string | undefined): CertificateInfo[] {
  const out: CertificateInfo[] = [];
  for (const der of pem ? certificatesFromPem(pem) : []) {
    try {
      out.push(parseCertificate(der));
    } catch {
      // skipped
    }
  }
  return out;
}

let cached: { config: TrustConfig | undefined; store: TrustStore } | undefined;

/** Parsed anchors for `config`; the last one is kept, since every image of a session uses the same. */
export function trustStore(config: TrustConfig | undefined): TrustStore {
  if (cached && sameConfig(cached.config, config)) return cached.store;
  const official = parsePem(config?.list?.pem);
  const store: TrustStore = {
    anchors: { official, user: parsePem(config?.userPem) },
    tsa: parsePem(config?.tsaList?.pem),
    listMissing: official.length === 0,
    ...(config?.list ? { list: { issued: config.list.issued, nextUpdate: config.list.nextUpdate, source: config.list.source, count: official.length } } : {}),
  };
  cached = { config, store };
  return store;
}

function sameConfig(a: TrustConfig | undefined, b: TrustConfig | undefined): boolean {
  return a === b || (a?.list?.pem === b?.list?.pem && a?.tsaList?.pem === b?.tsaList?.pem && a?.userPem === b?.userPem && a?.list?.issued === b?.list?.issued);
}
