// What a check leaves in history, by the user's privacy settings: private windows leave nothing;
// right-click checks are always kept (the user asked); feed checks by settings.historyFeed (default: only
// images judged likely AI or declared AI, so the history is not a log of everything the user scrolled
// past); the page address is kept as origin + path unless the user opts in to the full address (query
// strings and fragments carry session tokens and searches).
import type { Settings } from '../shared/settings';
import type { ImageOrigin } from '../shared/messages';
import type { CheckResult } from '../shared/verdict';

export function shouldRecord(origin: ImageOrigin, incognito: boolean, result: CheckResult, s: Settings): boolean {
  if (incognito) return false;
  if (origin === 'context-menu') return true;
  if (s.historyFeed === 'all') return true;
  if (s.historyFeed === 'none' || !result.ok) return false;
  return result.ai.verdict === 'ai' || result.provenance?.declared === 'ai';
}

export function historyPageUrl(pageUrl: string, s: Settings): string {
  if (s.historyFullPageUrl || !pageUrl) return pageUrl;
  try {
    const u = new URL(pageUrl);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return `${u.protocol}`;
    return `${u.origin}${u.pathname}`;
  } catch {
    return '';
  }
}
