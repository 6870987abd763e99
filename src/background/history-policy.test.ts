import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../shared/settings';
import type { CheckResult } from '../shared/verdict';
import { historyPageUrl, shouldRecord } from './history-policy';

const verdict = (v: 'ai' | 'unsure' | 'real', declared: 'ai' | 'camera' | null = null): CheckResult => ({
  ok: true, ai: { probability: 0.5, verdict: v }, objects: [], model: 'm@1', backend: 'wasm', modelMs: 1, ms: 2,
  provenance: { declared, signals: [] },
});
const s = (patch: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...patch });

describe('shouldRecord', () => {
  it('never records a private window, always a right-click elsewhere', () => {
    expect(shouldRecord('context-menu', true, verdict('ai'), s({ historyFeed: 'all' }))).toBe(false);
    expect(shouldRecord('feed', true, verdict('ai'), s({ historyFeed: 'all' }))).toBe(false);
    expect(shouldRecord('context-menu', false, verdict('real'), s({ historyFeed: 'none' }))).toBe(true);
  });

  it('by default keeps feed checks judged or declared AI only', () => {
    expect(shouldRecord('feed', false, verdict('ai'), s())).toBe(true);
    expect(shouldRecord('feed', false, verdict('real', 'ai'), s())).toBe(true);
    expect(shouldRecord('feed', false, verdict('real'), s())).toBe(false);
    expect(shouldRecord('feed', false, verdict('unsure'), s())).toBe(false);
    expect(shouldRecord('feed', false, { ok: false, error: 'x' }, s())).toBe(false);
    expect(shouldRecord('feed', false, verdict('real'), s({ historyFeed: 'all' }))).toBe(true);
    expect(shouldRecord('feed', false, verdict('ai'), s({ historyFeed: 'none' }))).toBe(false);
  });
});

describe('historyPageUrl', () => {
  it('keeps origin and path, not the query or fragment, unless the user opts in', () => {
    const u = 'https://www.reddit.com/r/pics/search/?q=my+name&session=abc#frag';
    expect(historyPageUrl(u, s())).toBe('https://www.reddit.com/r/pics/search/');
    expect(historyPageUrl(u, s({ historyFullPageUrl: true }))).toBe(u);
    expect(historyPageUrl('', s())).toBe('');
    expect(historyPageUrl('not a url', s())).toBe('');
  });
});
