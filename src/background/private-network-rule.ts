// Every hop of the extension's own image downloads is kept off local and private network addresses by a
// declarativeNetRequest session rule: the browser follows redirects itself, and the offscreen fetch can
// only judge where the last hop went (src/shared/check/fetch.ts), after the hops before it were made.
// The rule matches requests whose initiator is this extension only, so the user's browsing is untouched.
import browser from 'webextension-polyfill';
import { PRIVATE_TARGET_REGEXES } from '../shared/net/private-address';

/** Session rule ids 1..n are this module's. */
const FIRST_RULE_ID = 1;

export async function installPrivateNetworkRule(): Promise<void> {
  const dnr = (browser as unknown as { declarativeNetRequest?: typeof chrome.declarativeNetRequest }).declarativeNetRequest;
  if (!dnr) return;
  const extensionHost = new URL(browser.runtime.getURL('')).host;
  const ids = PRIVATE_TARGET_REGEXES.map((_, i) => FIRST_RULE_ID + i);
  await dnr.updateSessionRules({
    removeRuleIds: ids,
    addRules: PRIVATE_TARGET_REGEXES.map((regexFilter, i) => ({
      id: ids[i]!,
      priority: 1,
      action: { type: 'block' as chrome.declarativeNetRequest.RuleActionType },
      condition: {
        regexFilter,
        isUrlFilterCaseSensitive: false,
        initiatorDomains: [extensionHost],
        resourceTypes: ['xmlhttprequest', 'image', 'other'] as chrome.declarativeNetRequest.ResourceType[],
      },
    })),
  });
}
