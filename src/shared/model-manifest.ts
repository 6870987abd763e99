// The model manifest: everything the extension and the CLI need to run a model folder
// (models/<name>/manifest.json). The default model, the converted seed DualSight model and any
// user-supplied two-head ONNX model are all described this way. Format documented in models/README.md.
import { IMAGE_KINDS, type ImageKind } from './verdict';

export type Activation = 'softmax' | 'sigmoid' | 'none';

export interface InputSpec {
  /** ONNX input name. */
  name: string;
  layout: 'NCHW' | 'NHWC';
  width: number;
  height: number;
  /**
   * How the decoded image becomes width x height:
   * - 'stretch': resize to width x height ignoring aspect ratio;
   * - 'shorter-center-crop': resize the shorter side to `resizeShorter` then center-crop width x height
   *   (torchvision Resize(256) + CenterCrop(224)).
   */
  resize: 'stretch' | 'shorter-center-crop';
  resizeShorter?: number;
  /** Pixel values are divided by `scale` (255 -> [0,1]) then normalised: (v - mean) / std per channel (RGB). */
  scale: number;
  mean: [number, number, number];
  std: [number, number, number];
}

export interface ObjectsOutput {
  /** ONNX output name. */
  name: string;
  activation: Activation;
  /** One label per output index. */
  labels: string[];
  /**
   * 'single': one class per index (COCO names).
   * 'label-sets': each label is a comma-joined set of names ("apple, banana, person"); the score of a
   * name is the summed probability of every class whose set contains it (seed DualSight model).
   */
  labelKind: 'single' | 'label-sets';
  /** Labels that mean "no object" and are never shown ("Unknown"). */
  ignore?: string[];
}

export interface AuthenticityOutput {
  name: string;
  /** 'softmax' over N classes (aiIndex picks the AI class) or 'sigmoid' of a single logit (P(AI)). */
  activation: Activation;
  aiIndex: number;
  labels?: string[];
}

export interface KindOutput {
  /** ONNX output name: one logit (softmax) or probability per label. */
  name: string;
  activation: Activation;
  /** One image kind per output index (photo | artwork | graphic | composite). */
  labels: ImageKind[];
  /** Kinds the AI score is not given for (the verdict is "none"), e.g. ["graphic"]. */
  unscored: ImageKind[];
  /** P(kind) an unscored kind needs, besides being the most likely one, before the score is withheld. */
  unscoredAt: number;
}

export interface Calibration {
  /** Platt scaling on the AI logit: p = sigmoid(a * logit + b). Identity when absent. */
  a: number;
  b: number;
}

export interface Thresholds {
  /** P(AI) at or above which the verdict is "ai". */
  ai: number;
  /** P(AI) at or below which the verdict is "real"; between the two the verdict is "unsure". */
  real: number;
  /** Minimum object score shown. */
  object: number;
}

export interface ModelManifest {
  format: 'dualsight-model@1';
  name: string;
  version: string;
  description?: string;
  /** ONNX file name relative to the manifest. */
  file: string;
  /** Size of `file` in bytes, and its SHA-256 (hex), checked on load when present. */
  bytes?: number;
  sha256?: string;
  input: InputSpec;
  outputs: { objects: ObjectsOutput; authenticity: AuthenticityOutput; kind?: KindOutput };
  calibration?: Calibration;
  thresholds: Thresholds;
  /** Where the figures behind the thresholds come from (e.g. "REPORT.md"). */
  report?: string;
}

export class ManifestError extends Error {
  override name = 'ManifestError';
}

function fail(path: string, what: string): never {
  throw new ManifestError(`model manifest: ${path} ${what}`);
}

function num(v: unknown, path: string, min = -Infinity, max = Infinity): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
    fail(path, `must be a number in [${min}, ${max}], got ${JSON.stringify(v)}`);
  }
  return v;
}

function str(v: unknown, path: string): string {
  if (typeof v !== 'string' || v.length === 0) fail(path, `must be a non-empty string`);
  return v;
}

function triple(v: unknown, path: string): [number, number, number] {
  if (!Array.isArray(v) || v.length !== 3) fail(path, 'must be an array of 3 numbers');
  return [num(v[0], `${path}[0]`), num(v[1], `${path}[1]`), num(v[2], `${path}[2]`)];
}

function oneOf<T extends string>(v: unknown, path: string, options: readonly T[]): T {
  if (!options.includes(v as T)) fail(path, `must be one of ${options.join(' | ')}, got ${JSON.stringify(v)}`);
  return v as T;
}

const ACTIVATIONS = ['softmax', 'sigmoid', 'none'] as const;

