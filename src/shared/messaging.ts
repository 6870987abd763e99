// Transport for the typed protocols in ./messages.ts: every request names its target context and has a
// timeout; handlers answer { ok, value } or { ok: false, error } so errors cross contexts as text.
import browser from 'webextension-polyfill';
import type { Runtime } from 'webextension-polyfill';
import type { Protocol } from './messages';
import { senderKind, type MessageRule, type ProtocolRules } from './protocol-rules';

export type Target = 'background' | 'offscreen' | 'content';

interface Envelope {
  dualsight: 1;
  target: Target;
  type: string;
  data: unknown;
}

type Reply = { ok: true; value: unknown } | { ok: false; error: string };

export class MessageTimeout extends Error {
  override name = 'MessageTimeout';
}

export const DEFAULT_TIMEOUT_MS = 30_000;

function isEnvelope(m: unknown): m is Envelope {
  return typeof m === 'object' && m !== null && (m as Envelope).dualsight === 1 && typeof (m as Envelope).type === 'string';
}

/** `p`, or a MessageTimeout after `ms`: nothing waits forever (also for in-process requests, Firefox). */
export async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new MessageTimeout(`${what}: no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function unwrap(type: string, reply: unknown): unknown {
  if (typeof reply !== 'object' || reply === null || !('ok' in reply)) {
    throw new Error(`${type}: no handler answered`);
  }
  const r = reply as Reply;
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** Sends a request to the background or offscreen context. */
export async function send<P extends Protocol, K extends keyof P & string>(
  target: 'background' | 'offscreen',
  type: K,
  data: P[K]['req'],
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<P[K]['res']> {
  const envelope: Envelope = { dualsight: 1, target, type, data };
  const reply = await withTimeout(browser.runtime.sendMessage(envelope), timeoutMs, `${target}:${type}`);
  return unwrap(type, reply) as P[K]['res'];
}

/** Sends a request to the content script of one tab. */
export async function sendToTab<P extends Protocol, K extends keyof P & string>(
  tabId: number,
  type: K,
  data: P[K]['req'],
  timeoutMs = DEFAULT_TIMEOUT_MS,
  frameId?: number,
): Promise<P[K]['res']> {
  const envelope: Envelope = { dualsight: 1, target: 'content', type, data };
  const options = frameId === undefined ? undefined : { frameId };
  const reply = await withTimeout(browser.tabs.sendMessage(tabId, envelope, options), timeoutMs, `tab:${type}`);
  return unwrap(type, reply) as P[K]['res'];
}

export type Handlers<P extends Protocol> = {
  [K in keyof P]: (data: P[K]['req'], sender: Runtime.MessageSender) => Promise<P[K]['res']> | P[K]['res'];
};

/** The background script in the built extension (build.mjs): the sender kind "background". */
const BACKGROUND_FILE = 'background.js';

/**
 * Listens for the messages addressed to `target`. For each message, `rules` (protocol-rules.ts) says who
 * may send it and how its data is checked: both are applied before the handler runs, and every refusal or
 * error goes back to the sender on the one error channel ({ ok: false, error }).
 */
export function listen<P extends Protocol>(target: Target, rules: ProtocolRules<P>, handlers: Partial<Handlers<P>>): () => void {
  const base = browser.runtime.getURL('');
  const listener = (message: unknown, sender: Runtime.MessageSender): Promise<Reply> | undefined => {
    if (!isEnvelope(message) || message.target !== target) return undefined;
    const handler = (handlers as Record<string, ((d: unknown, s: Runtime.MessageSender) => unknown) | undefined>)[message.type];
    const rule = (rules as Record<string, MessageRule<unknown> | undefined>)[message.type];
    if (!handler || !rule) return undefined;
    const kind = senderKind(sender, browser.runtime.id, base, BACKGROUND_FILE);
    if (!kind || !rule.from.includes(kind)) {
      return Promise.resolve({ ok: false, error: `${message.type}: not allowed from this sender` });
    }
    return Promise.resolve()
      .then(() => handler(rule.validate(message.data), sender))
      .then(
        (value): Reply => ({ ok: true, value }),
        (err: unknown): Reply => ({ ok: false, error: err instanceof Error ? err.message : String(err) }),
      );
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
