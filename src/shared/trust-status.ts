// What the options page shows about the C2PA trust list: where it came from, its issue date and next
// update, whether it is current, stale (past its next update) or missing, and the user's own anchors.

export interface TrustListStatus {
  state: 'missing' | 'current' | 'stale';
  /** From the list itself (the LoTE JSON form); absent for a PEM bundle. */
  issued?: string;
  nextUpdate?: string;
  source?: string;
  /** Anchors in the list. */
  count?: number;
  /** When the list was last downloaded or imported (ms since epoch). */
  obtainedAt?: number;
  /** Whether the daily download is on, when it last ran, why it failed, and when it is next due. */
  download: boolean;
  lastAttempt?: number;
  lastError?: string;
  nextDownload?: number;
  /** The user's own anchors (PEM), absent when none. */
  userPem?: string;
}

export function listState(list: { nextUpdate?: string } | undefined, now: number): TrustListStatus['state'] {
  if (!list) return 'missing';
  const next = list.nextUpdate ? Date.parse(list.nextUpdate) : NaN;
  return Number.isFinite(next) && next < now ? 'stale' : 'current';
}

/** One line for the options page. */
export function trustListLine(s: TrustListStatus): string {
  if (s.state === 'missing') {
    return 'No C2PA Trust List: no image can be shown as "Camera-signed" until one is downloaded or imported.';
  }
  const dates = [s.issued && `issued ${s.issued.slice(0, 10)}`, s.nextUpdate && `next update ${s.nextUpdate.slice(0, 10)}`].filter(Boolean).join(', ');
  const stale = s.state === 'stale' ? ' It is past its next update: a newer list should exist.' : '';
  return `C2PA Trust List${s.count !== undefined ? ` (${s.count} anchors)` : ''}${dates ? `, ${dates}` : ''}${s.source ? `; ${s.source}` : ''}.${stale}`;
}
