import { describe, expect, it } from 'vitest';
import type { ProvenanceSignal, Verdict } from './verdict';
import { aiScore, badgeLine, declaringEvidence, duration, evidence, failureLine, scoreMeaning, spokenVerdict, summaryLine, toneOf, verdictLabel } from './wording';

const verdict = (p: number, v: Verdict['ai']['verdict'], extra: Partial<Verdict> = {}): Verdict => ({
  ai: { probability: p, verdict: v },
  objects: [{ label: 'person', score: 0.9 }, { label: 'dog', score: 0.6 }],
  model: 'dualsight-lite@1.0.0',
  backend: 'wasm',
  modelMs: 120,
  ms: 1850,
  ...extra,
});

const noC2pa: ProvenanceSignal = { kind: 'c2pa', summary: 'No C2PA Content Credentials', present: false };
const iptcAi: ProvenanceSignal = { kind: 'iptc', summary: 'XMP (JPEG): DigitalSourceType trainedAlgorithmicMedia (self-declared, unsigned)', ai: true };
const exif: ProvenanceSignal = { kind: 'exif', summary: 'EXIF: Canon EOS 5D (unsigned; not proof of a camera)' };

describe('wording', () => {
  it('names every verdict in words; the percentage only where it says how sure "Likely AI" is', () => {
    const rows = [
      [verdict(0.874, 'ai'), 'Likely AI 87%', 'ai'],
      [verdict(0.55, 'unsure'), 'Unsure', 'unsure'],
      [verdict(0.06, 'real'), 'Likely real', 'real'],
      [verdict(0.06, 'real', { provenance: { declared: 'ai', signals: [iptcAi] } }), 'AI (declared)', 'declared-ai'],
      [verdict(0.9, 'ai', { provenance: { declared: 'camera', signals: [] } }), 'Camera-signed', 'camera'],
    ] as const;
    for (const [v, label, tone] of rows) {
      expect(verdictLabel(v)).toBe(label);
      expect(toneOf(v)).toBe(tone);
    }
  });

  it('never writes a low score as "N% AI"', () => {
    const low = verdict(0.06, 'real');
    for (const text of [verdictLabel(low), badgeLine(low), spokenVerdict(low)]) expect(text).not.toMatch(/\d+% AI\b/);
    expect(aiScore(0.06)).toBe('AI score 6%');
  });

  it('puts the objects after the verdict', () => {
    expect(badgeLine(verdict(0.06, 'real'))).toBe('Likely real · person, dog');
    expect(badgeLine({ ...verdict(0.06, 'real'), objects: [] })).toBe('Likely real');
    expect(spokenVerdict(verdict(0.55, 'unsure'))).toBe('unsure whether AI-generated (AI score 55%); objects: person, dog');
  });

  it('gives notifications the badge line plus the score where the label lacks it', () => {
    expect(summaryLine(verdict(0.06, 'real'))).toBe('Likely real · person, dog — AI score 6%');
    expect(summaryLine(verdict(0.874, 'ai'))).toBe('Likely AI 87% · person, dog');
    expect(failureLine('HTTP 404')).toBe('Could not check: HTTP 404');
  });

  it('lists only evidence that is there: no "No C2PA Content Credentials" row', () => {
    const stripped: ProvenanceSignal = { ...noC2pa, summary: 'XMP refers to an embedded C2PA manifest that is no longer in the file', strippedManifest: 'self#jumbf=c2pa' };
    const v = verdict(0.2, 'real', { provenance: { declared: 'ai', signals: [noC2pa, iptcAi, exif] } });
    expect(evidence(v).map((s) => s.kind)).toEqual(['iptc', 'exif']);
    expect(evidence(verdict(0.2, 'real', { provenance: { declared: null, signals: [stripped] } }))).toEqual([stripped]);
    expect(evidence(verdict(0.2, 'real'))).toEqual([]);
    // The declaration's reason is the IPTC field, not the C2PA absence listed before it.
    expect(declaringEvidence(v)).toBe(iptcAi);
    expect(declaringEvidence(verdict(0.2, 'real', { provenance: { declared: null, signals: [exif] } }))).toBeUndefined();
  });

  it('explains the score and formats durations', () => {
    expect(scoreMeaning(verdict(0.5, 'unsure'))).toContain('cannot tell');
    expect(duration(240.4)).toBe('240 ms');
    expect(duration(1840)).toBe('1.8 s');
  });
});
