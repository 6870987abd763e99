// The module API behind `dualsight verify`: one input in, one result or failure out, using the shared
// Engine exactly as the extension's offscreen document does (decode -> modelPixels -> run -> interpret).
import { readFile, stat } from 'node:fs/promises';
import type { Engine } from '../shared/engine';
import { activate, interpret } from '../shared/postprocess';
import { modelPixels } from '../shared/preprocess';
import type { AiVerdict, ImageKind, ObjectScore, Provenance } from '../shared/verdict';
import { decodeImage } from '../node/decode-image';
import { fetchImage } from './fetch-image';
import { expandInputs, type InputItem } from './inputs';

/** Files larger than this are refused before reading (the URL path has its own cap). */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

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

async function readLocal(path: string): Promise<Uint8Array> {
  const info = await stat(path);
  if (!info.isFile()) throw new Error('not a file');
  if (info.size > MAX_FILE_BYTES) throw new Error(`file is ${info.size} bytes, over the ${MAX_FILE_BYTES}-byte limit`);
  return new Uint8Array(await readFile(path));
}

function rawHead(output: string, values: Float32Array, activation: Parameters<typeof activate>[1]): RawHead {
  return { output, values: Array.from(values), probabilities: Array.from(activate(values, activation)) };
}

export async function verifyItem(engine: Engine, item: InputItem, opts: VerifyOptions): Promise<VerifyResult | VerifyFailure> {
  if (item.kind === 'unusable') return { input: item.input, error: item.error };
  const t0 = performance.now();
  try {
    const bytes = item.kind === 'url' ? await fetchImage(item.input) : await readLocal(item.input);
    const img = await decodeImage(bytes);
    const m = engine.manifest;
    const out = await engine.runPixels(modelPixels(img, m.input));
    const verdict = interpret(out, m, { objectLimit: opts.limit });
    const provenance = opts.readProvenance ? await opts.readProvenance(bytes) : undefined;
    const result: VerifyResult = {
      input: item.input,
      ...verdict,
      model: engine.id,
      backend: engine.backend,
      ms: Math.round(performance.now() - t0),
      modelMs: Math.round(out.ms),
    };
    if (provenance) result.provenance = provenance;
    if (opts.raw) {
      result.raw = {
        objects: rawHead(m.outputs.objects.name, out.objects, m.outputs.objects.activation),
        authenticity: rawHead(m.outputs.authenticity.name, out.authenticity, m.outputs.authenticity.activation),
        ...(m.outputs.kind && out.kind ? { kind: rawHead(m.outputs.kind.name, out.kind, m.outputs.kind.activation) } : {}),
      };
    }
    return result;
  } catch (e) {
    return { input: item.input, error: (e as Error).message || String(e) };
  }
}

/** Checks the inputs one after another, yielding each result as soon as it exists. */
export async function* verifyInputs(engine: Engine, inputs: string[], opts: VerifyOptions): AsyncGenerator<VerifyResult | VerifyFailure> {
  for await (const item of expandInputs(inputs)) yield await verifyItem(engine, item, opts);
}
