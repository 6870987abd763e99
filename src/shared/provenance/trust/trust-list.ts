// The trust anchors a check runs with, parsed from the text the host hands over (list-file.ts).

import { parseCertificate, type CertificateInfo } from './certificate';
import type { Anchors } from './chain';
import type { TrustConfig, TrustListText } from './list-file';
import { certificatesFromPem } from './pem';

export { readTrustListFile, type TrustConfig, type TrustListText } from './list-file';

export interface TrustStore {
  anchors: Anchors;
  tsa: CertificateInfo[];
  /** No C2PA Trust List was given: "trusted" cannot be reached. */
  listMissing: boolean;
  list?: Omit<TrustListText, 'pem'> & { count: number };
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

let cached: { config: TrustConfig | undefined; store: TrustStore; generation: number } | undefined;
let generations = 0;

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
  cached = { config, store, generation: ++generations };
  return store;
}

/** A number that changes whenever the anchors do (list, TSA list or the user's own), for cache keys. */
export function trustGeneration(config: TrustConfig | undefined): number {
  trustStore(config);
  return cached!.generation;
}

function sameConfig(a: TrustConfig | undefined, b: TrustConfig | undefined): boolean {
  return a === b || (a?.list?.pem === b?.list?.pem && a?.tsaList?.pem === b?.tsaList?.pem && a?.userPem === b?.userPem && a?.list?.issued === b?.list?.issued);
}
