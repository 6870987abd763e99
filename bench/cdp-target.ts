// CDP commands to a target Playwright does not expose as a Page: the extension's offscreen document
// (target type "background_page"). Attached through the browser session in non-flattened mode, so
// commands travel as Target.sendMessageToTarget and answers come back as receivedMessageFromTarget.
import type { BrowserContext, CDPSession } from 'playwright-core';

export interface TargetSession {
  /** True once the target closed or crashed, or the session was detached. */
  readonly detached: boolean;
  send<T = unknown>(method: string, params?: Record<string, unknown>): Promise<T>;
  detach(): Promise<void>;
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/** Waits until a target whose URL ends with `urlSuffix` exists and attaches to it. */
export async function attachToTarget(context: BrowserContext, urlSuffix: string, timeoutMs = 60_000): Promise<TargetSession> {
  const browser = context.browser();
  if (!browser) throw new Error('no browser behind this context: cannot reach non-page targets');
  const root: CDPSession = await browser.newBrowserCDPSession();
  const deadline = Date.now() + timeoutMs;
  let target: TargetInfo | undefined;
  while (!target) {
    const { targetInfos } = (await root.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
    target = targetInfos.find((t) => t.url.endsWith(urlSuffix));
    if (target) break;
    if (Date.now() > deadline) throw new Error(`no target ${urlSuffix} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const { sessionId } = (await root.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
  let nextId = 1;
  const methods = new Map<number, string>();
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  root.on('Target.receivedMessageFromTarget', (ev: { sessionId: string; message: string }) => {
    if (ev.sessionId !== sessionId) return;
    const msg = JSON.parse(ev.message) as { id?: number; result?: unknown; error?: { message: string } };
    const waiter = msg.id === undefined ? undefined : pending.get(msg.id);
    if (!waiter) return;
    pending.delete(msg.id!);
    if (msg.error) waiter.reject(new Error(msg.error.message));
    else waiter.resolve(msg.result);
  });
  let detached = false;
  root.on('Target.detachedFromTarget', (ev: { sessionId: string }) => {
    if (ev.sessionId !== sessionId) return;
    detached = true;
    for (const [id, w] of pending) w.reject(new Error(`target ${urlSuffix} went away (pending: ${methods.get(id)})`));
    pending.clear();
  });
  return {
    get detached() {
      return detached;
    },
    send<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
      const id = nextId++;
      methods.set(id, method);
      const answer = new Promise<T>((resolve, reject) => pending.set(id, { resolve: resolve as (v: unknown) => void, reject }));
      root.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch((e: Error) => {
        pending.get(id)?.reject(e);
        pending.delete(id);
      });
      return answer;
    },
    async detach() {
      detached = true;
      await root.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
      await root.detach().catch(() => undefined);
    },
  };
}

/** Waits until no target's URL ends with `urlSuffix` (a closed document lingers in the list briefly). */
export async function waitForTargetGone(context: BrowserContext, urlSuffix: string, timeoutMs = 15_000): Promise<void> {
  const browser = context.browser();
  if (!browser) return;
  const root = await browser.newBrowserCDPSession();
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { targetInfos } = (await root.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
      if (!targetInfos.some((t) => t.url.endsWith(urlSuffix))) return;
      if (Date.now() > deadline) throw new Error(`${urlSuffix} still open after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await root.detach().catch(() => undefined);
  }
}
