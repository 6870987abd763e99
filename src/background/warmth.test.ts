import { describe, expect, it, vi } from 'vitest';
vi.mock('webextension-polyfill', () => ({ default: {} }));
import { DEFAULT_SETTINGS } from '../shared/settings';
import { feedOpen, IDLE_MS, shouldRelease } from './warmth';

describe('warmth', () => {
  it('knows an auto-scanned page when it sees one', () => {
    expect(feedOpen(['https://example.org/', 'https://www.reddit.com/r/pics/'], DEFAULT_SETTINGS)).toBe(true);
    expect(feedOpen(['https://example.org/', undefined, 'chrome://newtab/', 'not a url'], DEFAULT_SETTINGS)).toBe(false);
    expect(feedOpen(['https://x.com/home'], { ...DEFAULT_SETTINGS, sites: { ...DEFAULT_SETTINGS.sites, 'x.com': false } })).toBe(false);
  });

  it('lets the model go only after IDLE_MS without use and with no auto-scanned page open', () => {
    const now = 1_000_000_000;
    expect(shouldRelease(now - IDLE_MS, now, false)).toBe(true);
    expect(shouldRelease(undefined, now, false)).toBe(true);
    expect(shouldRelease(now - IDLE_MS + 1, now, false)).toBe(false);
    expect(shouldRelease(now - 10 * IDLE_MS, now, true)).toBe(false);
  });
});
