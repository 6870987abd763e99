// How results are printed: JSON lines for machines, one readable line per image for people.
import type { VerifyFailure, VerifyResult } from './verify';
import { isFailure } from './verify';

export const jsonLine = (r: VerifyResult | VerifyFailure): string => JSON.stringify(r);

import { aiScore, failureLine, KIND_NAMES, percent, scoreNote, verdictLabel } from '../shared/wording';

/**
 * In the extension's words (src/shared/wording.ts): "photo.jpg: Likely real, AI score 6%; objects:
 * person 91%, dog 60% [dualsight-lite@1.0.0, 180 ms]". The score is always printed: the CLI is for
 * people who want the number.
 */
export function textLine(r: VerifyResult | VerifyFailure): string {
  if (isFailure(r)) return `${r.input}: ${failureLine(r.error)}`;
  const objects = r.objects.length ? r.objects.map((o) => `${o.label} ${percent(o.score)}`).join(', ') : 'none recognised';
  // An unscored graphic's number is printed too, marked as not used.
  const note = r.ai.verdict === 'none' ? `${aiScore(r.ai.probability)} (not used for this kind)` : scoreNote(r);
  const verdict = note ? `${verdictLabel(r)}, ${note}` : verdictLabel(r);
  const kind = r.kind ? `; kind: ${KIND_NAMES[r.kind].toLowerCase()} ${percent(r.kindProbability ?? 0)}` : '';
  return `${r.input}: ${verdict}${kind}; objects: ${objects} [${r.model}, ${r.ms} ms]`;
}
