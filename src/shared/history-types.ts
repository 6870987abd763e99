// History of checked images, as the popup shows and exports it.
import { IMAGE_KINDS, type CheckResult, type ImageKind } from './verdict';
import type { ImageOrigin } from './messages';

export interface HistoryEntry {
  id: string;
  /** Image URL that was checked. */
  url: string;
  pageUrl: string;
  origin: ImageOrigin;
  /** Epoch milliseconds. */
  at: number;
  /** Small JPEG data URL, absent when the image could not be decoded. */
  thumbnail?: string;
  result: CheckResult;
}

/** Verdict buckets; "unscored": images of a kind the model does not score (graphics). */
export type HistoryFilter = 'all' | 'ai' | 'real' | 'unsure' | 'unscored' | 'failed';

export interface HistoryQuery {
  filter?: HistoryFilter;
  /** Case-insensitive text matched against URL, page and object names. */
  search?: string;
  limit?: number;
}

/**
 * Why a stored value is not a usable HistoryEntry, or null when it is. Storage outlives code versions
 * and can be damaged, so the store checks every record it reads (and repairs around the bad ones).
 */
export function historyEntryProblem(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'not an object';
  const e = raw as Record<string, unknown>;
  if (typeof e.id !== 'string' || e.id === '') return 'id missing';
  if (typeof e.url !== 'string' || e.url === '') return 'url missing';
  if (typeof e.pageUrl !== 'string') return 'pageUrl missing';
  if (e.origin !== 'feed' && e.origin !== 'context-menu') return 'origin invalid';
  if (typeof e.at !== 'number' || !Number.isFinite(e.at)) return 'time invalid';
  if (e.thumbnail !== undefined && (typeof e.thumbnail !== 'string' || !e.thumbnail.startsWith('data:image/'))) {
    return 'thumbnail invalid';
  }
  return checkResultProblem(e.result);
}

function checkResultProblem(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null) return 'result missing';
  const r = raw as Record<string, unknown>;
  if (r.ok === false) return typeof r.error === 'string' ? null : 'failure without error text';
  if (r.ok !== true) return 'result.ok invalid';
  const ai = r.ai as Record<string, unknown> | undefined;
  if (typeof ai?.probability !== 'number' || !['ai', 'unsure', 'real', 'none'].includes(ai.verdict as string)) return 'ai score invalid';
  if (r.kind !== undefined && !IMAGE_KINDS.includes(r.kind as ImageKind)) return 'kind invalid';
  const objectsOk =
    Array.isArray(r.objects) &&
    r.objects.every((o: unknown) => typeof (o as { label?: unknown })?.label === 'string' && typeof (o as { score?: unknown }).score === 'number');
  if (!objectsOk) return 'objects invalid';
  if (typeof r.model !== 'string' || typeof r.backend !== 'string') return 'model/backend missing';
  return null;
}

/** The last failed history write, shown in the popup until a later write succeeds. */
export interface HistoryProblem {
  at: number;
  message: string;
}
