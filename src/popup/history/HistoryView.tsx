// The history tab: search, verdict filter, the list (newest first, a page at a time), export, clear.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { HistoryEntry, HistoryFilter } from '../../shared/history-types';
import { errorText, type Announce } from '../announce';
import type { PopupData } from '../data';
import { downloadHistory } from '../export-json';
import { ClearAll } from './ClearAll';
import { HistoryItem } from './HistoryItem';
import { HistoryProblemNote } from './HistoryProblemNote';
import { useDebounced } from './use-debounced';

/** Entries per page: thumbnails travel in the message, so the popup asks for a screenful at a time. */
export const PAGE_SIZE = 30;
export const SEARCH_DEBOUNCE_MS = 200;

const FILTERS: { value: HistoryFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'ai', label: 'AI' },
  { value: 'real', label: 'Real' },
  { value: 'unsure', label: 'Unsure' },
  { value: 'unscored', label: 'Not scored' },
  { value: 'failed', label: 'Failed' },
];

interface Props {
  data: PopupData;
  announce: Announce;
}

export function HistoryView({ data, announce }: Props) {
  const [filter, setFilter] = useState<HistoryFilter>('all');
  const [searchInput, setSearchInput] = useState('');
  const search = useDebounced(searchInput, SEARCH_DEBOUNCE_MS);
  const [pages, setPages] = useState(1);
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const list = useRef<HTMLUListElement>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const focusAfterDelete = useRef<number | null>(null);

  useEffect(() => setPages(1), [filter, search]);

  useEffect(() => {
    let current = true;
    const limit = pages * PAGE_SIZE;
    // One more than shown tells whether there is a next page.
    data.listHistory({ filter, search, limit: limit + 1 }).then(
      (got) => {
        if (!current) return;
        setEntries(got.slice(0, limit));
        setHasMore(got.length > limit);
        setLoadError(null);
      },
      (err: unknown) => current && setLoadError(errorText(err)),
    );
    return () => {
      current = false;
    };
  }, [data, filter, search, pages]);

  // After a delete, keep keyboard focus in the list: on the entry that took the deleted one's place.
  useEffect(() => {
    const index = focusAfterDelete.current;
    if (index === null || !entries) return;
    focusAfterDelete.current = null;
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>('button.delete');
    const target = buttons?.[Math.min(index, buttons.length - 1)];
    (target ?? searchBox.current)?.focus();
  }, [entries]);

  const remove = async (entry: HistoryEntry) => {
    try {
      await data.deleteEntry(entry.id);
      focusAfterDelete.current = entries?.findIndex((e) => e.id === entry.id) ?? null;
      setEntries((now) => now?.filter((e) => e.id !== entry.id) ?? null);
      announce('Entry deleted.');
    } catch (err) {
      announce(`Could not delete the entry: ${errorText(err)}`);
    }
  };

  const clearAll = async () => {
    try {
      await data.clearHistory();
      setEntries([]);
      setHasMore(false);
      announce('History cleared.');
      searchBox.current?.focus();
    } catch (err) {
      announce(`Could not clear the history: ${errorText(err)}`);
    }
  };

  const exportAll = async () => {
    try {
      const all = await data.listHistory({});
      downloadHistory(all);
      announce(`Exported ${all.length} entr${all.length === 1 ? 'y' : 'ies'} as JSON.`);
    } catch (err) {
      announce(`Could not export: ${errorText(err)}`);
    }
  };

  const filtered = filter !== 'all' || search.trim() !== '';
  return (
    <div class="history">
      <HistoryProblemNote data={data} />
      <div class="search-row">
        <label for="history-search" class="visually-hidden">
          Search history by image URL, page or object
        </label>
        <input
          id="history-search"
          ref={searchBox}
          type="search"
          placeholder="Search URL, page, objects…"
          value={searchInput}
          onInput={(e) => setSearchInput(e.currentTarget.value)}
        />
      </div>
      <fieldset class="filters">
        <legend class="visually-hidden">Show</legend>
        {FILTERS.map((f) => (
          <label key={f.value} class={`filter filter-${f.value}`}>
            <input type="radio" name="history-filter" value={f.value} checked={filter === f.value} onChange={() => setFilter(f.value)} />
            <span>{f.label}</span>
          </label>
        ))}
      </fieldset>
      <div class="history-scroll">
        {loadError && (
          <p class="error-text" role="alert">
            Could not load the history: {loadError}
          </p>
        )}
        {entries === null && !loadError && <p class="empty">Loading…</p>}
        {entries?.length === 0 && <p class="empty">{filtered ? 'No entries match.' : 'No images checked yet.'}</p>}
        {entries && entries.length > 0 && (
          <ul class="entries" ref={list} aria-label="Checked images, newest first">
            {entries.map((e) => (
              <HistoryItem key={e.id} entry={e} onDelete={remove} />
            ))}
          </ul>
        )}
        {hasMore && (
          <button type="button" class="more" onClick={() => setPages((p) => p + 1)}>
            Show more
          </button>
        )}
      </div>
      <div class="history-actions">
        <button type="button" onClick={exportAll} disabled={entries?.length === 0 && !filtered}>
          Export JSON
        </button>
        <ClearAll disabled={entries?.length === 0 && !filtered} onConfirm={clearAll} />
      </div>
    </div>
  );
}
