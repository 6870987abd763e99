// Settings persisted in storage.local under one key. Every read is repaired field by field
// (repairSettings) and the repair is written back; every update is validated and serialised, so two
// quick toggles from the popup cannot overwrite each other.
import browser from 'webextension-polyfill';
import { repairSettings, type Settings } from '../shared/settings';

const KEY = 'settings';

let writes: Promise<unknown> = Promise.resolve();

/** Runs read-modify-write steps one at a time (the service worker is the only writer). */
function serialised<T>(step: () => Promise<T>): Promise<T> {
  const run = writes.then(step);
  writes = run.catch(() => undefined);
  return run;
}

async function readRepaired(): Promise<Settings> {
  const raw = (await browser.storage.local.get(KEY))[KEY];
  const { settings, repaired } = repairSettings(raw);
  if (repaired.length > 0) {
    console.warn(`settings: repaired invalid ${repaired.join(', ')}; other values kept`);
    await browser.storage.local.set({ [KEY]: settings });
  }
  return settings;
}

export function loadSettings(): Promise<Settings> {
  return serialised(readRepaired);
}

const PATCHABLE = new Set<keyof Settings>(['sites', 'aiThreshold', 'blurAi', 'backend', 'historyCap', 'historyFeed', 'historyFullPageUrl', 'clearHistoryOnClose', 'mark', 'trustListDownload']);

/** Applies a partial update; an invalid value is refused with the names of the bad fields. */
export function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  return serialised(async () => {
    if (typeof patch !== 'object' || patch === null) throw new Error('settings: update must be an object');
    const unknown = Object.keys(patch).filter((k) => !PATCHABLE.has(k as keyof Settings));
    if (unknown.length > 0) throw new Error(`settings: unknown or read-only field(s) ${unknown.join(', ')}`);
    const current = await readRepaired();
    const { settings, repaired } = repairSettings({ ...current, ...patch });
    if (repaired.length > 0) throw new Error(`settings: invalid value for ${repaired.join(', ')}`);
    await browser.storage.local.set({ [KEY]: settings });
    return settings;
  });
}

/** Calls `cb` with the new and previous (repaired) settings whenever they change, from any context. */
export function onSettingsChanged(cb: (next: Settings, previous: Settings) => void): () => void {
  const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    const change = changes[KEY];
    if (area !== 'local' || !change || change.newValue === undefined) return;
    cb(repairSettings(change.newValue).settings, repairSettings(change.oldValue).settings);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
