// One Chromium with a (bench build of the) extension, the bench feed server behind every host name,
// and the handles the phases use: the feed tab, the offscreen document over CDP, and checks driven
// from the service worker (the same path as a right-click "Verify image").
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../test/e2e/harness/browser';
import { attachToTarget, waitForTargetGone, type TargetSession } from './cdp-target';
import type { FeedServer } from './feed-server';

export interface SwCheck {
  url: string;
  ok: boolean;
  /** Verdict.ms and Verdict.modelMs (absent on failure). */
  ms?: number;
  modelMs?: number;
  probability?: number;
  verdict?: string;
  /** Service worker's clock: request to answer, including the offscreen round trip. */
  wallMs: number;
  error?: string;
}

export interface BenchSession {
  ext: ExtensionBrowser;
  page: Page;
  server: FeedServer;
  /** The offscreen document's CDP session (attached on first use, again after it was closed). */
  offscreen(): Promise<TargetSession>;
  /** Checks `urls` from the service worker, `concurrency` at a time; results in order. */
  check(urls: string[], concurrency?: number): Promise<SwCheck[]>;
  /** Closes the offscreen document (the next check starts it cold). */
  closeOffscreen(): Promise<void>;
  /** Cached feed verdicts (storage.session) for these URLs: Verdict.ms and modelMs. */
  verdictTimes(urls: string[]): Promise<Record<string, { ms: number; modelMs: number; backend: string } | undefined>>;
  close(): Promise<void>;
}

export async function openSession(dist: string, server: FeedServer): Promise<BenchSession> {
  const ext = await launchWithExtension(server.port, dist, { headless: true });
  const page = await ext.context.newPage();
  let offscreen: TargetSession | null = null;
  const sw = ext.serviceWorker;
  return {
    ext,
    page,
    server,
    async offscreen() {
      if (offscreen?.detached) console.warn('bench: the offscreen document went away; attaching to the new one');
      if (!offscreen || offscreen.detached) offscreen = await attachToTarget(ext.context, '/offscreen.html');
      return offscreen;
    },
    check(urls, concurrency = 1) {
      return sw.evaluate(
        async ({ urls, concurrency }) => {
          type Check = (url: string) => Promise<{ ok: boolean; ms?: number; modelMs?: number; ai?: { probability: number; verdict: string }; error?: string }>;
          const check = (globalThis as unknown as { dualsight: { check: Check } }).dualsight.check;
          const out: SwCheck[] = new Array(urls.length);
          let next = 0;
          const worker = async (): Promise<void> => {
            while (next < urls.length) {
              const i = next++;
              const url = urls[i]!;
              const t0 = performance.now();
              try {
                const r = await check(url);
                out[i] = { url, ok: r.ok, ms: r.ms, modelMs: r.modelMs, probability: r.ai?.probability, verdict: r.ai?.verdict, error: r.error, wallMs: performance.now() - t0 };
              } catch (err) {
                out[i] = { url, ok: false, error: String(err), wallMs: performance.now() - t0 };
              }
            }
          };
          await Promise.all(Array.from({ length: concurrency }, worker));
          return out;
        },
        { urls, concurrency },
      );
    },
    async closeOffscreen() {
      await offscreen?.detach();
      offscreen = null;
      await sw.evaluate(async () => {
        const open = await chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT] });
        if (open.length) await chrome.offscreen.closeDocument();
      });
      await waitForTargetGone(ext.context, '/offscreen.html');
    },
    verdictTimes(urls) {
      return sw.evaluate(async (urls) => {
        // Keys are `verdict:` + [model, aiThreshold, objectLimit] as JSON + the URL (src/background/verdict-cache.ts).
        const all = await chrome.storage.session.get(null);
        const byUrl = new Map<string, unknown>();
        for (const [k, v] of Object.entries(all)) {
          if (!k.startsWith('verdict:[')) continue;
          const end = k.indexOf(']', 'verdict:'.length);
          if (end > 0) byUrl.set(k.slice(end + 1), v);
        }
        const out: Record<string, { ms: number; modelMs: number; backend: string } | undefined> = {};
        for (const u of urls) {
          const v = byUrl.get(u) as { ok: boolean; ms: number; modelMs: number; backend: string } | undefined;
          out[u] = v?.ok ? { ms: v.ms, modelMs: v.modelMs, backend: v.backend } : undefined;
        }
        return out;
      }, urls);
    },
    async close() {
      await offscreen?.detach().catch(() => undefined);
      await ext.close();
    },
  };
}
