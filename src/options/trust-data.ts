// What the options page's trust-list section reads and changes (a mock serves it in tests): the list
// in use and its dates, importing a list file, the user's own anchors, the daily download switch.
import { send } from '../shared/messaging';
import type { PageToBackground } from '../shared/messages';
import type { TrustListStatus } from '../shared/trust-status';

export interface TrustData {
  status(): Promise<TrustListStatus>;
  importList(text: string, name: string): Promise<TrustListStatus>;
  setAnchors(pem: string): Promise<TrustListStatus>;
  /** Downloads now (only when downloads are on). */
  refresh(): Promise<TrustListStatus>;
  setDownload(on: boolean): Promise<void>;
}

const DOWNLOAD_TIMEOUT_MS = 60_000;

export function extensionTrustData(): TrustData {
  return {
    status: () => send<PageToBackground, 'trust:status'>('background', 'trust:status', {}),
    importList: (text, name) => send<PageToBackground, 'trust:import'>('background', 'trust:import', { text, name }),
    setAnchors: (pem) => send<PageToBackground, 'trust:anchors'>('background', 'trust:anchors', { pem }),
    refresh: () => send<PageToBackground, 'trust:refresh'>('background', 'trust:refresh', {}, DOWNLOAD_TIMEOUT_MS),
    setDownload: async (on) => {
      await send<PageToBackground, 'settings:set'>('background', 'settings:set', { trustListDownload: on });
    },
  };
}
