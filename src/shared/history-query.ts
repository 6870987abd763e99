// What a history query means (filter classes, search, order). One definition shared by the background
// store and the popup's mock data source, so the popup test exercises the same rules the store applies.
import { headline } from './verdict';
import { KIND_NAMES } from './wording';
import type { HistoryEntry, HistoryFilter, HistoryQuery } from './history-types';

export type VerdictClass = Exclude<HistoryFilter, 'all'>;

/** The filter bucket of an entry: declared AI counts as "ai", a camera-signed C2PA capture as "real". */
export function verdictClass(e: HistoryEntry): VerdictClass {
  if (!e.result.ok) return 'failed';
  const h = headline(e.result);
  if (h === 'ai' || h === 'ai-declared') return 'ai';
  if (h === 'real' || h === 'camera-signed') return 'real';
  if (h === 'none') return 'unscored';
  return 'unsure';
}

export function matchesQuery(e: HistoryEntry, q: HistoryQuery): boolean {
  if (q.filter && q.filter !== 'all' && verdictClass(e) !== q.filter) return false;
  const needle = q.search?.trim().toLowerCase();
  if (!needle) return true;
  const objects = e.result.ok ? e.result.objects.map((o) => o.label) : [];
  // The kind is searchable by its word ("graphic", "artwork", "photo with text").
  const kind = e.result.ok && e.result.kind ? [e.result.kind, KIND_NAMES[e.result.kind]] : [];
  return [e.url, e.pageUrl, ...objects, ...kind].some((text) => text.toLowerCase().includes(needle));
}

/** Matching entries, newest first, at most q.limit of them. */
export function applyQuery(entries: readonly HistoryEntry[], q: HistoryQuery): HistoryEntry[] {
  const hits = entries.filter((e) => matchesQuery(e, q)).sort((a, b) => b.at - a.at);
  return q.limit !== undefined && q.limit >= 0 ? hits.slice(0, q.limit) : hits;
}
