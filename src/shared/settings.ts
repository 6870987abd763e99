// User settings: one schema, versioned, validated on load (a corrupt value is repaired field by field).
import type { BackendChoice } from './messages';

export interface Settings {
  schema: 1;
  /** Hosts with automatic feed scanning; X/Twitter and Reddit on by default, other sites off. */
  sites: Record<string, boolean>;
  /** Sensitivity: P(AI) at or above which an image is "likely AI" (the model's own threshold by default). */
  aiThreshold: number | null;
  blurAi: boolean;
  backend: BackendChoice;
  /** Most history entries kept; oldest dropped first. */
  historyCap: number;
  /**
   * Which feed checks go into history: "ai" (default) only those judged likely AI or declared AI,
   * "all", or "none". Right-click checks are always recorded; checks from private windows never.
   */
  historyFeed: HistoryFeed;
  /** Keep the page's full address (query string and fragment) in history; off: origin and path only. */
  historyFullPageUrl: boolean;
  /** Empty the history when the browser starts again after being closed. */
  clearHistoryOnClose: boolean;
  /**
   * The user's mark, shown in every DualSight detail card: a page cannot read it (closed shadow root),
   * so a card a page forges lacks it. Picked at random on install; the user can change it.
   */
  mark: string;
  /**
   * Download the C2PA Trust List from its published location (c2pa-org/conformance-public) at most
   * once a day; off: only a list imported on the options page is used. The only request DualSight
   * makes besides the images it checks.
   */
  trustListDownload: boolean;
}

/** Longest mark, in characters (an emoji or a short word). */
export const MARK_MAX = 16;
// Symbols every common font draws (colour emoji are missing from many Linux systems).
const MARK_CHOICES = ['★', '♣', '♦', '♥', '♠', '☀', '☂', '☘', '⚓', '♫', '✿', '❄', '☯', '⚡', '✈', '☕'];

/** A random mark for a new install. */
export function randomMark(random: () => number = Math.random): string {
  const pick = () => MARK_CHOICES[Math.floor(random() * MARK_CHOICES.length)]!;
  return pick() + pick();
}

export type HistoryFeed = 'ai' | 'all' | 'none';

export const DEFAULT_SITES: Record<string, boolean> = {
  'x.com': true,
  'twitter.com': true,
  'reddit.com': true,
};

export const DEFAULT_SETTINGS: Settings = {
  schema: 1,
  sites: { ...DEFAULT_SITES },
  aiThreshold: null,
  blurAi: false,
  backend: 'auto',
  historyCap: 500,
  historyFeed: 'ai',
  historyFullPageUrl: false,
  clearHistoryOnClose: false,
  mark: '',
  trustListDownload: true,
};

/** Site key for a hostname: "www.reddit.com", "old.reddit.com" -> "reddit.com"; "mobile.x.com" -> "x.com". */
export function siteKey(host: string): string {
  const h = host.toLowerCase().replace(/\.$/, '');
  for (const known of Object.keys(DEFAULT_SITES)) {
    if (h === known || h.endsWith(`.${known}`)) return known;
  }
  return h.replace(/^www\./, '');
}

export function autoScanEnabled(s: Settings, host: string): boolean {
  return s.sites[siteKey(host)] ?? false;
}

/** Repairs whatever was stored into valid settings, keeping every field that is valid. */
export function repairSettings(raw: unknown): { settings: Settings; repaired: string[] } {
  const repaired: string[] = [];
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  if (raw !== undefined && (typeof raw !== 'object' || raw === null)) repaired.push('settings');
  const s: Settings = { ...DEFAULT_SETTINGS, sites: { ...DEFAULT_SITES } };
  if (r.sites !== undefined) {
    if (typeof r.sites === 'object' && r.sites !== null) {
      for (const [k, v] of Object.entries(r.sites)) {
        if (typeof v === 'boolean') s.sites[k] = v;
        else repaired.push(`sites.${k}`);
      }
    } else repaired.push('sites');
  }
  if (r.aiThreshold !== undefined) {
    if (r.aiThreshold === null || (typeof r.aiThreshold === 'number' && r.aiThreshold > 0 && r.aiThreshold < 1)) {
      s.aiThreshold = r.aiThreshold as number | null;
    } else repaired.push('aiThreshold');
  }
  if (r.blurAi !== undefined) {
    if (typeof r.blurAi === 'boolean') s.blurAi = r.blurAi;
    else repaired.push('blurAi');
  }
  if (r.backend !== undefined) {
    if (r.backend === 'auto' || r.backend === 'webgpu' || r.backend === 'wasm') s.backend = r.backend;
    else repaired.push('backend');
  }
  if (r.historyCap !== undefined) {
    if (typeof r.historyCap === 'number' && Number.isInteger(r.historyCap) && r.historyCap >= 10 && r.historyCap <= 10000) {
      s.historyCap = r.historyCap;
    } else repaired.push('historyCap');
  }
  if (r.historyFeed !== undefined) {
    if (r.historyFeed === 'ai' || r.historyFeed === 'all' || r.historyFeed === 'none') s.historyFeed = r.historyFeed;
    else repaired.push('historyFeed');
  }
  if (r.mark !== undefined) {
    if (typeof r.mark === 'string' && [...r.mark].length <= MARK_MAX && !/[\u0000-\u001f]/.test(r.mark)) s.mark = r.mark.trim();
    else repaired.push('mark');
  }
  for (const k of ['historyFullPageUrl', 'clearHistoryOnClose', 'trustListDownload'] as const) {
    if (r[k] === undefined) continue;
    if (typeof r[k] === 'boolean') s[k] = r[k];
    else repaired.push(k);
  }
  return { settings: s, repaired };
}
