// In-memory popup data: the same query rules as the background store (shared/history-query.ts),
// no extension APIs. Used by the popup's tests and for working on the UI in a plain page.
import { applyQuery } from '../shared/history-query';
import type { HistoryEntry, HistoryProblem } from '../shared/history-types';
import type { EngineStatus } from '../shared/messages';
import { DEFAULT_SETTINGS, repairSettings, type Settings } from '../shared/settings';
import type { PopupData } from './data';

export interface MockState {
  entries: HistoryEntry[];
  settings: Settings;
  status: EngineStatus;
  host: string | null;
  optionsOpened: number;
  historyProblem: HistoryProblem | null;
}

export function mockData(init: Partial<MockState> = {}): PopupData & { state: MockState } {
  const state: MockState = {
    entries: [],
    settings: structuredClone(DEFAULT_SETTINGS),
    status: { model: 'dualsight-lite@1.0.0', backend: 'wasm', note: 'WebGPU is not available here' },
    host: 'x.com',
    optionsOpened: 0,
    historyProblem: null,
    ...init,
  };
  return {
    state,
    listHistory: async (q) => structuredClone(applyQuery(state.entries, q)),
    async deleteEntry(id) {
      state.entries = state.entries.filter((e) => e.id !== id);
    },
    async clearHistory() {
      state.entries = [];
    },
    historyProblem: async () => state.historyProblem,
    getSettings: async () => structuredClone(state.settings),
    async updateSettings(patch) {
      const { settings, repaired } = repairSettings({ ...state.settings, ...patch });
      if (repaired.length > 0) throw new Error(`settings: invalid value for ${repaired.join(', ')}`);
      state.settings = settings;
      return structuredClone(settings);
    },
    engineStatus: async () => state.status,
    activeHost: async () => state.host,
    openModelSettings: () => void state.optionsOpened++,
  };
}
