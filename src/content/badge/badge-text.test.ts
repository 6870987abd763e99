import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../shared/verdict';
import { ariaSummary, badgeText, duration, scoreMeaning, toneOf } from './badge-text';

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
  it('shows the AI score and the top three objects', () => {
    expect(badgeText({ kind: 'done', verdict: verdict(0.874, 'ai') })).toBe('87% AI · person, dog, car');
    expect(badgeText({ kind: 'done', verdict: { ...verdict(0.1, 'real'), objects: [] } })).toBe('10% AI');
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
  });

  it('summarises for screen readers', () => {
    expect(ariaSummary({ kind: 'done', verdict: verdict(0.874, 'ai') })).toBe('DualSight: 87% likely AI-generated; objects: person, dog, car');
    expect(ariaSummary({ kind: 'done', verdict: { ...verdict(0.05, 'real'), objects: [] } })).toBe(
      'DualSight: 5% AI-generated score, likely real; no objects recognised',
    );
    expect(ariaSummary({ kind: 'failed', error: 'not an image' })).toBe('DualSight: could not check image: not an image');
  });

  it('explains the score and formats durations', () => {
    expect(scoreMeaning(verdict(0.5, 'unsure'))).toContain('cannot tell');
    expect(duration(240.4)).toBe('240 ms');
    expect(duration(1840)).toBe('1.8 s');
  });
});
