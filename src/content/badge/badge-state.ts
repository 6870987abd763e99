import type { Verdict } from '../../shared/verdict';

/** What a badge shows for the image it belongs to. */
export type BadgeState =
  | { kind: 'checking' }
  | { kind: 'done'; verdict: Verdict }
  | { kind: 'failed'; error: string };
