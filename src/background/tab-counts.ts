// The toolbar icon shows, for the tab in front, how many images DualSight checked on its page and how
// many it judged likely AI (or declared AI). A page can draw a fake badge that says "Likely real" over
// an image; it cannot change this count, which lives in the browser's toolbar, out of the page's reach.
// Counts start afresh when the tab loads a new page; kept in storage.session (the worker may be stopped).
import browser from 'webextension-polyfill';
import type { CheckResult } from '../shared/verdict';

export interface TabCount {
  checked: number;
  ai: number;
}

const KEY = (tabId: number) => `tabcount:${tabId}`;

/** The count after one more finished check. */
export function counted(c: TabCount, result: CheckResult): TabCount {
  const ai = result.ok && (result.ai.verdict === 'ai' || result.provenance?.declared === 'ai');
  return { checked: c.checked + 1, ai: c.ai + (ai ? 1 : 0) };
}

/** What the toolbar shows: the likely-AI count (red when any), and both counts in its tooltip. */
export function toolbarBadge(c: TabCount): { text: string; color: string; title: string } {
  if (c.checked === 0) return { text: '', color: '#5f6368', title: 'DualSight' };
  const images = c.checked === 1 ? 'image' : 'images';
  return {
    text: String(c.ai),
    color: c.ai > 0 ? '#c5221f' : '#137333',
    title: `DualSight: ${c.checked} ${images} checked in this tab since the page loaded, ${c.ai} likely AI or declared AI`,
  };
}

let writes: Promise<unknown> = Promise.resolve();

async function show(tabId: number, c: TabCount): Promise<void> {
  const b = toolbarBadge(c);
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: b.text }),
    browser.action.setBadgeBackgroundColor({ tabId, color: b.color }),
    browser.action.setTitle({ tabId, title: b.title }),
  ]).catch(() => undefined); // the tab closed meanwhile
}

/** Counts one finished check in a tab (serialised: checks finish concurrently). */
export function countCheck(tabId: number, result: CheckResult): Promise<void> {
  const step = writes.then(async () => {
    const got = (await browser.storage.session.get(KEY(tabId)))[KEY(tabId)] as TabCount | undefined;
    const next = counted(got ?? { checked: 0, ai: 0 }, result);
    await browser.storage.session.set({ [KEY(tabId)]: next });
    await show(tabId, next);
  });
  writes = step.catch(() => undefined);
  return step;
}

/** A tab loading a new page, or closed: its count starts again. */
export function resetTab(tabId: number): Promise<void> {
  const step = writes.then(async () => {
    await browser.storage.session.remove(KEY(tabId));
    await show(tabId, { checked: 0, ai: 0 });
  });
  writes = step.catch(() => undefined);
  return step;
}

/** A closed tab: its count is dropped. */
export function forgetTab(tabId: number): Promise<void> {
  return browser.storage.session.remove(KEY(tabId));
}
