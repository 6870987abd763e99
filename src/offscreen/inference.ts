// The inference service: one engine (model session) created once, a verdict for an image URL.
// Runs in the offscreen document (Chrome) or the background page (Firefox).
import type { BackendChoice, BackgroundToOffscreen, EngineStatus } from '../shared/messages';
import { readProvenance } from '../shared/provenance';
import type { Engine } from '../shared/engine';
import { startEngine } from './backend';
import { decodeImage, thumbnail } from './decode';
import { fetchImage } from './fetch-image';
import { loadModel } from './model-source';

type InferReply = BackgroundToOffscreen['infer']['res'];

/** Objects returned per image: the badge shows 3, the detail card all of these. */
export const OBJECTS_PER_IMAGE = 10;

export class InferenceService {
  private engine: Promise<{ engine: Engine; note?: string }> | null = null;
  private backendChoice: BackendChoice = 'auto';
  private lastError: string | undefined;
  /**
   * Recent answers by URL. The service worker can be killed while a request is in flight; its retry
   * then gets the finished answer instead of running the model twice.
   */
  private recent = new Map<string, Promise<InferReply>>();
  static readonly RECENT_MAX = 300;

  /** Starts (once) the engine for the chosen backend; a new choice restarts it. */
  private ensureEngine(choice: BackendChoice): Promise<{ engine: Engine; note?: string }> {
    if (this.engine && choice === this.backendChoice) return this.engine;
    const previous = this.engine;
    this.backendChoice = choice;
    this.engine = (async () => {
      await previous?.then((p) => p.engine.release()).catch(() => undefined);
      const model = await loadModel();
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

  async status(choice: BackendChoice): Promise<EngineStatus> {
    try {
      const { engine, note } = await this.ensureEngine(choice);
      return { model: engine.id, backend: engine.backend, note };
    } catch (err) {
      return { model: null, backend: null, error: this.lastError ?? (err as Error).message };
    }
  }

  infer(url: string, wantThumbnail: boolean, choice: BackendChoice, aiThreshold: number | null): Promise<InferReply> {
    const key = `${choice}|${aiThreshold}|${url}`;
    const known = this.recent.get(key);
    if (known) return known;
    const reply = this.run(url, wantThumbnail, choice, aiThreshold);
    this.recent.set(key, reply);
    if (this.recent.size > InferenceService.RECENT_MAX) this.recent.delete(this.recent.keys().next().value!);
    return reply;
  }

  private async run(url: string, wantThumbnail: boolean, choice: BackendChoice, aiThreshold: number | null): Promise<InferReply> {
    const t0 = performance.now();
    try {
      const enginePromise = this.ensureEngine(choice); // starts loading while the image downloads
      const blob = await fetchImage(url);
      const [bytes, img, thumb] = await Promise.all([
        blob.arrayBuffer().then((b) => new Uint8Array(b)),
        decodeImage(blob),
        wantThumbnail ? thumbnail(blob) : Promise.resolve(undefined),
      ]);
      const { engine } = await enginePromise;
      const [run, provenance] = await Promise.all([
        engine.check(img, { aiThreshold, objectLimit: OBJECTS_PER_IMAGE }),
        readProvenance(bytes),
      ]);
      return {
        ok: true,
        verdict: { ...run, backend: engine.backend, ms: Math.round(performance.now() - t0), modelMs: Math.round(run.modelMs), provenance },
        thumbnail: thumb,
      };
    } catch (err) {
      return { ok: false, error: (err as Error).message || String(err) };
    }
  }
}
