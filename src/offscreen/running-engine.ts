// The engine an inference host is using, with its way out: when a WebGPU run fails (device lost, a
// kernel error, a driver bug), that run is made again on WASM and WASM serves the rest of the session,
// with the reason in the engine status, instead of every later badge reading "could not check".
import type { Engine, EngineRun } from '../shared/engine';
import type { Model } from '../shared/check/judge';
import type { RgbaImage } from '../shared/preprocess';

type CheckOptions = Parameters<Engine['check']>[1];

export class RunningEngine implements Model {
  private switching: Promise<Engine> | null = null;

  constructor(
    private engine: Engine,
    private readonly makeFallback: () => Promise<Engine>,
    /** Why the engine is not WebGPU (or how it is), for the engine status. */
    public note?: string,
  ) {}

  get current(): Engine {
    return this.engine;
  }

  get manifest(): Engine['manifest'] {
    return this.engine.manifest;
  }

  get id(): string {
    return this.engine.id;
  }

  /** The backend now serving (WASM after a fallback): read it after a run. */
  get backend(): string {
    return this.engine.backend;
  }

  /** The model run the pipeline makes (check/pipeline.ts), on WASM again if WebGPU fails. */
  runPixels(rgb: Uint8Array): ReturnType<Engine['runPixels']> {
    return this.withFallback((e) => e.runPixels(rgb));
  }

  async check(img: RgbaImage, opts?: CheckOptions): Promise<EngineRun> {
    return this.withFallback((e) => e.check(img, opts));
  }

  private async withFallback<T>(work: (engine: Engine) => Promise<T>): Promise<T> {
    const engine = this.engine;
    try {
      return await work(engine);
    } catch (err) {
      if (engine.backend === 'wasm') throw err;
      return work(await this.fallBack(engine, err as Error));
    }
  }

  /** One switch however many checks fail at once; the failed engine is released. */
  private fallBack(failed: Engine, err: Error): Promise<Engine> {
    this.switching ??= (async () => {
      console.warn(`DualSight: ${failed.backend} run failed, using WASM from now on:`, err);
      const wasm = await this.makeFallback();
      this.engine = wasm;
      this.note = `${failed.backend} failed on a check (${err.message || String(err)}): WASM from now on`;
      void failed.release().catch(() => undefined);
      return wasm;
    })();
    return this.switching;
  }

  async release(): Promise<void> {
    await this.engine.release();
  }
}
