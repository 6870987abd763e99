// How a history entry reads in the popup: verdict words and tone (the same colours as the badges,
// always with a text label, never colour alone), percentages, hosts and times.
import { headline } from '../shared/verdict';
import type { HistoryEntry } from '../shared/history-types';

export type Tone = 'ai' | 'unsure' | 'real' | 'failed';

export function verdictLabel(e: HistoryEntry): { text: string; tone: Tone } {
  if (!e.result.ok) return { text: 'Failed', tone: 'failed' };
  switch (headline(e.result)) {
    case 'ai-declared':
      return { text: 'AI (declared)', tone: 'ai' };
    case 'camera-signed':
      return { text: 'Camera (signed)', tone: 'real' };
    case 'ai':
      return { text: 'Likely AI', tone: 'ai' };
    case 'real':
      return { text: 'Likely real', tone: 'real' };
    default:
      return { text: 'Unsure', tone: 'unsure' };
  }
}

export const percent = (p: number): string => `${Math.round(p * 100)}%`;

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
