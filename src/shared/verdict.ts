// What one check of one image produces; shared by the extension (badges, history) and the CLI.

/** "none": the image is of a kind the model does not score (a graphic: screenshot, chart, text). */
export type AiVerdict = 'ai' | 'unsure' | 'real' | 'none';

/**
 * What kind of image it is, when the model has a kind head (models/README.md): a photograph (or
 * something made to look like one), an artwork or illustration, a graphic (screenshot, chart, diagram,
 * text, UI, document) or a composite (a picture with overlaid text: memes, captioned posts).
 */
export type ImageKind = 'photo' | 'artwork' | 'graphic' | 'composite';
export const IMAGE_KINDS: readonly ImageKind[] = ['photo', 'artwork', 'graphic', 'composite'];

/** The most likely kind and the model's probability for it. */
export interface KindScore {
  label: ImageKind;
  probability: number;
}

export interface ObjectScore {
  label: string;
  score: number;
}

/** Provenance evidence read from the image bytes (filled by src/shared/provenance). */
export interface ProvenanceSignal {
  kind: 'c2pa' | 'iptc' | 'generator-parameters' | 'exif';
  /** One line a person can read. */
  summary: string;
  [detail: string]: unknown;
}

export interface Provenance {
  /** "ai": the file declares AI generation; "camera": a valid C2PA manifest records camera capture. */
  declared: 'ai' | 'camera' | null;
  signals: ProvenanceSignal[];
  /** Malformed containers or structures met while reading (at most 20 lines). */
  problems?: string[];
}

export interface Verdict {
  ai: { probability: number; verdict: AiVerdict };
  /** The image's most likely kind and its probability (absent with models without a kind head, and in
   *  history written before there was one). */
  kind?: ImageKind;
  kindProbability?: number;
  /** Best first, at most the number asked for, each above the model's object threshold. */
  objects: ObjectScore[];
  /** "name@version" of the model that produced it. */
  model: string;
  /** Backend that ran it: "wasm" | "webgpu" | "node-wasm". */
  backend: string;
  /** Model time and total time (fetch + decode + model + post-processing), milliseconds. */
  modelMs: number;
  ms: number;
  provenance?: Provenance;
}

export interface CheckFailure {
  error: string;
}

export type CheckResult = ({ ok: true } & Verdict) | ({ ok: false } & CheckFailure);

/** The combined label a person sees: declared provenance wins over the model's score. */
export function headline(v: Pick<Verdict, 'ai' | 'provenance'>): 'ai-declared' | 'camera-signed' | AiVerdict {
  if (v.provenance?.declared === 'ai') return 'ai-declared';
  if (v.provenance?.declared === 'camera') return 'camera-signed';
  return v.ai.verdict;
}

export function verdictFor(p: number, t: { ai: number; real: number }): AiVerdict {
  if (p >= t.ai) return 'ai';
  if (p <= t.real) return 'real';
  return 'unsure';
}
