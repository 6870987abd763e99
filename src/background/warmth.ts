// When the model is loaded, and when it is let go. Loading it (offscreen document, WebAssembly runtime,
// model session) takes about a second, and a session's first run is slower than the rest, so it is
// started before any image asks for it: when the browser starts with auto-scan on for any site, and
// when a tab starts loading an auto-scanned site. It stays loaded while checks keep coming or a tab
// shows an auto-scanned site, and is let go after IDLE_MS without either (its memory freed).
import browser from 'webextension-polyfill';
import { autoScanEnabled, type Settings } from '../shared/settings';
import type { InferenceClient } from './inference-client';
import { loadSettings } from './settings-store';

export const IDLE_MS = 10 * 60_000;
export const IDLE_ALARM = 'dualsight-idle';
const LAST_USE = 'engineLastUse';

/** Last time this worker recorded a use; a minute's precision is plenty against a 10-minute idle limit. */
let recorded = 0;

/** Records that the model was just used or warmed (storage.session: the worker may be stopped). */
export function touched(now = Date.now()): Promise<void> {
  if (now - recorded < 60_000) return Promise.resolve();
  recorded = now;
  return browser.storage.session.set({ [LAST_USE]: now }).catch(() => undefined);
}

/** Whether any of these page URLs is on an auto-scanned site. */
export function feedOpen(urls: (string | undefined)[], settings: Settings): boolean {
  return urls.some((u) => {
    try {
      const { protocol, hostname } = new URL(u ?? '');
      return (protocol === 'https:' || protocol === 'http:') && autoScanEnabled(settings, hostname);
    } catch {
      return false;
    }
  });
}

/** Whether to let the model go: idle for IDLE_MS and no auto-scanned page open. */
export function shouldRelease(lastUse: number | undefined, now: number, anyFeedOpen: boolean): boolean {
  return !anyFeedOpen && (lastUse === undefined || now - lastUse >= IDLE_MS);
}

/** Starts the model now (and records the use, so the idle release waits). */
export async function warm(client: InferenceClient, settings: Settings): Promise<void> {
  await touched();
  await client.status(settings.backend);
}

/** At browser start or install: warm the model when auto-scan is on for any site. */
export async function warmAtStart(client: InferenceClient): Promise<void> {
  const settings = await loadSettings();
  if (Object.values(settings.sites).some(Boolean)) await warm(client, settings);
}

/** A tab started loading `url`: warm the model when it is an auto-scanned site. */
export async function warmFor(client: InferenceClient, url: string): Promise<void> {
  const settings = await loadSettings();
  if (feedOpen([url], settings)) await warm(client, settings);
}

/** The idle alarm: lets the model go when nothing needs it. */
export async function releaseIfIdle(client: InferenceClient, now = Date.now()): Promise<boolean> {
  const settings = await loadSettings();
  const tabs = await browser.tabs.query({});
  const lastUse = (await browser.storage.session.get(LAST_USE))[LAST_USE] as number | undefined;
  if (!shouldRelease(lastUse, now, feedOpen(tabs.map((t) => t.url), settings))) return false;
  await client.reset();
  return true;
}

/** Registers the start-up warm and the idle alarm (every listener at the worker's start, as MV3 needs). */
export function manageWarmth(client: InferenceClient): void {
  const start = () => void warmAtStart(client).catch(() => undefined);
  browser.runtime.onStartup.addListener(start);
  browser.runtime.onInstalled.addListener(start);
  void browser.alarms?.create(IDLE_ALARM, { periodInMinutes: 5 });
  browser.alarms?.onAlarm.addListener((alarm) => {
    if (alarm.name === IDLE_ALARM) void releaseIfIdle(client).catch(() => undefined);
  });
}
