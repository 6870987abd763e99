// Decoded pixels -> a verdict: pre-processing, one model run, interpretation. The one place these three
// steps are sequenced (the pipeline, the engine's self-check and the CLI all come here).
import type { ModelManifest } from '../model-manifest';
import { interpret, type RawOutputs } from '../postprocess';
import { modelPixels, type RgbaImage } from '../preprocess';

/** A model session as the pipeline needs it: onnxruntime-web or -node behind Engine, or RunningEngine. */
export interface Model {
  readonly manifest: ModelManifest;
  /** "name@version". */
  readonly id: string;
  readonly backend: string;
  /** Raw outputs for model-ready RGB pixels. */
  runPixels(rgb: Uint8Array): Promise<RawOutputs & { ms: number }>;
}

/** Objects the extension asks for per image: the badge shows 3, the detail card all of these. */
export const OBJECTS_PER_IMAGE = 10;

export interface JudgeOptions {
  /** The user's sensitivity; null or absent: the model's own threshold. */
  aiThreshold?: number | null;
  /** Objects returned, best first. */
  objectLimit?: number;
}

export type Judgement = ReturnType<typeof interpret> & { model: string; modelMs: number; raw: RawOutputs };

export async function judge(model: Model, img: RgbaImage, opts: JudgeOptions = {}): Promise<Judgement> {
  const { manifest } = model;
  const out = await model.runPixels(modelPixels(img, manifest.input));
  return {
    ...interpret(out, manifest, { aiThreshold: opts.aiThreshold, objectLimit: opts.objectLimit }),
    model: model.id,
    modelMs: out.ms,
    raw: { objects: out.objects, authenticity: out.authenticity, ...(out.kind ? { kind: out.kind } : {}) },
  };
}