/** Validates untrusted JSON (a user-installed model) and returns a typed manifest, or throws ManifestError. */
export function parseManifest(json: unknown): ModelManifest {
  if (typeof json !== 'object' || json === null) fail('', 'must be a JSON object');
  const m = json as Record<string, any>;
  if (m.format !== 'dualsight-model@1') fail('format', `must be "dualsight-model@1", got ${JSON.stringify(m.format)}`);
  const i = m.input ?? fail('input', 'is missing');
  const input: InputSpec = {
    name: str(i.name, 'input.name'),
    layout: oneOf(i.layout, 'input.layout', ['NCHW', 'NHWC'] as const),
    width: num(i.width, 'input.width', 8, 4096),
    height: num(i.height, 'input.height', 8, 4096),
    resize: oneOf(i.resize, 'input.resize', ['stretch', 'shorter-center-crop'] as const),
    scale: num(i.scale, 'input.scale', 1e-6),
    mean: triple(i.mean, 'input.mean'),
    std: triple(i.std, 'input.std'),
  };
  if (input.resize === 'shorter-center-crop') {
    input.resizeShorter = num(i.resizeShorter, 'input.resizeShorter', Math.max(input.width, input.height), 8192);
  }
  if (input.std.some((s) => s === 0)) fail('input.std', 'must not contain 0');
  const o = m.outputs?.objects ?? fail('outputs.objects', 'is missing');
  if (!Array.isArray(o.labels) || o.labels.length === 0 || !o.labels.every((l: unknown) => typeof l === 'string')) {
    fail('outputs.objects.labels', 'must be a non-empty array of strings');
  }
  const objects: ObjectsOutput = {
    name: str(o.name, 'outputs.objects.name'),
    activation: oneOf(o.activation, 'outputs.objects.activation', ACTIVATIONS),
    labels: o.labels,
    labelKind: oneOf(o.labelKind ?? 'single', 'outputs.objects.labelKind', ['single', 'label-sets'] as const),
    ignore: Array.isArray(o.ignore) ? o.ignore.filter((x: unknown) => typeof x === 'string') : [],
  };
  const a = m.outputs?.authenticity ?? fail('outputs.authenticity', 'is missing');
  const authenticity: AuthenticityOutput = {
    name: str(a.name, 'outputs.authenticity.name'),
    activation: oneOf(a.activation, 'outputs.authenticity.activation', ACTIVATIONS),
    aiIndex: num(a.aiIndex ?? 0, 'outputs.authenticity.aiIndex', 0, 1000),
    labels: Array.isArray(a.labels) ? a.labels : undefined,
  };
  const kind = m.outputs?.kind === undefined ? undefined : parseKind(m.outputs.kind);
  const t = m.thresholds ?? fail('thresholds', 'is missing');
  const thresholds: Thresholds = {
    ai: num(t.ai, 'thresholds.ai', 0, 1),
    real: num(t.real, 'thresholds.real', 0, 1),
    object: num(t.object, 'thresholds.object', 0, 1),
  };
  if (thresholds.real > thresholds.ai) fail('thresholds.real', 'must not exceed thresholds.ai');
  const manifest: ModelManifest = {
    format: 'dualsight-model@1',
    name: str(m.name, 'name'),
    version: str(m.version, 'version'),
    description: typeof m.description === 'string' ? m.description : undefined,
    file: str(m.file, 'file'),
    bytes: m.bytes === undefined ? undefined : num(m.bytes, 'bytes', 1),
    sha256: typeof m.sha256 === 'string' ? m.sha256 : undefined,
    input,
    outputs: kind ? { objects, authenticity, kind } : { objects, authenticity },
    thresholds,
    report: typeof m.report === 'string' ? m.report : undefined,
  };
  if (m.calibration !== undefined) {
    manifest.calibration = { a: num(m.calibration.a, 'calibration.a'), b: num(m.calibration.b, 'calibration.b') };
  }
  return manifest;
}

function kinds(v: unknown, path: string): ImageKind[] {
  if (!Array.isArray(v)) fail(path, 'must be an array of image kinds');
  return v.map((k, i) => oneOf(k, `${path}[${i}]`, IMAGE_KINDS));
}

function parseKind(k: Record<string, any>): KindOutput {
  const labels = kinds(k.labels, 'outputs.kind.labels');
  if (labels.length < 2) fail('outputs.kind.labels', 'must name at least two kinds');
  const unscored = kinds(k.unscored ?? [], 'outputs.kind.unscored');
  for (const u of unscored) if (!labels.includes(u)) fail('outputs.kind.unscored', `names "${u}", which is not in labels`);
  return {
    name: str(k.name, 'outputs.kind.name'),
    activation: oneOf(k.activation, 'outputs.kind.activation', ACTIVATIONS),
    labels,
    unscored,
    unscoredAt: num(k.unscoredAt ?? 0, 'outputs.kind.unscoredAt', 0, 1),
  };
}

export const modelId = (m: ModelManifest): string => `${m.name}@${m.version}`;
