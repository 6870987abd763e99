// How a history entry reads in the popup: the verdict in the words of every other surface
// (src/shared/wording.ts), a tone that is only a second cue, percentages, hosts and times.
import type { HistoryEntry } from '../shared/history-types';
import { FAILED_LABEL, toneOf, verdictLabel as verdictWords, type VerdictTone } from '../shared/wording';

export { percent } from '../shared/wording';

/** The popup's colour classes follow its filter: declared AI counts as AI, camera-signed as real. */
export type Tone = 'ai' | 'unsure' | 'real' | 'unscored' | 'failed';

const POPUP_TONE: Record<VerdictTone, Tone> = { ai: 'ai', 'declared-ai': 'ai', unsure: 'unsure', real: 'real', camera: 'real', unscored: 'unscored' };

export function verdictLabel(e: HistoryEntry): { text: string; tone: Tone } {
  if (!e.result.ok) return { text: FAILED_LABEL, tone: 'failed' };
  return { text: verdictWords(e.result), tone: POPUP_TONE[toneOf(e.result)] };
}

/** "x.com", or the start of a URL that has no host (data:, blob:). */
export function shortPlace(url: string): string {
  try {
    const u = new URL(url);
    if (u.hostname) return u.hostname.replace(/^www\./, '');
  } catch {
    // not a URL: fall through
  }
  return url.length > 32 ? `${url.slice(0, 31)}…` : url;
}

export const isWebUrl = (url: string): boolean => /^https?:\/\//i.test(url);

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.35],
  ['month', 12],
  ['year', Infinity],
];

export function timeAgo(at: number, now = Date.now()): string {
  let value = (at - now) / 1000;
  for (const [unit, size] of STEPS) {
    if (Math.abs(value) < size) return relative.format(Math.round(value), unit);
    value /= size;
  }
  return new Date(at).toLocaleDateString();
}
