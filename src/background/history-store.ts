// History of checked images, in IndexedDB ("dualsight-history"): one record per entry, so an add
// writes one small record instead of rewriting the whole list, and every read-modify-write runs in
// one readwrite transaction (IndexedDB serialises those), so concurrent adds are never lost.
// Bounded: at most settings.historyCap entries, thumbnails only on the newest `thumbnailsKept` and
// each at most `maxThumbnailChars`, long (data:) URLs shortened — worst case ~16 MB whatever the cap.
import type { DBSchema, IDBPTransaction } from 'idb';
import { lazyConnection } from '../shared/idb-connection';
import { applyQuery } from '../shared/history-query';
import { historyEntryProblem, type HistoryEntry, type HistoryQuery } from '../shared/history-types';
import { loadSettings } from './settings-store';

const DB_NAME = 'dualsight-history';
const STORE = 'entries';
export const HISTORY_LIMITS = {
  /** The offscreen document makes 3-8 KB JPEG thumbnails; anything far larger is not one of ours. */
  maxThumbnailChars: 16_384,
  thumbnailsKept: 1_000,
  /** Right-clicked inline images have data: URLs of any size; history keeps a recognisable prefix. */
  maxUrlChars: 2_048,
};

interface HistoryDb extends DBSchema {
  entries: { key: string; value: HistoryEntry; indexes: { 'by-url': string; 'by-at': number } };
}
type WriteTx = IDBPTransaction<HistoryDb, ['entries'], 'readwrite'>;

const connection = lazyConnection<HistoryDb>(DB_NAME, 1, (database) => {
  const store = database.createObjectStore(STORE, { keyPath: 'id' });
  store.createIndex('by-url', 'url');
  store.createIndex('by-at', 'at');
});
const db = connection.get;

/** Closes the connection (the next call reopens it). For tests and for other contexts' upgrades. */
export const closeHistoryDb = connection.close;

function shorten(url: string): string {
  const max = HISTORY_LIMITS.maxUrlChars;
  return url.length > max ? `${url.slice(0, max - 1)}…` : url;
}

/** The entry as stored: bounded URLs, an oversized thumbnail dropped (the verdict is what matters). */
function bounded(e: HistoryEntry): HistoryEntry {
  const out: HistoryEntry = { ...e, url: shorten(e.url), pageUrl: shorten(e.pageUrl) };
  if (out.thumbnail === undefined) delete out.thumbnail;
  else if (out.thumbnail.length > HISTORY_LIMITS.maxThumbnailChars) {
    console.warn(`history: thumbnail of ${out.thumbnail.length} chars not kept (limit ${HISTORY_LIMITS.maxThumbnailChars})`);
    delete out.thumbnail;
  }
  return out;
}

/** Drops the oldest entries beyond `cap`. */
async function trimToCap(tx: WriteTx, cap: number): Promise<void> {
  let excess = (await tx.store.count()) - cap;
  if (excess <= 0) return;
  let cursor = await tx.store.index('by-at').openCursor();
  while (cursor && excess > 0) {
    await cursor.delete();
    excess--;
    cursor = await cursor.continue();
  }
}

/**
 * Strips thumbnails from entries older than the newest `thumbnailsKept`. Each add pushes at most one
 * entry past that line and older ones were stripped before, so the walk stops at the first bare one.
 */
async function stripOldThumbnails(tx: WriteTx): Promise<void> {
  let cursor = await tx.store.index('by-at').openCursor(null, 'prev');
  if (cursor) cursor = await cursor.advance(HISTORY_LIMITS.thumbnailsKept);
  while (cursor && cursor.value.thumbnail !== undefined) {
    const { thumbnail: _dropped, ...rest } = cursor.value;
    await cursor.update(rest);
    cursor = await cursor.continue();
  }
}

/** Records a check, newest first; an older entry for the same image URL is replaced. */
export async function addEntry(e: HistoryEntry): Promise<void> {
  const problem = historyEntryProblem(e);
  if (problem) throw new Error(`history: entry refused (${problem})`);
  const entry = bounded(e);
  const { historyCap } = await loadSettings();
  const tx = (await db()).transaction(STORE, 'readwrite');
  for (const key of await tx.store.index('by-url').getAllKeys(entry.url)) await tx.store.delete(key);
  await tx.store.put(entry);
  await trimToCap(tx, historyCap);
  await stripOldThumbnails(tx);
  await tx.done;
}

/** Deletes records that are not valid entries, keeping every valid one, and says what it dropped. */
async function repair(bad: { key: IDBValidKey; problem: string }[]): Promise<void> {
  const tx = (await db()).transaction(STORE, 'readwrite');
  for (const { key } of bad) await tx.store.delete(key as string);
  await tx.done;
  const list = bad.map((b) => `${String(b.key)} (${b.problem})`).join(', ');
  console.warn(`history: dropped ${bad.length} corrupt entr${bad.length === 1 ? 'y' : 'ies'}: ${list}`);
}

export async function listEntries(q: HistoryQuery = {}): Promise<HistoryEntry[]> {
  const tx = (await db()).transaction(STORE, 'readonly');
  const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
  await tx.done;
  const valid: HistoryEntry[] = [];
  const bad: { key: IDBValidKey; problem: string }[] = [];
  values.forEach((value: unknown, i) => {
    const problem = historyEntryProblem(value);
    if (problem) bad.push({ key: keys[i] as IDBValidKey, problem });
    else valid.push(value as HistoryEntry);
  });
  if (bad.length > 0) await repair(bad);
  return applyQuery(valid, q);
}

export async function deleteEntry(id: string): Promise<void> {
  if (typeof id !== 'string' || id === '') throw new Error('history: delete needs an entry id');
  await (await db()).delete(STORE, id);
}

export async function clearHistory(): Promise<void> {
  await (await db()).clear(STORE);
}
