// One model session (pixels -> tensor -> outputs), shared by the offscreen document and the CLI; the
// per-image steps around it are the pipeline's (check/pipeline.ts, check/judge.ts). `ort` is
// onnxruntime-web (WASM or WebGPU backend) or, in the CLI, onnxruntime-node.
import type * as OrtNs from 'onnxruntime-web';
import { modelId, type ModelManifest } from './model-manifest';
import { tensorDims, toTensorData, type RgbaImage } from './preprocess';
import { judge, type JudgeOptions, type Model } from './check/judge';
import type { RawOutputs } from './postprocess';
import type { AiVerdict, ImageKind } from './verdict';

/** What the engine needs of a runtime: onnxruntime-web (extension, CLI --backend wasm) and
 *  onnxruntime-node (CLI default) both provide it, from the same onnxruntime-common. */
type Ort = Pick<typeof OrtNs, 'InferenceSession' | 'Tensor'>;

export interface EngineOptions {
  executionProviders: string[];
  /** Native runtime only (onnxruntime-web takes its thread count from env.wasm.numThreads). */
  intraOpNumThreads?: number;
}

export interface EngineRun {
  ai: { probability: number; verdict: AiVerdict };
  kind?: ImageKind;
  kindProbability?: number;
  objects: { label: string; score: number }[];
  model: string;
  modelMs: number;
}

export class Engine implements Model {
  private queue: Promise<unknown> = Promise.resolve();
  private input: Float32Array;

  private constructor(
    private readonly ort: Ort,
    private readonly session: OrtNs.InferenceSession,
    readonly manifest: ModelManifest,
    readonly backend: string,
  ) {
    this.input = new Float32Array(manifest.input.width * manifest.input.height * 3);
    const outs = session.outputNames;
    for (const name of this.outputNames()) {
      if (!outs.includes(name)) throw new Error(`model has no output "${name}" (it has: ${outs.join(', ')})`);
    }
    if (!session.inputNames.includes(manifest.input.name)) {
      throw new Error(`model has no input "${manifest.input.name}" (it has: ${session.inputNames.join(', ')})`);
    }
  }

  static async create(ort: Ort, manifest: ModelManifest, model: Uint8Array, backend: string, opts: EngineOptions): Promise<Engine> {
    const session = await ort.InferenceSession.create(model, {
      executionProviders: opts.executionProviders,
      graphOptimizationLevel: 'all',
      ...(opts.intraOpNumThreads ? { intraOpNumThreads: opts.intraOpNumThreads } : {}),
    });
    return new Engine(ort, session, manifest, backend);
  }

  /** The heads the manifest reads: a model may expose more (a backbone's heatmap is 1.3M floats per image). */
  private outputNames(): string[] {
    const o = this.manifest.outputs;
    return [o.objects.name, o.authenticity.name, ...(o.kind ? [o.kind.name] : [])];
  }

  get id(): string {
    return modelId(this.manifest);
  }

  /** Raw model outputs for model-ready RGB pixels; runs are serialised (one session call at a time). */
  async runPixels(rgb: Uint8Array): Promise<RawOutputs & { ms: number }> {
    const task = this.queue.then(async () => {
      const spec = this.manifest.input;
      toTensorData(rgb, spec, this.input);
      const tensor = new this.ort.Tensor('float32', this.input, tensorDims(spec));
      const t0 = performance.now();
      const out = await this.session.run({ [spec.name]: tensor }, this.outputNames());
      const ms = performance.now() - t0;
      const get = (name: string): Float32Array => {
        const t = out[name];
        if (!t) throw new Error(`model returned no "${name}"`);
        return Float32Array.from(t.data as Float32Array);
      };
      const o = this.manifest.outputs;
      const result = { objects: get(o.objects.name), authenticity: get(o.authenticity.name), ...(o.kind ? { kind: get(o.kind.name) } : {}), ms };
      for (const t of Object.values(out)) t.dispose?.();
      return result;
    });
    this.queue = task.catch(() => undefined);
    return task;
  }

  /** Pre-processing, model and interpretation for one decoded image (the self-check, tests). */
  async check(img: RgbaImage, opts: JudgeOptions = {}): Promise<EngineRun> {
    const { raw: _raw, ...run } = await judge(this, img, opts);
    return run;
  }

  async release(): Promise<void> {
    await this.session.release();
  }
}
