// How results are printed: JSON lines for machines, one readable line per image for people.
import type { VerifyFailure, VerifyResult } from './verify';
import { isFailure } from './verify';

export const jsonLine = (r: VerifyResult | VerifyFailure): string => JSON.stringify(r);

import { failureLine, percent, scoreNote, verdictLabel } from '../shared/wording';

/**
 * In the extension's words (src/shared/wording.ts): "photo.jpg: Likely real, AI score 6%; objects:
 * person 91%, dog 60% [dualsight-lite@1.0.0, 180 ms]". The score is always printed: the CLI is for
 * people who want the number.
 */
export function textLine(r: VerifyResult | VerifyFailure): string {
  if (isFailure(r)) return `${r.input}: ${failureLine(r.error)}`;
  const objects = r.objects.length ? r.objects.map((o) => `${o.label} ${percent(o.score)}`).join(', ') : 'none recognised';
  const note = scoreNote(r);
  const verdict = note ? `${verdictLabel(r)}, ${note}` : verdictLabel(r);
  return `${r.input}: ${verdict}; objects: ${objects} [${r.model}, ${r.ms} ms]`;
}
