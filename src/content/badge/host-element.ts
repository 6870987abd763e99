// The element a badge lives in, made so that no page can hide it or stop it from being made.
// - New Reddit hides every unregistered custom element (`:not(:defined){visibility:hidden}`) until its
//   scripts define its own; our <dualsight-badge> is never registered (a Chromium content script sees
//   `customElements` as null: checked with Chromium 156), so a page rule like that hid every badge
//   (issue 11: 0 of 49 visible on real Reddit markup while data-dualsight said "done"). The inline guard
//   below wins over any page stylesheet rule, !important ones included: the style attribute outranks
//   stylesheets of the same origin and importance, and `all:initial` resets every property a page rule
//   could set on the host.
// - A page that registers "dualsight-badge" first owns the element: its constructor runs in our host, and
//   attachShadow throws when that constructor already attached a shadow root (issue 12: every badge on
//   the site failed). Then the host is a plain <span>, which no page definition can reach.

export const HOST_TAG = 'dualsight-badge';
/** Used when the page owns HOST_TAG; a built-in element that accepts a shadow root. */
const FALLBACK_TAG = 'span';

/**
 * The guard every host carries inline, before its box (placement.ts): reset everything, then the few
 * properties that make it drawn and on top. pointer-events stays off on the host so the image under it
 * keeps its clicks; the badge inside turns them back on.
 */
export const HOST_GUARD = 'all:initial!important;display:block!important;visibility:visible!important;' +
  'opacity:1!important;position:absolute!important;z-index:2147483000!important;pointer-events:none!important;' +
  'overflow:visible!important;';

export interface HostElement {
  host: HTMLElement;
  root: ShadowRoot;
}

function tryTag(tag: string): HostElement | null {
  try {
    const host = document.createElement(tag);
    // Defined means the page registered the name: its class, not ours, controls this element.
    if (tag.includes('-') && host.matches(':defined')) return null;
    // Closed: page scripts cannot reach the badge's text (issue 12: a page rewrote "98% AI" to "1% AI").
    return { host, root: host.attachShadow({ mode: 'closed' }) };
  } catch {
    return null;
  }
}

/** A host element with its shadow root: <dualsight-badge> when the page leaves the name alone, else a <span>. */
export function createHostElement(): HostElement {
  const made = tryTag(HOST_TAG) ?? tryTag(FALLBACK_TAG);
  // A <span> always accepts a shadow root; reaching here means a broken DOM, which the caller reports.
  if (!made) throw new Error('DualSight: no element accepts a shadow root on this page');
  made.host.style.cssText = HOST_GUARD;
  return made;
}

/** Whether a node is a badge host, whatever its tag: every host carries data-dualsight (its state). */
export function isBadgeHost(el: Element): boolean {
  return el.hasAttribute('data-dualsight') || el.localName === HOST_TAG;
}
