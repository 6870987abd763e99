// WebGPU end to end, on whatever adapter this Chromium has (here the software one, with
// --enable-unsafe-webgpu): the self-test, then 10 real checks on WebGPU, each compared with WASM within
// the self-test tolerance, then a switch back to WebGPU after the WASM session was released. With the
// default (JSEP) onnxruntime-web build every check after the self-test failed with "no GPU data for
// input" (a released WASM session broke the live WebGPU one): correctness, not speed, is checked here.
import { describe, expect, it } from 'vitest';
import type { Worker } from 'playwright-core';
import { withExtensionBrowser } from './harness/suite';

const SELF_TEST_TOLERANCE = 2e-3; // src/offscreen/backend.ts
const IMAGES = Array.from({ length: 10 }, (_, i) => `https://pbs.twimg.com/media/ds${String(i + 1).padStart(2, '0')}`);

interface Verdict {
  ai: { probability: number };
  objects: { label: string; score: number }[];
  backend: string;
}
type InferReply = { ok: true; verdict: Verdict } | { ok: false; error: string };
interface Status {
  backend: string | null;
  note?: string;
  error?: string;
}

const suite = withExtensionBrowser();

/** Sends one request to the offscreen document from the service worker, creating the document first. */
async function offscreen<T>(sw: Worker, type: string, data: unknown): Promise<T> {
  return sw.evaluate(
    async ([type, data]) => {
      const url = chrome.runtime.getURL('offscreen.html');
      const open = await chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT], documentUrls: [url] });
      if (open.length === 0) {
        await chrome.offscreen.createDocument({ url, reasons: [chrome.offscreen.Reason.WORKERS], justification: 'test' }).catch(() => undefined);
      }
      // A document the extension itself created at start is listed by getContexts while still loading:
      // until its listener runs, sendMessage fails with "Receiving end does not exist" (CI, stop 15).
      let reply: { ok: boolean; value?: unknown; error?: string } | undefined;
      for (let attempt = 0; ; attempt++) {
        try {
          reply = (await chrome.runtime.sendMessage({ dualsight: 1, target: 'offscreen', type, data })) as typeof reply;
          break;
        } catch (err) {
          if (attempt >= 50 || !/Receiving end does not exist/.test(String(err))) throw err;
          await new Promise((r) => setTimeout(r, 200));
        }
      }
      if (!reply?.ok) throw new Error(`${type}: ${reply?.error ?? 'no answer'}`);
      return reply.value;
    },
    [type, data] as const,
  ) as Promise<T>;
}

async function checkAll(sw: Worker, backend: 'webgpu' | 'wasm'): Promise<Verdict[]> {
  const out: Verdict[] = [];
  for (const url of IMAGES) {
    const reply = await offscreen<InferReply>(sw, 'infer', { url, wantThumbnail: false, backend, aiThreshold: null, objectLimit: 10 });
    if (!reply.ok) throw new Error(`${backend} ${url}: ${reply.error}`);
    out.push(reply.verdict);
  }
  return out;
}

describe('WebGPU backend', () => {
  it('passes its self-test, then checks 10 images like WASM does, also after an engine restart', async () => {
    const sw = suite.ext.serviceWorker;
    const adapter = await offscreen<Status>(sw, 'engine-status', { backend: 'webgpu' });
    // A Chromium without any WebGPU adapter cannot run this test; Debian's has the software one.
    expect(adapter.note ?? '', 'no WebGPU adapter in this Chromium (needs --enable-unsafe-webgpu)').not.toMatch(/not available/);
    expect(adapter.backend, adapter.note ?? adapter.error).toBe('webgpu');

    const gpu = await checkAll(sw, 'webgpu');
    expect(gpu.map((v) => v.backend)).toEqual(IMAGES.map(() => 'webgpu'));
    const status = await offscreen<Status>(sw, 'engine-status', { backend: 'webgpu' });
    expect(status.backend, status.note).toBe('webgpu'); // no silent fall-back to WASM on the way

    const wasm = await checkAll(sw, 'wasm'); // restarts the engine: the WebGPU session is released
    let worst = 0;
    gpu.forEach((g, i) => {
      const w = wasm[i]!;
      expect(w.backend).toBe('wasm');
      worst = Math.max(worst, Math.abs(g.ai.probability - w.ai.probability));
      expect(Math.abs(g.ai.probability - w.ai.probability), IMAGES[i]).toBeLessThanOrEqual(SELF_TEST_TOLERANCE);
      for (const o of w.objects) {
        const m = g.objects.find((x) => x.label === o.label);
        if (m) expect(Math.abs(m.score - o.score), `${IMAGES[i]} ${o.label}`).toBeLessThanOrEqual(SELF_TEST_TOLERANCE);
      }
    });
    // Back to WebGPU after the WASM session lived and was released in the same document.
    const again = await offscreen<InferReply>(sw, 'infer', { url: `${IMAGES[0]}?again`, wantThumbnail: false, backend: 'webgpu', aiThreshold: null, objectLimit: 10 });
    if (!again.ok) throw new Error(`webgpu after restart: ${again.error}`);
    expect(again.verdict.backend).toBe('webgpu');
    expect(Math.abs(again.verdict.ai.probability - wasm[0]!.ai.probability)).toBeLessThanOrEqual(SELF_TEST_TOLERANCE);
    console.log(`webgpu vs wasm: max |P(AI) difference| over ${IMAGES.length} images = ${worst.toExponential(2)}`);
  }, 600_000);
});
