import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser, resetFakeBrowser } from '../../test/unit/fake-browser';
import { DEFAULT_SETTINGS } from '../shared/settings';
import { loadSettings, onSettingsChanged, updateSettings } from './settings-store';

vi.mock('webextension-polyfill', () => import('../../test/unit/fake-browser').then((m) => m.polyfillModule));

beforeEach(resetFakeBrowser);

describe('settings store', () => {
  it('gives the defaults when nothing is stored', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('repairs a corrupt value field by field and persists the repair', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await fakeBrowser.storage.local.set({
      settings: { schema: 1, sites: { 'example.com': true, 'bad.com': 'yes' }, aiThreshold: 7, blurAi: true, backend: 'cuda' },
    });
    const s = await loadSettings();
    expect(s.blurAi).toBe(true);
    expect(s.sites['example.com']).toBe(true);
    expect(s.sites['bad.com']).toBeUndefined();
    expect(s.aiThreshold).toBeNull();
    expect(s.backend).toBe('auto');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('aiThreshold'));
    const stored = (await fakeBrowser.storage.local.get('settings')).settings;
    expect(stored).toEqual(s);
    warn.mockRestore();
  });

  it('applies valid patches and refuses invalid or unknown ones', async () => {
    expect((await updateSettings({ aiThreshold: 0.8, backend: 'wasm' })).aiThreshold).toBe(0.8);
    await expect(updateSettings({ aiThreshold: 1.5 })).rejects.toThrow(/aiThreshold/);
    await expect(updateSettings({ schema: 2 } as never)).rejects.toThrow(/schema/);
    const s = await loadSettings();
    expect(s).toMatchObject({ aiThreshold: 0.8, backend: 'wasm' });
  });

  it('serialises concurrent updates so none is lost', async () => {
    await Promise.all([
      updateSettings({ blurAi: true }),
      updateSettings({ backend: 'webgpu' }),
      updateSettings({ aiThreshold: 0.6 }),
      updateSettings({ historyCap: 50 }),
    ]);
    expect(await loadSettings()).toMatchObject({ blurAi: true, backend: 'webgpu', aiThreshold: 0.6, historyCap: 50 });
  });

  it('tells listeners the new and previous settings', async () => {
    const seen: [boolean, boolean][] = [];
    const stop = onSettingsChanged((next, prev) => seen.push([next.blurAi, prev.blurAi]));
    await updateSettings({ blurAi: true });
    stop();
    await updateSettings({ blurAi: false });
    expect(seen).toEqual([[true, false]]);
  });
});

describe('the mark', () => {
  it('keeps a short mark, refuses a long or control-character one, and a new install picks one', async () => {
    const { repairSettings, randomMark, MARK_MAX } = await import('../shared/settings');
    expect(repairSettings({ mark: ' 🦊 fox ' }).settings.mark).toBe('🦊 fox');
    expect(repairSettings({ mark: 'x'.repeat(MARK_MAX + 1) }).repaired).toEqual(['mark']);
    expect(repairSettings({ mark: 'a\u0007b' }).repaired).toEqual(['mark']);
    expect([...randomMark(() => 0.99)]).toHaveLength(2);
    expect(randomMark(() => 0)).toBe('★★');
  });
});
