// The few WebDriver BiDi commands the Firefox end-to-end test needs, over one WebSocket (`ws`).
// Why not a driver library: playwright-core's BiDi mode sends commands Firefox ESR 153 does not have
// (emulation.setMediaFeaturesOverride at context creation), puppeteer-core 25 needs Node 22 and is not
// installed, and web-ext run installs the add-on but drives no pages.
import WebSocket from 'ws';

/** A WebDriver BiDi error answer, e.g. "no such frame" or a script exception. */
export class BidiError extends Error {
  override name = 'BidiError';
}

interface Answer {
  type: 'success' | 'error' | 'event';
  id?: number;
  result?: unknown;
  error?: string;
  message?: string;
}

/** What script.evaluate answers. */
type EvaluateResult =
  | { type: 'success'; result: { type: string; value?: unknown } }
  | { type: 'exception'; exceptionDetails: { text: string } };

export class BidiSession {
  private nextId = 0;
  private pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => this.receive(JSON.parse(String(data)) as Answer));
    ws.on('close', () => {
      for (const p of this.pending.values()) p.reject(new BidiError('the browser closed the connection'));
      this.pending.clear();
    });
  }

  /** Connects to Firefox's BiDi endpoint and starts a session (self-signed fixture certificates accepted). */
  static async start(endpoint: string): Promise<BidiSession> {
    const ws = new WebSocket(`${endpoint}/session`);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    const session = new BidiSession(ws);
    await session.send('session.new', { capabilities: { alwaysMatch: { acceptInsecureCerts: true } } });
    return session;
  }

  private receive(m: Answer): void {
    const p = m.id === undefined ? undefined : this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id!);
    if (m.type === 'error') p.reject(new BidiError(`${m.error}: ${m.message}`));
    else p.resolve(m.result);
  }

  /** One command; nothing waits forever (a BiDi command that never answers fails after `timeoutMs`). */
  send<T = unknown>(method: string, params: object = {}, timeoutMs = 30_000): Promise<T> {
    const id = ++this.nextId;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new BidiError(`${method}: no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (v) => (clearTimeout(timer), resolve(v as T)),
        reject: (e) => (clearTimeout(timer), reject(new BidiError(`${method}: ${e.message}`))),
      });
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }

  /**
   * Evaluates `expression` (awaited if it is a promise) in a browsing context. The page JSON-encodes the
   * value, so the test reads plain data instead of BiDi's remote-value encoding.
   */
  async evaluate<T>(context: string, expression: string, timeoutMs?: number): Promise<T> {
    const r = await this.send<EvaluateResult>('script.evaluate', {
      expression: `(async () => JSON.stringify(await (${expression})))()`,
      target: { context },
      awaitPromise: true,
    }, timeoutMs);
    if (r.type === 'exception') throw new BidiError(`${expression.slice(0, 80)}: ${r.exceptionDetails.text}`);
    const json = r.result.value;
    return (typeof json === 'string' ? JSON.parse(json) : undefined) as T;
  }

  close(): void {
    this.ws.close();
  }
}
