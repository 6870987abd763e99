// "Export as JSON": the history as a file the user downloads (Blob URL + <a download>; needs no
// "downloads" permission). The URL is revoked once the click has been handled.
import type { HistoryEntry } from '../shared/history-types';

export function historyFileName(now = new Date()): string {
  return `dualsight-history-${now.toISOString().slice(0, 10)}.json`;
}

export function downloadHistory(entries: HistoryEntry[], doc: Document = document): void {
  const body = JSON.stringify({ format: 'dualsight-history@1', exportedAt: new Date().toISOString(), entries }, null, 2);
  const url = URL.createObjectURL(new Blob([body], { type: 'application/json' }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = historyFileName();
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
