// The popup's data from the background, over the typed popup->background protocol.
import browser from 'webextension-polyfill';
import { send } from '../shared/messaging';
import type { PageToBackground } from '../shared/messages';
import type { PopupData } from './data';

/** The background answers from storage; a popup that waits longer than this shows an error instead. */
const TIMEOUT_MS = 10_000;

export function backgroundData(): PopupData {
  return {
    listHistory: (q) => send<PageToBackground, 'history:list'>('background', 'history:list', q, TIMEOUT_MS),
    deleteEntry: (id) => send<PageToBackground, 'history:delete'>('background', 'history:delete', { id }, TIMEOUT_MS),
    clearHistory: () => send<PageToBackground, 'history:clear'>('background', 'history:clear', {}, TIMEOUT_MS),
    historyProblem: () => send<PageToBackground, 'history:problem'>('background', 'history:problem', {}, TIMEOUT_MS),
    getSettings: () => send<PageToBackground, 'settings:get'>('background', 'settings:get', {}, TIMEOUT_MS),
    updateSettings: (patch) => send<PageToBackground, 'settings:set'>('background', 'settings:set', patch, TIMEOUT_MS),
    // May include loading the model on first use: the default (longer) timeout.
    engineStatus: () => send<PageToBackground, 'engine:status'>('background', 'engine:status', {}),
    async activeHost() {
      // The URL of the active tab is readable thanks to "activeTab" (granted by opening the popup).
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (!tab?.url) return null;
      const url = new URL(tab.url);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.hostname : null;
    },
    openModelSettings: () => void browser.runtime.openOptionsPage(),
  };
}
