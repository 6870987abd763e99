// The inference service: one engine (model session) created once, a verdict for an image URL.
// Runs in the offscreen document (Chrome) or the background page (Firefox).
import type { BackendChoice, BackgroundToOffscreen, EngineStatus } from '../shared/messages';
import { readProvenance, trustGeneration } from '../shared/provenance';
import type { Engine } from '../shared/engine';
import { runCheck } from '../shared/check/pipeline';
import { failureWords } from '../shared/check/words';
import { selfTestImage, startEngine, wasmEngine } from './backend';
import { browserCheckHost } from './check-host';
import { loadModel, loadModelFor } from './model-source';
import type { RunningEngine } from './running-engine';

type InferRequest = BackgroundToOffscreen['infer']['req'];
type InferReply = BackgroundToOffscreen['infer']['res'];

export class InferenceService {
  private engine: Promise<RunningEngine> | null = null;
  private backendChoice: BackendChoice = 'auto';
  private lastError: string | undefined;
  private modelBytes: number | undefined;
  /**
   * Recent answers by URL. The service worker can be killed while a request is in flight; its retry
   * then gets the finished answer instead of running the model twice.
   */
  private recent = new Map<string, Promise<InferReply>>();
  static readonly RECENT_MAX = 300;

  /** Starts (once) the engine for the chosen backend; a new choice restarts it. */
  private ensureEngine(choice: BackendChoice): Promise<RunningEngine> {
    if (this.engine && choice === this.backendChoice) return this.engine;
    const previous = this.engine;
    this.backendChoice = choice;
    this.engine = (async () => {
      await previous?.then((p) => p.release()).catch(() => undefined);
      const model = await loadModel();
      this.modelBytes = model.bytes.byteLength;
      return startEngine(model.manifest, model.bytes, choice);
    })();
    this.engine.then(
      () => (this.lastError = undefined),
      (err: Error) => {
        this.lastError = err.message;
        this.engine = null; // retry on the next request
      },
    );
    return this.engine;
  }

  /** Releases the running engine (its WASM memory); the service starts afresh if asked again. */
  async dispose(): Promise<void> {
    const engine = this.engine;
    this.engine = null;
    await engine?.then((e) => e.release()).catch(() => undefined);
  }

  async status(choice: BackendChoice): Promise<EngineStatus> {
    try {
      const running = await this.ensureEngine(choice);
      const engine = running.current;
      const { thresholds } = engine.manifest;
      return { model: engine.id, backend: engine.backend, note: running.note, thresholds: { ai: thresholds.ai, real: thresholds.real }, bytes: this.modelBytes };
    } catch (err) {
      return { model: null, backend: null, error: this.lastError ?? (err as Error).message };
    }
  }

  /** Loads a model and runs it once on the self-test picture (WASM), so a broken model is refused before use. */
  async checkModel(id: string): Promise<{ ok: true } | { ok: false; error: string }> {
    let engine: Engine | undefined;
    try {
      const model = await loadModelFor(id);
      engine = await wasmEngine(model.manifest, model.bytes);
      await engine.check(selfTestImage()); // output sizes vs labels, finite probabilities
      return { ok: true };
    } catch (err) {
      return { ok: false, error: (err as Error).message || String(err) };
    } finally {
      await engine?.release().catch(() => undefined);
    }
  }

  infer(req: InferRequest): Promise<InferReply> {
    // A new trust list or anchor changes the provenance verdict: it is part of the key.
    const trust = req.trust;
    const key = JSON.stringify([req.backend, req.aiThreshold, req.objectLimit, trustGeneration(trust), req.url]);
    const known = this.recent.get(key);
    if (known) return known;
    const reply = this.run(req);
    this.recent.set(key, reply);
    if (this.recent.size > InferenceService.RECENT_MAX) this.recent.delete(this.recent.keys().next().value!);
    return reply;
  }

  /** The shared pipeline with this host's fetch and decode; the engine starts loading while the image downloads. */
  private async run({ url, wantThumbnail, backend, aiThreshold, objectLimit, trust }: InferRequest): Promise<InferReply> {
    try {
      const host = { ...browserCheckHost, provenance: (bytes: Uint8Array) => readProvenance(bytes, { trust }) };
      const { raw: _raw, thumbnail, ...verdict } = await runCheck({ url }, host, this.ensureEngine(backend), {
        thumbnail: wantThumbnail,
        aiThreshold,
        objectLimit,
      });
      return { ok: true, verdict, thumbnail };
    } catch (err) {
      return { ok: false, error: failureWords(err) };
    }
  }
}
