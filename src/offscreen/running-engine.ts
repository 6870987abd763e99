// The engine an inference host is using, with its way out: when a WebGPU run fails (device lost, a
// kernel error, a driver bug), that check is run again on WASM and WASM serves the rest of the session,
// with the reason in the engine status, instead of every later badge reading "could not check".
import type { Engine, EngineRun } from '../shared/engine';
import type { RgbaImage } from '../shared/preprocess';

type CheckOptions = Parameters<Engine['check']>[1];

export class RunningEngine {
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

  async check(img: RgbaImage, opts?: CheckOptions): Promise<EngineRun> {
    const engine = this.engine;
    try {
      return await engine.check(img, opts);
    } catch (err) {
      if (engine.backend === 'wasm') throw err;
      return (await this.fallBack(engine, err as Error)).check(img, opts);
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
