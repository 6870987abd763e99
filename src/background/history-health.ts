// A history write that fails (storage quota, a broken database) is not only logged in the worker's
// console, which no user opens: the last failure is kept in storage.local and the popup shows it above
// the history until a later write succeeds.
import browser from 'webextension-polyfill';
import type { HistoryProblem } from '../shared/history-types';

const KEY = 'historyWriteProblem';
/** Whether storage is known to hold no problem (saves a write per entry once cleared). */
let knownClear = false;

export async function historyWriteFailed(err: unknown): Promise<void> {
  const message = err instanceof Error ? err.message : String(err);
  console.warn('DualSight: history not saved:', message);
  knownClear = false;
  const problem: HistoryProblem = { at: Date.now(), message: message.slice(0, 300) };
  await browser.storage.local.set({ [KEY]: problem }).catch(() => undefined);
}

export async function historyWriteSucceeded(): Promise<void> {
  if (knownClear) return;
  await browser.storage.local.remove(KEY).catch(() => undefined);
  knownClear = true;
}

export async function historyProblem(): Promise<HistoryProblem | null> {
  const got = await browser.storage.local.get(KEY);
  const p = got[KEY] as HistoryProblem | undefined;
  return p && typeof p.at === 'number' && typeof p.message === 'string' ? p : null;
}
