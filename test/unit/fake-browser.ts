// The fake browser API for unit tests: @webext-core/fake-browser (WXT's in-memory storage, tabs,
// runtime messaging) standing in for webextension-polyfill, plus fake-indexeddb. In a test file:
//
//   vi.mock('webextension-polyfill', () => import('../../test/unit/fake-browser').then((m) => m.polyfillModule));
//   beforeEach(resetFakeBrowser);
//
// (vi.mock is hoisted per file, so each file names it.)
import { fakeBrowser as wxtFakeBrowser } from '@webext-core/fake-browser';
import { IDBFactory } from 'fake-indexeddb';
import 'fake-indexeddb/auto';

export const fakeBrowser = wxtFakeBrowser;

/** What `import browser from 'webextension-polyfill'` gets in tests. */
export const polyfillModule = { default: wxtFakeBrowser };

/** Empty storage, no listeners, no tabs, and an empty IndexedDB; call before each test. */
export function resetFakeBrowser(): void {
  wxtFakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
}
