// Verdicts by image URL, so a re-render or a recycled node showing a known image never re-runs the
// model. In storage.session: survives the service worker being killed, cleared when the browser closes.
import browser from 'webextension-polyfill';
import type { CheckResult } from '../shared/verdict';

const PREFIX = 'verdict:';
const inFlight = new Map<string, Promise<CheckResult>>();

export async function cachedVerdict(url: string): Promise<CheckResult | undefined> {
  const key = PREFIX + url;
  const got = await browser.storage.session.get(key).catch(() => ({}) as Record<string, unknown>);
  return got[key] as CheckResult | undefined;
}

export async function rememberVerdict(url: string, result: CheckResult): Promise<void> {
  // Failures are not cached: a 404 or a network error may be gone on the next look.
  if (!result.ok) return;
  try {
    await browser.storage.session.set({ [PREFIX + url]: result });
  } catch {
    // Quota (10 MB) reached: start the cache afresh rather than fail the check.
    await clearVerdicts();
    await browser.storage.session.set({ [PREFIX + url]: result }).catch(() => undefined);
  }
}

export async function clearVerdicts(): Promise<void> {
  const all = await browser.storage.session.get(null);
  const keys = Object.keys(all).filter((k) => k.startsWith(PREFIX));
  if (keys.length) await browser.storage.session.remove(keys);
}

/** Runs `work` once per URL at a time; concurrent requests for the same URL share it. */
export function once(url: string, work: () => Promise<CheckResult>): Promise<CheckResult> {
  const running = inFlight.get(url);
  if (running) return running;
  const p = work().finally(() => inFlight.delete(url));
  inFlight.set(url, p);
  return p;
}
