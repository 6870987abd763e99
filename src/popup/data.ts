// Everything the popup reads or changes, behind one interface: the real one talks to the background
// (background-data.ts), the mock one serves fixed data (mock-data.ts) so the UI renders and is tested
// without an extension around it (Dark Reader's ui/connect/mock.ts does the same).
import type { HistoryEntry, HistoryProblem, HistoryQuery } from '../shared/history-types';
import type { EngineStatus } from '../shared/messages';
import type { Settings } from '../shared/settings';

export interface PopupData {
  listHistory(q: HistoryQuery): Promise<HistoryEntry[]>;
  deleteEntry(id: string): Promise<void>;
  clearHistory(): Promise<void>;
  /** The last failed history write, if no write succeeded since. */
  historyProblem(): Promise<HistoryProblem | null>;
  getSettings(): Promise<Settings>;
  updateSettings(patch: Partial<Settings>): Promise<Settings>;
  engineStatus(): Promise<EngineStatus>;
  /** Host name of the active tab when it is a web page (http/https), else null. */
  activeHost(): Promise<string | null>;
  openModelSettings(): void;
}
