import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';

vi.mock('webextension-polyfill', () => import('../../test/unit/fake-browser').then((m) => m.polyfillModule));
import { fakeBrowser, resetFakeBrowser } from '../../test/unit/fake-browser';
import { listen } from './messaging';
import type { ContentToBackground, PageToBackground } from './messages';
import { contentToBackground, pageToBackground, senderKind } from './protocol-rules';

const ID = fakeBrowser.runtime.id;
const BASE = fakeBrowser.runtime.getURL('');
const page = (file: string): Runtime.MessageSender => ({ id: ID, url: `${BASE}${file}` });
const contentScript: Runtime.MessageSender = { id: ID, url: 'https://x.com/home', tab: { id: 3 } as never };
const otherExtension: Runtime.MessageSender = { id: 'someone-else', url: 'chrome-extension://someone-else/x.html' };

/** Delivers one message to the listeners as the browser would, and returns the first answer. */
async function deliver(message: unknown, sender: Runtime.MessageSender): Promise<unknown> {
  const onMessage = fakeBrowser.runtime.onMessage as unknown as { trigger(m: unknown, s: Runtime.MessageSender): Promise<unknown[]> };
  const answers = await onMessage.trigger(message, sender);
  return answers.find((a) => a !== undefined);
}

const envelope = (type: string, data: unknown) => ({ dualsight: 1, target: 'background', type, data });

beforeEach(resetFakeBrowser);

describe('senderKind', () => {
  it('tells the worker, the extension pages and content scripts apart, and knows no one else', () => {
    expect(senderKind(page('background.js'), ID, BASE, 'background.js')).toBe('background');
    expect(senderKind(page('popup.html'), ID, BASE, 'background.js')).toBe('extension-page');
    expect(senderKind({ ...page('popup.html'), tab: { id: 1 } }, ID, BASE, 'background.js')).toBe('extension-page');
    expect(senderKind(contentScript, ID, BASE, 'background.js')).toBe('content-script');
    expect(senderKind(otherExtension, ID, BASE, 'background.js')).toBeNull();
    expect(senderKind({ id: ID, url: 'https://evil.example/' }, ID, BASE, 'background.js')).toBeNull();
  });
});

describe('listen', () => {
  it('refuses a privileged message from a content script, and any message from another extension, before the handler', async () => {
    const clear = vi.fn();
    const list = vi.fn(async () => []);
    listen<PageToBackground>('background', pageToBackground, { 'history:clear': clear, 'history:list': list });
    expect(await deliver(envelope('history:clear', {}), contentScript)).toEqual({ ok: false, error: 'history:clear: not allowed from this sender' });
    expect(await deliver(envelope('history:list', {}), otherExtension)).toEqual({ ok: false, error: 'history:list: not allowed from this sender' });
    expect(clear).not.toHaveBeenCalled();
    expect(list).not.toHaveBeenCalled();
    expect(await deliver(envelope('history:clear', {}), page('popup.html'))).toEqual({ ok: true, value: undefined });
    expect(clear).toHaveBeenCalledTimes(1);
  });

  it('refuses malformed data with the reason, and hands the handler only validated data', async () => {
    const check = vi.fn(async () => ({ ok: false as const, error: 'x' }));
    listen<ContentToBackground>('background', contentToBackground, { 'check-image': check });
    expect(await deliver(envelope('check-image', { url: 'javascript:alert(1)', origin: 'feed' }), contentScript)).toEqual({
      ok: false, error: 'check-image url: only http(s) images can be checked',
    });
    expect(await deliver(envelope('check-image', { url: 'https://pbs.twimg.com/media/a', origin: 'admin' }), contentScript)).toEqual({
      ok: false, error: 'check-image: bad origin',
    });
    expect(await deliver(envelope('check-image', null), contentScript)).toEqual({ ok: false, error: 'check-image: no data' });
    expect(check).not.toHaveBeenCalled();
    await deliver(envelope('check-image', { url: 'https://pbs.twimg.com/media/a', origin: 'feed', pageUrl: 'https://x.com/', extra: 'dropped' }), contentScript);
    expect(check).toHaveBeenCalledWith({ url: 'https://pbs.twimg.com/media/a', origin: 'feed', pageUrl: 'https://x.com/', alt: undefined }, contentScript);
  });

  it('takes cancel-check only from a content script, with an http(s) URL', async () => {
    const cancel = vi.fn();
    listen<ContentToBackground>('background', contentToBackground, { 'cancel-check': cancel });
    expect(await deliver(envelope('cancel-check', { url: 'https://pbs.twimg.com/media/a' }), page('popup.html'))).toEqual({
      ok: false, error: 'cancel-check: not allowed from this sender',
    });
    expect(await deliver(envelope('cancel-check', { url: 'https://pbs.twimg.com/media/a' }), otherExtension)).toEqual({
      ok: false, error: 'cancel-check: not allowed from this sender',
    });
    expect(await deliver(envelope('cancel-check', { url: 'file:///etc/passwd' }), contentScript)).toEqual({
      ok: false, error: 'cancel-check url: only http(s) images can be checked',
    });
    expect(await deliver(envelope('cancel-check', 'https://pbs.twimg.com/media/a'), contentScript)).toEqual({ ok: false, error: 'cancel-check: no data' });
    expect(cancel).not.toHaveBeenCalled();
    expect(await deliver(envelope('cancel-check', { url: 'https://pbs.twimg.com/media/a', more: 1 }), contentScript)).toEqual({ ok: true, value: undefined });
    expect(cancel).toHaveBeenCalledWith({ url: 'https://pbs.twimg.com/media/a' }, contentScript);
  });

  it('ignores messages for another target or without a rule', async () => {
    listen<PageToBackground>('background', pageToBackground, { 'settings:get': async () => ({}) as never });
    expect(await deliver({ dualsight: 1, target: 'offscreen', type: 'settings:get', data: {} }, page('popup.html'))).toBeUndefined();
    expect(await deliver(envelope('no-such-message', {}), page('popup.html'))).toBeUndefined();
  });
});
