// The offscreen document behind one small module: created on demand, once, under a shared promise so
// concurrent callers never create two (chrome-extensions-samples offscreen cookbook).
import { LIMITS } from '../shared/limits';
import { send } from '../shared/messaging';
import type { BackendChoice, BackgroundToOffscreen } from '../shared/messages';
import type { InferenceClient, InferReply, InferRequest } from './inference-client';

const OFFSCREEN_URL = 'offscreen.html';
const INFER_TIMEOUT_MS = LIMITS.checkMs;

/** The check-and-create in progress, shared by every caller until it settles. */
let ensuring: Promise<void> | null = null;

async function hasOffscreen(): Promise<boolean> {
  const contexts = await chrome.runtime.getContexts({
    contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT],
    documentUrls: [chrome.runtime.getURL(OFFSCREEN_URL)],
  });
  return contexts.length > 0;
}

async function createOffscreen(): Promise<void> {
  await chrome.offscreen
    .createDocument({
      url: OFFSCREEN_URL,
      reasons: [chrome.offscreen.Reason.WORKERS],
      justification: 'Runs the image model (onnxruntime-web: WASM threads / WebGPU) on images the user sees.',
    })
    .catch((err: Error) => {
      // Another caller (e.g. a previous service-worker instance) created it meanwhile.
      if (!/single offscreen/i.test(err.message)) throw err;
    });
}

/**
 * The check is shared along with the creation: getContexts lists a document that is still loading, so a
 * caller that checked on its own while another created the document sent its request before the
 * document listened ("Receiving end does not exist" on the first images of `npm start`, issue 11).
 */
export function ensureOffscreen(): Promise<void> {
  ensuring ??= (async () => {
    if (!(await hasOffscreen())) await createOffscreen();
  })().finally(() => {
    ensuring = null;
  });
  return ensuring;
}

async function closeOffscreen(): Promise<void> {
  if (await hasOffscreen()) await chrome.offscreen.closeDocument();
}

/**
 * The WASM runtime of a document failed to load (its files could not be fetched, e.g. while the browser
 * was starting the document). onnxruntime-web remembers that failure for the document's lifetime, so the
 * document is replaced and the request made once more, instead of failing every later request.
 */
export const RUNTIME_LOAD_FAILURE = /no available backend found|Failed to fetch dynamically imported module|initializeWebAssembly\(\)' failed/i;

async function withFreshRuntime<T>(request: () => Promise<T>, error: (reply: T) => string | undefined): Promise<T> {
  const reply = await request();
  if (!RUNTIME_LOAD_FAILURE.test(error(reply) ?? '')) return reply;
  console.warn('DualSight: the model runtime failed to load; restarting the offscreen document', error(reply));
  await closeOffscreen();
  return request();
}

const errorOf = (r: { ok: boolean; error?: string }): string | undefined => (r.ok ? undefined : r.error);

export const offscreenClient: InferenceClient = {
  infer: (req: InferRequest) =>
    withFreshRuntime(async () => {
      await ensureOffscreen();
      return send<BackgroundToOffscreen, 'infer'>('offscreen', 'infer', req, INFER_TIMEOUT_MS);
    }, errorOf),
  status: (backend: BackendChoice) =>
    withFreshRuntime(async () => {
      await ensureOffscreen();
      return send<BackgroundToOffscreen, 'engine-status'>('offscreen', 'engine-status', { backend }, INFER_TIMEOUT_MS);
    }, (r) => r.error),
  checkModel: (id: string) =>
    withFreshRuntime(async () => {
      await ensureOffscreen();
      return send<BackgroundToOffscreen, 'model-check'>('offscreen', 'model-check', { id }, INFER_TIMEOUT_MS);
    }, errorOf),
  reset: closeOffscreen,
};
