// The one verdict cache: a re-render or a recycled node showing a known image never re-runs the model.
// In storage.session: survives the service worker being killed, cleared when the browser closes or the
// extension is updated (which is also when the built-in model changes).
// Keyed by everything that makes the verdict: the active model, the settings that change what a verdict
// says (the AI threshold, the number of objects), and the image URL. A model or settings change therefore
// misses the cache on its own, without relying on anyone clearing it.
import browser from 'webextension-polyfill';
import type { CheckResult } from '../shared/verdict';

const PREFIX = 'verdict:';
const inFlight = new Map<string, Promise<CheckResult>>();

/** What a verdict depends on. */
export interface VerdictKey {
  /** The active model's id ("builtin" or "name@version", model-store.ts). */
  model: string;
  /** The user's sensitivity (null: the model's own threshold). */
  aiThreshold: number | null;
  /** Objects kept per image. */
  objectLimit: number;
  url: string;
}

/** The storage key; the URL comes last so that no URL can imitate another key's settings. */
export function verdictKey(k: VerdictKey): string {
  return `${PREFIX}${JSON.stringify([k.model, k.aiThreshold, k.objectLimit])}${k.url}`;
}

export async function cachedVerdict(k: VerdictKey): Promise<CheckResult | undefined> {
  const key = verdictKey(k);
  const got = await browser.storage.session.get(key).catch(() => ({}) as Record<string, unknown>);
  return got[key] as CheckResult | undefined;
}

export async function rememberVerdict(k: VerdictKey, result: CheckResult): Promise<void> {
  // Failures are not cached: a 404 or a network error may be gone on the next look.
  if (!result.ok) return;
  const key = verdictKey(k);
  try {
    await browser.storage.session.set({ [key]: result });
  } catch {
    // Quota (10 MB) reached: start the cache afresh rather than fail the check.
    await clearVerdicts();
    await browser.storage.session.set({ [key]: result }).catch(() => undefined);
  }
}

/** Frees the space of verdicts that no request can match any more (after a model or settings change). */
export async function clearVerdicts(): Promise<void> {
  const all = await browser.storage.session.get(null);
  const keys = Object.keys(all).filter((k) => k.startsWith(PREFIX));
  if (keys.length) await browser.storage.session.remove(keys);
}

/** Runs `work` once per key at a time; concurrent requests for the same verdict share it. */
export function once(k: VerdictKey, work: () => Promise<CheckResult>): Promise<CheckResult> {
  const key = verdictKey(k);
  const running = inFlight.get(key);
  if (running) return running;
  const p = work().finally(() => inFlight.delete(key));
  inFlight.set(key, p);
  return p;
}
