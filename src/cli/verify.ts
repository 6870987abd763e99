// The module API behind `dualsight verify`: one input in, one result or failure out, through the same
// pipeline as the extension's offscreen document (src/shared/check/pipeline.ts) with Node's fetch and decode.
import type { Engine } from '../shared/engine';
import { runCheck } from '../shared/check/pipeline';
import { failureWords } from '../shared/check/words';
import { activate } from '../shared/postprocess';
import type { AiVerdict, ImageKind, ObjectScore, Provenance } from '../shared/verdict';
import { nodeCheckHost, readLocal } from './check-host';
import { expandInputs, type InputItem } from './inputs';

export interface RawHead {
  /** ONNX output name. */
  output: string;
  /** The model's outputs as returned (logits for a softmax head). */
  values: number[];
  /** After the manifest's activation (before calibration). */
  probabilities: number[];
}

export interface VerifyResult {
  input: string;
  /** verdict "none": the image's kind is not scored (a graphic); the probability is still given. */
  ai: { probability: number; verdict: AiVerdict };
  /** photo | artwork | graphic | composite, with the model's probability for it (models with a kind head). */
  kind?: ImageKind;
  kindProbability?: number;
  objects: ObjectScore[];
  model: string;
  /** The runtime that ran the model: "native" (onnxruntime-node) or "wasm" (onnxruntime-web). */
  backend: string;
  /** Whole check (read or download, decode, pre-processing, model, post-processing), ms. */
  ms: number;
  /** Model run alone, ms. */
  modelMs: number;
  provenance?: Provenance;
  raw?: { objects: RawHead; authenticity: RawHead; kind?: RawHead };
}

export interface VerifyFailure {
  input: string;
  error: string;
}

export interface VerifyOptions {
  /** Objects per image. */
  limit: number;
  raw?: boolean;
  /** Reads declared provenance (C2PA, generator parameters, EXIF) from the original bytes. */
  readProvenance?: (bytes: Uint8Array) => Provenance | Promise<Provenance>;
}

export const isFailure = (r: VerifyResult | VerifyFailure): r is VerifyFailure => 'error' in r;

function rawHead(output: string, values: Float32Array, activation: Parameters<typeof activate>[1]): RawHead {
  return { output, values: Array.from(values), probabilities: Array.from(activate(values, activation)) };
}

export async function verifyItem(engine: Engine, item: InputItem, opts: VerifyOptions): Promise<VerifyResult | VerifyFailure> {
  if (item.kind === 'unusable') return { input: item.input, error: item.error };
  const path = item.input;
  try {
    const input = item.kind === 'url' ? { url: item.input } : { read: () => readLocal(path) };
    const { raw, thumbnail: _none, ...verdict } = await runCheck(input, nodeCheckHost(opts.readProvenance), engine, { objectLimit: opts.limit });
    const result: VerifyResult = { input: item.input, ...verdict };
    if (opts.raw) {
      const m = engine.manifest;
      result.raw = {
        objects: rawHead(m.outputs.objects.name, raw.objects, m.outputs.objects.activation),
        authenticity: rawHead(m.outputs.authenticity.name, raw.authenticity, m.outputs.authenticity.activation),
        ...(m.outputs.kind && raw.kind ? { kind: rawHead(m.outputs.kind.name, raw.kind, m.outputs.kind.activation) } : {}),
      };
    }
    return result;
  } catch (e) {
    return { input: item.input, error: failureWords(e) };
  }
}

/** Checks the inputs one after another, yielding each result as soon as it exists. */
export async function* verifyInputs(engine: Engine, inputs: string[], opts: VerifyOptions): AsyncGenerator<VerifyResult | VerifyFailure> {
  for await (const item of expandInputs(inputs)) yield await verifyItem(engine, item, opts);
}
