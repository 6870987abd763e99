// History of checked images, as the popup shows and exports it.
import type { CheckResult } from './verdict';
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

export type HistoryFilter = 'all' | 'ai' | 'real' | 'unsure' | 'failed';

export interface HistoryQuery {
  filter?: HistoryFilter;
  /** Case-insensitive text matched against URL, page and object names. */
  search?: string;
  limit?: number;
}
