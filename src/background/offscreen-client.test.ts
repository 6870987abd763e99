import { beforeEach, describe, expect, it, vi } from 'vitest';

const send = vi.fn();
vi.mock('../shared/messaging', () => ({ send: (...args: unknown[]) => send(...args) }));

let open = false;
/** While set, createDocument has been called and the document is listed, but it has not loaded yet. */
let loading: Promise<void> | null = null;
let loaded = false;
const closeDocument = vi.fn(async () => void (open = false));
const createDocument = vi.fn(async () => {
  open = true; // listed by getContexts at once, as Chrome does while the document loads
  await loading;
  loaded = true;
});
(globalThis as unknown as { chrome: unknown }).chrome = {
  runtime: {
    ContextType: { OFFSCREEN_DOCUMENT: 'OFFSCREEN_DOCUMENT' },
    getURL: (p: string) => `chrome-extension://id/${p}`,
    getContexts: async () => (open ? [{}] : []),
  },
  offscreen: {
    Reason: { WORKERS: 'WORKERS' },
    createDocument,
    closeDocument,
  },
};

const { offscreenClient } = await import('./offscreen-client');

const RUNTIME_FAILED = 'no available backend found. ERR: [wasm] TypeError: Failed to fetch dynamically imported module: chrome-extension://id/ort/ort-wasm-simd-threaded.mjs';

describe('offscreen client', () => {
  beforeEach(() => {
    send.mockReset();
    closeDocument.mockClear();
    createDocument.mockClear();
    open = false;
    loading = null;
    loaded = false;
  });

  it('sends nothing to a document that is still loading, whoever asked first', async () => {
    let finishLoading!: () => void;
    loading = new Promise((r) => (finishLoading = r));
    const sentBeforeLoad: boolean[] = [];
    send.mockImplementation(async () => (sentBeforeLoad.push(!loaded), { ok: true }));
    const req = { url: 'https://x/a.jpg', wantThumbnail: false, backend: 'auto', aiThreshold: null } as never;
    const first = offscreenClient.infer(req);
    await new Promise((r) => setTimeout(r, 0)); // the first caller is creating the document
    const second = offscreenClient.infer(req);
    await new Promise((r) => setTimeout(r, 0));
    finishLoading();
    await Promise.all([first, second]);
    expect(createDocument).toHaveBeenCalledTimes(1);
    expect(sentBeforeLoad).toEqual([false, false]);
  });

  it('replaces a document whose model runtime failed to load, and asks once more', async () => {
    send.mockResolvedValueOnce({ ok: false, error: RUNTIME_FAILED }).mockResolvedValueOnce({ ok: true });
    expect(await offscreenClient.checkModel('m@1')).toEqual({ ok: true });
    expect(closeDocument).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('passes a model error on as it is: a broken model is not retried', async () => {
    const refused = { ok: false, error: "Can't create a session. Failed to load model because protobuf parsing failed." };
    send.mockResolvedValueOnce(refused);
    expect(await offscreenClient.checkModel('broken@1')).toEqual(refused);
    expect(closeDocument).not.toHaveBeenCalled();
  });

  it('asks at most twice', async () => {
    send.mockResolvedValue({ ok: false, error: RUNTIME_FAILED });
    const r = await offscreenClient.infer({ url: 'https://x/a.jpg', wantThumbnail: false, backend: 'auto', aiThreshold: null } as never);
    expect(r).toEqual({ ok: false, error: RUNTIME_FAILED });
    expect(send).toHaveBeenCalledTimes(2);
  });
});
