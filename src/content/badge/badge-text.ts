// Words and colours of a badge for each state, kept apart from the DOM so that they are tested as plain
// functions. The words themselves come from src/shared/wording.ts, shared with card, popup and CLI.
import { badgeLine, CHECKING_LABEL, FAILED_LABEL, failureLine, spokenVerdict, toneOf as verdictTone, type Tone } from '../../shared/wording';
import type { BadgeState } from './badge-state';

export type { Tone };

export function toneOf(state: BadgeState): Tone {
  return state.kind === 'done' ? verdictTone(state.verdict) : state.kind;
}

/** Text of the badge button: "Likely AI 87% · person, dog", "Checking…", "Could not check". */
export function badgeText(state: BadgeState): string {
  if (state.kind === 'checking') return CHECKING_LABEL;
  if (state.kind === 'failed') return FAILED_LABEL;
  return badgeLine(state.verdict);
}

/** The host's aria-label, e.g. "DualSight: likely AI-generated (AI score 87%); objects: person, dog". */
export function ariaSummary(state: BadgeState): string {
  if (state.kind === 'checking') return 'DualSight: checking image';
  if (state.kind === 'failed') return `DualSight: ${failureLine(state.error)}`;
  return `DualSight: ${spokenVerdict(state.verdict)}`;
}
