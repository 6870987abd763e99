// The offscreen document closed while checks are in flight (Chrome may discard it; a crash does the
// same): each interrupted check is asked once more on a fresh document, and none ends with a browser's
// internal error message.
import { describe, expect, it } from 'vitest';
import { withExtensionBrowser } from './harness/suite';

const suite = withExtensionBrowser();

describe('offscreen document closed mid-check', () => {
  it('retries the interrupted checks on a fresh document: all 10 end done', async () => {
    const sw = suite.ext.serviceWorker;
    const results = await sw.evaluate(async () => {
      type R = { ok: boolean; error?: string };
      const check = (globalThis as unknown as { dualsight: { check(u: string): Promise<R> } }).dualsight.check;
      const urls = Array.from({ length: 10 }, (_, i) => `https://pbs.twimg.com/media/ds${String(i + 11).padStart(2, '0')}?fault=1`);
      const all = urls.map((u) => check(u));
      // Close the document as soon as it exists, while the first checks are running in it.
      for (let i = 0; i < 200; i++) {
        const open = await chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT] });
        if (open.length) {
          await new Promise((r) => setTimeout(r, 300));
          await chrome.offscreen.closeDocument();
          break;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      return Promise.all(all);
    });
    expect(results.filter((r) => !r.ok).map((r) => r.error)).toEqual([]);
  }, 180_000);
});
