import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../shared/verdict';
import { ariaSummary, badgeText, toneOf } from './badge-text';

const verdict = (p: number, v: Verdict['ai']['verdict'], extra: Partial<Verdict> = {}): Verdict => ({
  ai: { probability: p, verdict: v },
  objects: [
    { label: 'person', score: 0.9 }, { label: 'dog', score: 0.6 }, { label: 'car', score: 0.3 }, { label: 'kite', score: 0.2 },
  ],
  model: 'dualsight-lite@1.0.0',
  backend: 'wasm',
  modelMs: 120,
  ms: 1850,
  ...extra,
});

describe('badge text', () => {
  it('says the verdict in words, then the top three objects', () => {
    expect(badgeText({ kind: 'done', verdict: verdict(0.874, 'ai') })).toBe('Likely AI 87% · person, dog, car');
    expect(badgeText({ kind: 'done', verdict: { ...verdict(0.06, 'real'), objects: [] } })).toBe('Likely real');
    expect(badgeText({ kind: 'done', verdict: verdict(0.55, 'unsure') })).toBe('Unsure · person, dog, car');
    expect(badgeText({ kind: 'checking' })).toBe('Checking…');
    expect(badgeText({ kind: 'failed', error: 'HTTP 404' })).toBe('Could not check');
  });

  it('lets declared provenance win over the model score', () => {
    const declared = verdict(0.2, 'real', { provenance: { declared: 'ai', signals: [{ kind: 'c2pa', summary: 'C2PA: made with DALL-E' }] } });
    expect(badgeText({ kind: 'done', verdict: declared })).toBe('AI (declared) · person, dog, car');
    expect(toneOf({ kind: 'done', verdict: declared })).toBe('declared-ai');
    const camera = verdict(0.6, 'unsure', { provenance: { declared: 'camera', signals: [] } });
    expect(badgeText({ kind: 'done', verdict: camera }).startsWith('Camera-signed')).toBe(true);
    expect(toneOf({ kind: 'done', verdict: camera })).toBe('camera');
    expect(toneOf({ kind: 'failed', error: 'x' })).toBe('failed');
  });

  it('summarises for screen readers', () => {
    expect(ariaSummary({ kind: 'done', verdict: verdict(0.874, 'ai') })).toBe('DualSight: likely AI-generated (AI score 87%); objects: person, dog, car');
    expect(ariaSummary({ kind: 'done', verdict: { ...verdict(0.05, 'real'), objects: [] } })).toBe(
      'DualSight: likely a real photo (AI score 5%); no objects recognised',
    );
    expect(ariaSummary({ kind: 'failed', error: 'not an image' })).toBe('DualSight: Could not check: not an image');
  });
});
