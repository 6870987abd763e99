// Service worker / background page wiring. Listeners are registered synchronously at start-up so a
// service worker woken by an event finds them (MV3 may kill and restart it at any moment).
import browser from 'webextension-polyfill';
import type { Menus, Runtime, Tabs } from 'webextension-polyfill';
import { listen, sendToTab } from '../shared/messaging';
import type { BackgroundToContent, ContentToBackground, PageToBackground } from '../shared/messages';
import { autoScanEnabled, randomMark } from '../shared/settings';
import { cancelCheck, checkImage, setActiveModel } from './check';
import { isCancelled } from './infer-queue';
import { manageWarmth, touched, warm, warmFor } from './warmth';
import { countCheck, forgetTab, resetTab } from './tab-counts';
import { historyProblem } from './history-health';
import { installPrivateNetworkRule } from './private-network-rule';
import { createContextMenu, MENU_ID, onMenuClick } from './context-menu';
import { clearHistory, deleteEntry, listEntries } from './history-store';
import type { InferenceClient } from './inference-client';
import { loadSettings, onSettingsChanged, updateSettings } from './settings-store';
import { checkImageRequest } from '../shared/validate';
import { contentToBackground, pageToBackground } from '../shared/protocol-rules';
import { clearVerdicts } from './verdict-cache';
import { downloadIfDue, manageTrustListDownload } from './trust-list-download';
import { importTrustList, setUserAnchors, trustStatus } from './trust-list-store';

async function broadcastSettings(): Promise<void> {
  const settings = await loadSettings();
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map(async (tab) => {
      if (tab.id === undefined || !tab.url) return;
      let host: string;
      try {
        host = new URL(tab.url).hostname;
      } catch {
        return;
      }
      await sendToTab<BackgroundToContent, 'settings-changed'>(tab.id, 'settings-changed', {
        autoScan: autoScanEnabled(settings, host),
        blurAi: settings.blurAi,
        mark: settings.mark,
      }, 2_000).catch(() => undefined); // tabs without our content script
    }),
  );
}

/** The tab frame a content script's request came from: only that frame can cancel it. */
function holderOf(sender: Runtime.MessageSender): string | undefined {
  return sender.tab?.id === undefined ? undefined : `${sender.tab.id}:${sender.frameId ?? 0}`;
}

export function startBackground(client: InferenceClient): void {
  installPrivateNetworkRule().catch((err: Error) => console.warn('DualSight: private-network rule not installed:', err.message));
  browser.runtime.onInstalled.addListener(() => {
    createContextMenu();
    // The user's mark for the detail cards (settings.mark), picked once; the popup can change it.
    void loadSettings()
      .then((s) => (s.mark ? undefined : updateSettings({ mark: randomMark() })))
      .catch((err: Error) => console.warn('DualSight: no mark set:', err.message));
  });
  // "Clear history on browser close": done at the next start, the first moment the extension runs again.
  browser.runtime.onStartup.addListener(() => {
    void loadSettings()
      .then((s) => (s.clearHistoryOnClose ? clearHistory() : undefined))
      .catch((err: Error) => console.warn('DualSight: history not cleared at start-up:', err.message));
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    onMenuClick(client, info, tab).catch((err: Error) => console.error('DualSight: verify failed:', err));
  });

  listen<ContentToBackground>(
    'background',
    contentToBackground,
    {
      'check-image': async (req, sender) => {
        void touched();
        const result = await checkImage(client, {
          url: req.url,
          origin: req.origin,
          pageUrl: sender.tab?.url ?? req.pageUrl,
          incognito: sender.tab?.incognito === true,
          holder: holderOf(sender),
        });
        if (sender.tab?.id !== undefined && !isCancelled(result)) void countCheck(sender.tab.id, result).catch(() => undefined);
        return result;
      },
      'cancel-check': ({ url }, sender) => {
        const holder = holderOf(sender);
        if (holder) cancelCheck(url, holder);
      },
      'site-settings': async ({ host }) => {
        const settings = await loadSettings();
        const autoScan = autoScanEnabled(settings, host);
        // A feed is opening: start the model now (document, runtime, session) rather than at its first
        // image, so the first badge does not wait for the whole cold start.
        if (autoScan) void warm(client, settings).catch(() => undefined);
        return { autoScan, blurAi: settings.blurAi, mark: settings.mark };
      },
    },
  );

  listen<PageToBackground>(
    'background',
    pageToBackground,
    {
      'history:list': (q) => listEntries(q),
      'history:delete': ({ id }) => deleteEntry(id),
      'history:clear': () => clearHistory(),
      'history:problem': () => historyProblem(),
      'settings:get': () => loadSettings(),
      'settings:set': (patch) => updateSettings(patch),
      'engine:status': async () => client.status((await loadSettings()).backend),
      'model:activate': async ({ id }) => {
        const check = await client.checkModel(id);
        if (!check.ok) throw new Error(`model refused, the previous model stays active: ${check.error}`);
        await setActiveModel(id);
        await client.reset();
        await clearVerdicts();
        return client.status((await loadSettings()).backend);
      },
      'trust:status': async () => trustStatus((await loadSettings()).trustListDownload),
      'trust:import': async ({ text, name }) => {
        await importTrustList(text, name);
        await clearVerdicts();
        return trustStatus((await loadSettings()).trustListDownload);
      },
      'trust:anchors': async ({ pem }) => {
        await setUserAnchors(pem);
        await clearVerdicts();
        return trustStatus((await loadSettings()).trustListDownload);
      },
      'trust:refresh': async () => {
        await downloadIfDue(true);
        return trustStatus((await loadSettings()).trustListDownload);
      },
    },
  );
  manageTrustListDownload();

  // Debugging/test entry point (service-worker console, end-to-end tests): the same path as a click on
  // the context-menu item, since a native context menu cannot be clicked by automation. Only code running
  // in this worker can reach it (no page can), and its input passes the same validator as a message.
  (globalThis as { dualsight?: unknown }).dualsight = {
    check: (url: string) => {
      const req = checkImageRequest({ url, origin: 'context-menu' });
      return checkImage(client, { url: req.url, origin: 'context-menu', pageUrl: '' });
    },
    verifyImage: (srcUrl: string, tabId?: number, frameId?: number) =>
      onMenuClick(client, { menuItemId: MENU_ID, srcUrl, frameId, editable: false, modifiers: [] } as Menus.OnClickData,
        tabId === undefined ? undefined : ({ id: tabId } as Tabs.Tab)),
  };

  // Earlier still than the content script (which starts when the page is idle): a tab starting to load
  // an auto-scanned site warms the model while the page itself loads (warmth.ts).
  manageWarmth(client);
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status !== 'loading') return;
    void resetTab(tabId);
    if (change.url) void warmFor(client, change.url).catch(() => undefined);
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId).catch(() => undefined));

  onSettingsChanged((next, previous) => {
    // The cache key holds the threshold, so old verdicts are never served; clearing frees their space.
    // The engine depends on the backend: start it afresh.
    if (next.aiThreshold !== previous.aiThreshold || next.backend !== previous.backend) {
      void clearVerdicts();
      if (next.backend !== previous.backend) void client.reset();
    }
    if (next.trustListDownload && !previous.trustListDownload) void downloadIfDue().catch(() => undefined);
    void broadcastSettings();
  });
}
