import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetFakeBrowser } from '../../test/unit/fake-browser';
import { entry, sampleEntries } from '../../test/unit/history-fixtures';
import { addEntry, clearHistory, closeHistoryDb, deleteEntry, listEntries, HISTORY_LIMITS } from './history-store';
import { updateSettings } from './settings-store';

vi.mock('webextension-polyfill', () => import('../../test/unit/fake-browser').then((m) => m.polyfillModule));

beforeEach(async () => {
  await closeHistoryDb();
  resetFakeBrowser();
});
afterEach(() => vi.restoreAllMocks());

const ids = (list: { id: string }[]) => list.map((e) => e.id);

describe('history store', () => {
  it('lists newest first and survives a restart (reopened database)', async () => {
    for (const e of sampleEntries().reverse()) await addEntry(e);
    await closeHistoryDb();
    expect(ids(await listEntries({}))).toEqual(['ai-cat', 'declared', 'real-dog', 'unsure-car', 'failed']);
  });

  it('filters by verdict class (declared AI counts as AI) and searches URL, page and objects', async () => {
    for (const e of sampleEntries()) await addEntry(e);
    expect(ids(await listEntries({ filter: 'ai' }))).toEqual(['ai-cat', 'declared']);
    expect(ids(await listEntries({ filter: 'real' }))).toEqual(['real-dog']);
    expect(ids(await listEntries({ filter: 'unsure' }))).toEqual(['unsure-car']);
    expect(ids(await listEntries({ filter: 'failed' }))).toEqual(['failed']);
    expect(ids(await listEntries({ search: 'FRISBEE' }))).toEqual(['real-dog']);
    expect(ids(await listEntries({ search: 'reddit.com/r/pics' }))).toEqual(['declared']);
    expect(ids(await listEntries({ search: 'media/unsure' }))).toEqual(['unsure-car']);
    expect(ids(await listEntries({ limit: 2 }))).toEqual(['ai-cat', 'declared']);
  });

  it('replaces an older entry for the same image URL', async () => {
    await addEntry(entry({ id: 'first', url: 'https://x/img.jpg', at: 1 }));
    await addEntry(entry({ id: 'second', url: 'https://x/img.jpg', at: 2 }));
    expect(ids(await listEntries({}))).toEqual(['second']);
  });

  it('keeps at most historyCap entries, dropping the oldest', async () => {
    await updateSettings({ historyCap: 10 });
    for (let i = 0; i < 14; i++) await addEntry(entry({ id: `e${i}`, at: 1000 + i }));
    const list = await listEntries({});
    expect(list).toHaveLength(10);
    expect(list[0]?.id).toBe('e13');
    expect(list.at(-1)?.id).toBe('e4');
  });

  it('loses no entry when many are added at once', async () => {
    await Promise.all(Array.from({ length: 40 }, (_, i) => addEntry(entry({ id: `c${i}`, at: 5000 + i }))));
    expect(await listEntries({})).toHaveLength(40);
  });

  it('bounds storage: oversized thumbnails and long data: URLs are cut', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const huge = `data:image/jpeg;base64,${'A'.repeat(HISTORY_LIMITS.maxThumbnailChars)}`;
    const inline = `data:image/png;base64,${'B'.repeat(100_000)}`;
    await addEntry(entry({ id: 'big', url: inline, thumbnail: huge }));
    const [stored] = await listEntries({});
    expect(stored?.thumbnail).toBeUndefined();
    expect(stored!.url.length).toBeLessThanOrEqual(2048);
    expect(stored!.url.startsWith('data:image/png;base64,BBB')).toBe(true);
  });

  it('keeps thumbnails only on the newest entries', async () => {
    // The same code path as the shipped limit of 1,000, on a size a unit test can afford.
    const kept = HISTORY_LIMITS.thumbnailsKept;
    HISTORY_LIMITS.thumbnailsKept = 6;
    const thumb = 'data:image/jpeg;base64,/9j/4AAQ';
    try {
      for (let i = 0; i < 9; i++) await addEntry(entry({ id: `t${i}`, at: i, thumbnail: thumb }));
    } finally {
      HISTORY_LIMITS.thumbnailsKept = kept;
    }
    const list = await listEntries({});
    expect(list).toHaveLength(9);
    expect(list.filter((e) => e.thumbnail).length).toBe(6);
    expect(ids(list.filter((e) => !e.thumbnail))).toEqual(['t2', 't1', 't0']);
  });

  it('deletes one entry and clears all', async () => {
    for (const e of sampleEntries()) await addEntry(e);
    await deleteEntry('real-dog');
    expect(ids(await listEntries({}))).not.toContain('real-dog');
    await clearHistory();
    expect(await listEntries({})).toEqual([]);
  });

  it('refuses an invalid entry', async () => {
    await expect(addEntry({ ...entry({ id: 'x' }), at: Number.NaN })).rejects.toThrow(/time invalid/);
  });

  it('repairs a corrupt store: keeps every valid entry, drops and logs the bad ones', async () => {
    for (const e of sampleEntries()) await addEntry(e);
    await closeHistoryDb();
    // Damage the database behind the store's back, as an old version or a bug could have.
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const r = indexedDB.open('dualsight-history');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const tx = db.transaction('entries', 'readwrite');
    tx.objectStore('entries').put({ id: 'junk', url: 42 });
    tx.objectStore('entries').put({ ...entry({ id: 'no-result' }), result: null });
    await new Promise((ok) => (tx.oncomplete = ok));
    db.close();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(ids(await listEntries({}))).toEqual(['ai-cat', 'declared', 'real-dog', 'unsure-car', 'failed']);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/dropped 2 corrupt entries: .*junk \(url missing\).*no-result \(result missing\)/));
    warn.mockClear();
    expect(await listEntries({})).toHaveLength(5);
    expect(warn).not.toHaveBeenCalled();
  });
});
