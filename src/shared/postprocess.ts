// Model outputs -> a verdict (AI probability, object names), the same code in the extension and the CLI.
import type { Activation, ModelManifest } from './model-manifest';
import { verdictFor, type AiVerdict, type KindScore, type ObjectScore } from './verdict';

export interface RawOutputs {
  objects: Float32Array;
  authenticity: Float32Array;
  /** Present when the manifest declares a kind output. */
  kind?: Float32Array;
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

export function activate(values: Float32Array, activation: Activation): Float32Array {
  if (activation === 'none') return values;
  if (activation === 'sigmoid') return values.map(sigmoid);
  let max = -Infinity;
  for (const v of values) max = Math.max(max, v);
  const exps = values.map((v) => Math.exp(v - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

const EPS = 1e-7;
const logit = (p: number): number => {
  const q = Math.min(1 - EPS, Math.max(EPS, p));
  return Math.log(q / (1 - q));
};

/** P(AI) after the model's activation and the manifest's calibration. */
export function aiProbability(raw: Float32Array, m: ModelManifest): number {
  const a = m.outputs.authenticity;
  let p: number;
  if (a.activation === 'sigmoid' && raw.length === 1) p = sigmoid(raw[0]!);
  else p = activate(raw, a.activation)[a.aiIndex] ?? NaN;
  if (!Number.isFinite(p)) throw new Error(`authenticity output has no finite value at index ${a.aiIndex}`);
  if (m.calibration) p = sigmoid(m.calibration.a * logit(p) + m.calibration.b);
  return p;
}

/** Object names with scores, best first, above the threshold, at most `limit`. */
export function objectScores(raw: Float32Array, m: ModelManifest, limit = 3, threshold = m.thresholds.object): ObjectScore[] {
  const o = m.outputs.objects;
  if (raw.length !== o.labels.length) {
    throw new Error(`objects output has ${raw.length} values but the manifest names ${o.labels.length} labels`);
  }
  const probs = activate(raw, o.activation);
  const ignore = new Set(o.ignore ?? []);
  const scores = new Map<string, number>();
  probs.forEach((p, i) => {
    const label = o.labels[i]!;
    if (ignore.has(label)) return;
    const names = o.labelKind === 'label-sets' ? label.split(',').map((n) => n.trim()).filter(Boolean) : [label];
    // label-sets: a name's score is the summed probability of every set that contains it.
    for (const name of names) scores.set(name, o.labelKind === 'label-sets' ? (scores.get(name) ?? 0) + p : Math.max(scores.get(name) ?? 0, p));
  });
  return [...scores.entries()]
    .map(([label, score]) => ({ label, score: Math.min(1, score) }))
    .filter((s) => s.score >= threshold)
    .sort((a, b) => b.score - a.score || a.label.localeCompare(b.label))
    .slice(0, limit);
}

/** The most likely image kind, or undefined when the model has no kind output. */
export function imageKind(raw: Float32Array | undefined, m: ModelManifest): KindScore | undefined {
  const k = m.outputs.kind;
  if (!k) return undefined;
  if (!raw || raw.length !== k.labels.length) {
    throw new Error(`kind output has ${raw?.length ?? 0} values but the manifest names ${k.labels.length} kinds`);
  }
  const probs = activate(raw, k.activation);
  let best = 0;
  probs.forEach((p, i) => {
    if (p > probs[best]!) best = i;
  });
  const probability = probs[best]!;
  if (!Number.isFinite(probability)) throw new Error('kind output has no finite value');
  return { label: k.labels[best]!, probability };
}

/** Whether the AI score is withheld for this kind (a graphic: its score would not mean anything). */
export function isUnscored(kind: KindScore | undefined, m: ModelManifest): boolean {
  const k = m.outputs.kind;
  return !!kind && !!k && k.unscored.includes(kind.label) && kind.probability >= k.unscoredAt;
}

export function interpret(raw: RawOutputs, m: ModelManifest, opts: { aiThreshold?: number | null; objectLimit?: number } = {}) {
  const probability = aiProbability(raw.authenticity, m);
  const aiT = opts.aiThreshold ?? m.thresholds.ai;
  const realT = Math.min(m.thresholds.real, aiT);
  const kind = imageKind(raw.kind, m);
  const verdict: AiVerdict = isUnscored(kind, m) ? 'none' : verdictFor(probability, { ai: aiT, real: realT });
  return {
    ai: { probability, verdict },
    ...(kind ? { kind: kind.label, kindProbability: kind.probability } : {}),
    objects: objectScores(raw.objects, m, opts.objectLimit ?? 3),
  };
}
