// The once-a-day download of the C2PA Trust List (trust-list-store.ts), driven by an alarm so a
// service worker woken at any time keeps the schedule; nothing is downloaded while
// settings.trustListDownload is off. The first run waits a few minutes after start-up.
import browser from 'webextension-polyfill';
import { loadSettings } from './settings-store';
import { refreshTrustList } from './trust-list-store';
import { clearVerdicts } from './verdict-cache';

const ALARM = 'trust-list-download';

/** Downloads when switched on and a day has passed since the last attempt; verdicts are redone with the new list. */
export async function downloadIfDue(force = false): Promise<void> {
  if (!(await loadSettings()).trustListDownload) return;
  if ((await refreshTrustList({ force })) === 'updated') await clearVerdicts();
}

export function manageTrustListDownload(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void downloadIfDue().catch((err: Error) => console.warn('DualSight: trust list not downloaded:', err.message));
  });
  void browser.alarms.get(ALARM).then((a) => (a ? undefined : browser.alarms.create(ALARM, { delayInMinutes: 5, periodInMinutes: 60 })));
}
