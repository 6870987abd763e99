// Who may send each message and how its data is checked, declared beside the protocols (messages.ts):
// `listen` (messaging.ts) applies both before any handler runs, so a handler only ever sees a request
// from an allowed sender in a valid shape.
import type { BackgroundToContent, BackgroundToOffscreen, ContentToBackground, PageToBackground, Protocol } from './messages';
import type { Settings } from './settings';
import {
  backendRequest, cancelCheckRequest, checkImageRequest, contentSettings, empty, historyQuery, idRequest, inferRequest, settingsPatch, siteSettingsRequest,
  trustAnchorsRequest, trustImportRequest, verifyImageRequest,
} from './validate';

/**
 * - content-script: a content script in a web page's tab (untrusted: the page can drive it);
 * - extension-page: one of the extension's own pages (popup, options), in a tab or not;
 * - background: the extension's service worker or background page.
 */
export type SenderKind = 'content-script' | 'extension-page' | 'background';

export interface MessageRule<Req> {
  from: readonly SenderKind[];
  validate(data: unknown): Req;
}

export type ProtocolRules<P extends Protocol> = { [K in keyof P]: MessageRule<P[K]['req']> };

export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: unknown;
}

/**
 * What kind of sender this is, for this extension (`base`: runtime.getURL(''), `backgroundFile`: the
 * background script's path under it); null for anything else (another extension, a web page).
 */
export function senderKind(sender: SenderInfo, extensionId: string, base: string, backgroundFile: string): SenderKind | null {
  if (sender.id !== extensionId) return null;
  if (sender.url?.startsWith(base)) return sender.url.slice(base.length).split(/[?#]/)[0] === backgroundFile ? 'background' : 'extension-page';
  if (sender.tab !== undefined && sender.tab !== null) return 'content-script';
  // The service worker's messages to tabs may carry no URL.
  return sender.url === undefined ? 'background' : null;
}

export const contentToBackground: ProtocolRules<ContentToBackground> = {
  'check-image': { from: ['content-script'], validate: checkImageRequest },
  'cancel-check': { from: ['content-script'], validate: cancelCheckRequest },
  'site-settings': { from: ['content-script'], validate: siteSettingsRequest },
};

// Firefox's background page has a generated URL, so it reads as an extension page; web pages cannot
// message a content script through the runtime at all.
export const backgroundToContent: ProtocolRules<BackgroundToContent> = {
  'verify-image': { from: ['background', 'extension-page'], validate: verifyImageRequest },
  'settings-changed': { from: ['background', 'extension-page'], validate: contentSettings },
};

export const backgroundToOffscreen: ProtocolRules<BackgroundToOffscreen> = {
  infer: { from: ['background'], validate: inferRequest },
  'engine-status': { from: ['background'], validate: backendRequest },
  'model-check': { from: ['background'], validate: idRequest },
};

export const pageToBackground: ProtocolRules<PageToBackground> = {
  'history:list': { from: ['extension-page'], validate: historyQuery },
  'history:delete': { from: ['extension-page'], validate: idRequest },
  'history:clear': { from: ['extension-page'], validate: empty },
  'history:problem': { from: ['extension-page'], validate: empty },
  'settings:get': { from: ['extension-page'], validate: empty },
  'settings:set': { from: ['extension-page'], validate: (d) => settingsPatch<Settings>(d) },
  'engine:status': { from: ['extension-page'], validate: empty },
  'trust:status': { from: ['extension-page'], validate: empty },
  'trust:import': { from: ['extension-page'], validate: trustImportRequest },
  'trust:anchors': { from: ['extension-page'], validate: trustAnchorsRequest },
  'trust:refresh': { from: ['extension-page'], validate: empty },
  'model:activate': { from: ['extension-page'], validate: idRequest },
};
