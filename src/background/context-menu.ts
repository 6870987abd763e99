// Right-click "Verify image with DualSight" on any image on any site.
import browser from 'webextension-polyfill';
import type { Menus, Tabs } from 'webextension-polyfill';
import { sendToTab } from '../shared/messaging';
import type { BackgroundToContent } from '../shared/messages';
import type { CheckResult } from '../shared/verdict';
import { failureLine, summaryLine } from '../shared/wording';
import { checkImage } from './check';
import type { InferenceClient } from './inference-client';

export const MENU_ID = 'dualsight-verify-image';

export function createContextMenu(): void {
  browser.contextMenus.removeAll().then(() =>
    browser.contextMenus.create({ id: MENU_ID, title: 'Verify image with DualSight', contexts: ['image'] }),
  );
}

/** The notification's text, in the badge's words: "Likely real · person, dog — AI score 6%". */
export function describe(result: CheckResult): string {
  return result.ok ? summaryLine(result) : failureLine(result.error);
}

async function notify(result: CheckResult): Promise<void> {
  await browser.notifications.create({
    type: 'basic',
    iconUrl: browser.runtime.getURL('icons/icon-128.png'),
    title: 'DualSight',
    message: describe(result),
  });
}

export async function onMenuClick(client: InferenceClient, info: Menus.OnClickData, tab?: Tabs.Tab): Promise<void> {
  if (info.menuItemId !== MENU_ID || !info.srcUrl) return;
  // The page shows the result next to the image when it can (content script present) ...
  if (tab?.id !== undefined && tab.id >= 0) {
    const shown = await sendToTab<BackgroundToContent, 'verify-image'>(tab.id, 'verify-image', { srcUrl: info.srcUrl }, 5_000, info.frameId)
      .then((r) => r.found)
      .catch(() => false);
    if (shown) return;
  }
  // ... else (restricted page, data: image, no matching element) the background checks it and notifies.
  if (!/^https?:/.test(info.srcUrl)) {
    await notify({ ok: false, error: 'only http(s) images can be checked' });
    return;
  }
  const result = await checkImage(client, { url: info.srcUrl, origin: 'context-menu', pageUrl: info.pageUrl ?? tab?.url ?? '', incognito: tab?.incognito === true });
  await notify(result);
}
