// @vitest-environment happy-dom
// The popup rendered from mock data (no extension, no background): what a user sees and can do.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { entry, sampleEntries } from '../../test/unit/history-fixtures';
import { App } from './App';
import { PAGE_SIZE } from './history/HistoryView';
import { mockData } from './mock-data';

let root: HTMLElement;

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
});

async function until<T>(probe: () => T | null | undefined | false, what: string): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const got = probe();
    if (got) return got;
    await act(() => new Promise((r) => setTimeout(r, 20)));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const entryIds = () => [...root.querySelectorAll<HTMLElement>('li.entry')].map((li) => li.dataset.entryId);
const status = () => root.querySelector('[role="status"]')?.textContent ?? '';
const byText = (selector: string, text: string) =>
  [...root.querySelectorAll<HTMLElement>(selector)].find((el) => el.textContent?.trim() === text);

async function mount(data = mockData({ entries: sampleEntries() })) {
  await act(() => render(<App data={data} />, root));
  await until(() => entryIds().length > 0 || root.querySelector('.empty:not(:empty)'), 'history');
  return data;
}

async function click(el: HTMLElement | null | undefined) {
  if (!el) throw new Error('element to click not found');
  await act(() => el.click());
}

describe('popup history', () => {
  it('lists entries newest first with verdict text (as on the badge), AI score and objects', async () => {
    await mount();
    expect(entryIds()).toEqual(['ai-cat', 'declared', 'real-dog', 'unsure-car', 'failed']);
    const first = root.querySelector('li.entry')!;
    expect(first.querySelector('.verdict')?.textContent).toBe('Likely AI 93%');
    expect(first.querySelector('.pct')).toBeNull(); // the verdict carries the score already
    expect(root.querySelector('[data-entry-id="real-dog"] .verdict')?.textContent).toBe('Likely real');
    expect(root.querySelector('[data-entry-id="real-dog"] .pct')?.textContent).toMatch(/^AI score \d+%$/);
    expect(root.querySelector('[data-entry-id="failed"] .verdict')?.textContent).toBe('Could not check');
    expect(first.textContent).toContain('cat, sofa');
    expect(root.querySelector('[data-entry-id="declared"] .verdict')?.textContent).toBe('AI (declared)');
    expect(root.querySelector('[data-entry-id="declared"] .provenance')?.textContent).toBe('C2PA: created by DALL-E');
    expect(root.querySelector('[data-entry-id="failed"]')?.textContent).toContain('image could not be decoded');
    expect(root.querySelector('ul.entries')?.getAttribute('aria-label')).toMatch(/newest first/);
    expect(root.textContent).toContain('dualsight-lite@1.0.0');
  });

  it('gives the signal behind a declaration, never an absent one', async () => {
    const declared = entry({
      id: 'iptc',
      result: {
        ok: true, ai: { probability: 0.1, verdict: 'real' }, objects: [], model: 'm@1', backend: 'wasm', modelMs: 1, ms: 2,
        provenance: {
          declared: 'ai',
          signals: [
            { kind: 'c2pa', summary: 'No C2PA Content Credentials', present: false },
            { kind: 'iptc', summary: 'XMP (PNG): DigitalSourceType trainedAlgorithmicMedia', ai: true },
          ],
        },
      },
    });
    await mount(mockData({ entries: [declared] }));
    expect(root.querySelector('[data-entry-id="iptc"] .provenance')?.textContent).toBe('XMP (PNG): DigitalSourceType trainedAlgorithmicMedia');
    expect(root.textContent).not.toContain('No C2PA');
  });

  it('filters by verdict class', async () => {
    await mount();
    await click(root.querySelector<HTMLInputElement>('input[name="history-filter"][value="ai"]'));
    await until(() => entryIds().length === 2 && entryIds(), 'AI filter');
    expect(entryIds()).toEqual(['ai-cat', 'declared']);
    await click(root.querySelector<HTMLInputElement>('input[name="history-filter"][value="failed"]'));
    await until(() => entryIds().length === 1, 'failed filter');
    expect(entryIds()).toEqual(['failed']);
  });

  it('searches URL, page and object names', async () => {
    await mount();
    const box = root.querySelector<HTMLInputElement>('#history-search')!;
    expect(root.querySelector('label[for="history-search"]')).not.toBeNull();
    await act(() => {
      box.value = 'frisbee';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await until(() => entryIds().length === 1, 'search results');
    expect(entryIds()).toEqual(['real-dog']);
    await act(() => {
      box.value = 'no-such-thing';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await until(() => byText('.empty', 'No entries match.'), 'empty result');
  });

  it('shows a page at a time', async () => {
    const many = Array.from({ length: PAGE_SIZE + 5 }, (_, i) => entry({ id: `e${i}`, at: i }));
    await mount(mockData({ entries: many }));
    expect(entryIds()).toHaveLength(PAGE_SIZE);
    expect(entryIds()[0]).toBe(`e${PAGE_SIZE + 4}`);
    await click(byText('button', 'Show more'));
    await until(() => entryIds().length === PAGE_SIZE + 5, 'second page');
    expect(byText('button', 'Show more')).toBeUndefined();
  });

  it('deletes one entry and announces it', async () => {
    const data = await mount();
    await click(root.querySelector<HTMLButtonElement>('[data-entry-id="real-dog"] button.delete'));
    await until(() => !entryIds().includes('real-dog'), 'deletion');
    expect(data.state.entries.map((e) => e.id)).not.toContain('real-dog');
    expect(status()).toBe('Entry deleted.');
    // Focus stays in the list, on the entry that took the deleted one's place.
    await until(() => (document.activeElement as HTMLElement | null)?.closest('li')?.dataset.entryId === 'unsure-car', 'focus on the next entry');
  });

  it('clears all only after confirmation', async () => {
    const data = await mount();
    await click(byText('button', 'Clear all…'));
    await click(byText('button', 'Cancel'));
    expect(data.state.entries).toHaveLength(5);
    await click(byText('button', 'Clear all…'));
    await click(byText('button', 'Delete all'));
    await until(() => byText('.empty', 'No images checked yet.'), 'empty history');
    expect(data.state.entries).toHaveLength(0);
    expect(status()).toBe('History cleared.');
  });

  it('exports the whole history as a JSON file', async () => {
    await mount();
    let blob: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blob = b as Blob;
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    await click(byText('button', 'Export JSON'));
    await until(() => blob, 'export');
    const file = JSON.parse(await blob!.text());
    expect(file.format).toBe('dualsight-history@1');
    expect(file.entries.map((e: { id: string }) => e.id)).toEqual(['ai-cat', 'declared', 'real-dog', 'unsure-car', 'failed']);
    expect(status()).toBe('Exported 5 entries as JSON.');
  });
});

describe('popup settings', () => {
  async function openSettings(data = mockData({ entries: sampleEntries(), host: 'old.reddit.com' })) {
    await mount(data);
    await click(root.querySelector<HTMLElement>('#tab-settings'));
    await until(() => root.querySelector('form.settings'), 'settings form');
    return data;
  }

  it('switches auto-scan for the site in the active tab', async () => {
    const data = await openSettings();
    const current = root.querySelector<HTMLInputElement>('.current-site input')!;
    expect(root.querySelector('.current-site')?.textContent).toContain('reddit.com');
    expect(current.checked).toBe(true);
    await click(current);
    await until(() => data.state.settings.sites['reddit.com'] === false, 'saved');
    expect(status()).toBe('Auto-scan off for reddit.com.');
  });

  it('sets the sensitivity and returns to the model default', async () => {
    const data = await openSettings();
    const slider = root.querySelector<HTMLInputElement>('#ai-threshold')!;
    expect(slider.disabled).toBe(true);
    await click(byText('label', "Use the model's default threshold")?.querySelector('input'));
    await until(() => data.state.settings.aiThreshold === 0.5, 'custom threshold');
    await act(() => {
      slider.value = '0.8';
      slider.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await until(() => data.state.settings.aiThreshold === 0.8, 'threshold 0.8');
    await until(() => root.querySelector('output')?.textContent === '80%', 'slider value shown');
    await click(byText('label', "Use the model's default threshold")?.querySelector('input'));
    await until(() => data.state.settings.aiThreshold === null, 'default threshold');
  });

  it('chooses the backend and shows the one in use', async () => {
    const data = await openSettings();
    expect(root.querySelector('.in-use')?.textContent).toBe('In use: WASM');
    await click(root.querySelector<HTMLInputElement>('input[name="backend"][value="webgpu"]'));
    await until(() => data.state.settings.backend === 'webgpu', 'backend saved');
    expect(status()).toBe('Backend set to WebGPU.');
  });

  it('turns blurring on', async () => {
    const data = await openSettings();
    await click(byText('label', 'Blur images that are likely AI (click a blurred image to reveal it)')?.querySelector('input'));
    await until(() => data.state.settings.blurAi, 'blur saved');
  });

  it('sets what history keeps: feed checks, full page addresses, clearing on close', async () => {
    const data = await openSettings();
    expect(data.state.settings.historyFeed).toBe('ai');
    const select = root.querySelector<HTMLSelectElement>('fieldset select')!;
    await act(() => {
      select.value = 'all';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await until(() => data.state.settings.historyFeed === 'all', 'feed history saved');
    await click(byText('label', 'Keep full page addresses (with search terms and other parameters)')?.querySelector('input'));
    await until(() => data.state.settings.historyFullPageUrl, 'full addresses saved');
    await click(byText('label', 'Clear history when the browser closes')?.querySelector('input'));
    await until(() => data.state.settings.clearHistoryOnClose, 'clear on close saved');
  });

  it('says so when the history could not save recent checks', async () => {
    await mount(mockData({ entries: sampleEntries(), historyProblem: { at: Date.UTC(2026, 10, 29), message: 'QuotaExceededError: storage is full' } }));
    await until(() => root.querySelector('.history-problem') !== null, 'problem shown');
    expect(root.querySelector('.history-problem')?.textContent).toMatch(/could not be saved in the history .*QuotaExceededError: storage is full/);
  });

  it('tabs are keyboard operable', async () => {
    await mount();
    const historyTab = root.querySelector<HTMLElement>('#tab-history')!;
    historyTab.focus();
    await act(() => {
      historyTab.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    });
    expect(root.querySelector('#tab-settings')?.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement?.id).toBe('tab-settings');
  });
});
