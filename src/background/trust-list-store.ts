// The C2PA Trust List and TSA Trust List the extension checks signers against, kept in storage.local:
// downloaded from their published location at most once a day (when settings.trustListDownload is on),
// or imported from a file on the options page. A failed download keeps the last list, so checks work
// offline. The user's own anchors (PEM) are kept beside it. Read-modify-write steps are serialised.
import browser from 'webextension-polyfill';
// Only the PEM splitter, not the ASN.1 parsers: the options page names and checks the anchors.
import { readTrustListFile, type TrustConfig, type TrustListText } from '../shared/provenance/trust/list-file';
import { certificatesFromPem } from '../shared/provenance/trust/pem';
import { listState, type TrustListStatus } from '../shared/trust-status';

const BASE = 'https://raw.githubusercontent.com/c2pa-org/conformance-public/main/trust-list';
export const TRUST_LIST_URL = `${BASE}/C2PA-TRUST-LIST.json`;
export const TSA_LIST_URL = `${BASE}/C2PA-TSA-TRUST-LIST.json`;
export const DAY_MS = 24 * 3600 * 1000;
const KEY = 'trustList';
const MAX_LIST_BYTES = 4 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 30_000;

interface Stored {
  list?: TrustListText;
  tsaList?: TrustListText;
  userPem?: string;
  obtainedAt?: number;
  lastAttempt?: number;
  lastError?: string;
}

export type FetchFn = (url: string, init?: RequestInit) => Promise<Response>;

let writes: Promise<unknown> = Promise.resolve();
function serialised<T>(step: () => Promise<T>): Promise<T> {
  const run = writes.then(step);
  writes = run.catch(() => undefined);
  return run;
}

async function read(): Promise<Stored> {
  const raw = (await browser.storage.local.get(KEY))[KEY];
  return typeof raw === 'object' && raw !== null ? (raw as Stored) : {};
}

/** The config every check sends, kept in memory: this module is the only writer (the options page goes through the worker). */
let config: Promise<TrustConfig> | undefined;

const write = (s: Stored): Promise<void> => {
  config = undefined;
  return browser.storage.local.set({ [KEY]: s });
};

/** Drops the in-memory copy (tests reset storage under it). */
export function forgetCachedTrustConfig(): void {
  config = undefined;
}

/** What a check hands the inference host: the lists and the user's anchors, as text. */
export function trustConfig(): Promise<TrustConfig> {
  config ??= read().then((s) => ({ ...(s.list ? { list: s.list } : {}), ...(s.tsaList ? { tsaList: s.tsaList } : {}), ...(s.userPem ? { userPem: s.userPem } : {}) }));
  config.catch(() => (config = undefined));
  return config;
}

export async function trustStatus(download: boolean, now = Date.now()): Promise<TrustListStatus> {
  const s = await read();
  return {
    state: listState(s.list, now),
    ...(s.list?.issued ? { issued: s.list.issued } : {}),
    ...(s.list?.nextUpdate ? { nextUpdate: s.list.nextUpdate } : {}),
    ...(s.list?.source ? { source: s.list.source } : {}),
    ...(s.list ? { count: certificatesFromPem(s.list.pem).length } : {}),
    ...(s.obtainedAt ? { obtainedAt: s.obtainedAt } : {}),
    download,
    ...(s.lastAttempt ? { lastAttempt: s.lastAttempt } : {}),
    ...(s.lastError ? { lastError: s.lastError } : {}),
    ...(download ? { nextDownload: (s.lastAttempt ?? 0) + DAY_MS } : {}),
    ...(s.userPem ? { userPem: s.userPem } : {}),
  };
}

/** Imports a list file from the options page (PEM bundle or LoTE JSON); a TSA list by its name. */
export function importTrustList(text: string, name: string, now = Date.now()): Promise<void> {
  return serialised(async () => {
    const list = readTrustListFile(text, `imported from ${name.slice(0, 200)}`);
    const s = await read();
    if (/TSA/i.test(name)) await write({ ...s, tsaList: list });
    else await write({ ...s, list, obtainedAt: now });
  });
}

/** Replaces the user's anchors (the options page has parsed each one; the checks skip any that do not parse). */
export function setUserAnchors(pem: string): Promise<void> {
  return serialised(async () => {
    const ders = certificatesFromPem(pem);
    if (pem.trim() && ders.length === 0) throw new Error('no PEM certificate found');
    const s = await read();
    const { userPem: _, ...rest } = s;
    await write(ders.length ? { ...rest, userPem: pem } : rest);
  });
}

/**
 * Downloads both lists when a day has passed since the last attempt (or `force`), keeping the last
 * list when the download fails. Never called with downloads switched off.
 */
export function refreshTrustList(opts: { fetchFn?: FetchFn; now?: number; force?: boolean } = {}): Promise<'skipped' | 'updated' | 'failed'> {
  const now = opts.now ?? Date.now();
  const fetchFn = opts.fetchFn ?? ((url, init) => fetch(url, init));
  return serialised(async () => {
    const s = await read();
    if (!opts.force && s.lastAttempt !== undefined && now - s.lastAttempt < DAY_MS) return 'skipped';
    try {
      const [list, tsaList] = await Promise.all([download(fetchFn, TRUST_LIST_URL), download(fetchFn, TSA_LIST_URL)]);
      await write({ ...s, list, tsaList, obtainedAt: now, lastAttempt: now, lastError: undefined });
      return 'updated';
    } catch (e) {
      await write({ ...s, lastAttempt: now, lastError: (e as Error).message || String(e) });
      return 'failed';
    }
  });
}

async function download(fetchFn: FetchFn, url: string): Promise<TrustListText> {
  const res = await fetchFn(url, { credentials: 'omit', cache: 'no-cache', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  const text = await res.text();
  if (text.length > MAX_LIST_BYTES) throw new Error(`${url}: larger than ${MAX_LIST_BYTES} bytes`);
  return readTrustListFile(text, `downloaded from ${url}`);
}
