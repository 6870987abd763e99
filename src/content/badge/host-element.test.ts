// @vitest-environment happy-dom
// The host guard and the fallback for a page that owns the element name. What the browser actually draws
// under hostile page CSS is checked in Chromium (test/e2e/hostile-page.test.ts); this checks the parts
// a DOM without layout can: which element is made, and what it carries inline.
import { describe, expect, it } from 'vitest';
import { createHostElement, HOST_TAG, isBadgeHost } from './host-element';

describe('createHostElement', () => {
  it('makes a <dualsight-badge> with a closed shadow root (page scripts cannot reach it) and the inline guard', () => {
    const { host, root } = createHostElement();
    expect(host.localName).toBe(HOST_TAG);
    expect(host.shadowRoot).toBeNull();
    expect(root.mode).toBe('closed');
    for (const [prop, value] of [['visibility', 'visible'], ['display', 'block'], ['opacity', '1'], ['position', 'absolute'], ['z-index', '2147483000']]) {
      expect(host.style.getPropertyValue(prop!), prop).toBe(value);
      expect(host.style.getPropertyPriority(prop!), prop).toBe('important');
    }
  });

  it('falls back to a plain element when the page registered the name with its own shadow root', () => {
    class PageOwned extends HTMLElement {
      constructor() {
        super();
        this.attachShadow({ mode: 'closed' });
      }
    }
    customElements.define(HOST_TAG, PageOwned);
    // The page's element would make attachShadow throw: the reason badges used to vanish on such a page.
    expect(() => document.createElement(HOST_TAG).attachShadow({ mode: 'open' })).toThrow();
    const { host, root } = createHostElement();
    expect(host.localName).toBe('span');
    expect(host).not.toBeInstanceOf(PageOwned);
    expect(host.shadowRoot).toBeNull();
    expect(root.host).toBe(host);
    expect(host.style.getPropertyValue('visibility')).toBe('visible');
  });

  it('recognises hosts by their state attribute, whatever their tag', () => {
    const span = document.createElement('span');
    expect(isBadgeHost(span)).toBe(false);
    span.setAttribute('data-dualsight', 'checking');
    expect(isBadgeHost(span)).toBe(true);
  });
});
