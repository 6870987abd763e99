import { describe, expect, it } from 'vitest';
import { parseManifest, ManifestError, type ModelManifest } from './model-manifest';
import { activate, aiProbability, interpret, objectScores } from './postprocess';
import { logitTestManifest } from '../../test/unit/model-fixtures';

const base = logitTestManifest();

const manifest = (patch: Record<string, unknown> = {}): ModelManifest => parseManifest({ ...base, ...patch });

describe('parseManifest', () => {
  it('accepts a valid manifest and rejects broken ones with the field named', () => {
    expect(manifest().outputs.objects.labels).toEqual(['person', 'dog', 'cat']);
    expect(() => parseManifest({ ...base, format: 'x' })).toThrow(/format/);
    expect(() => parseManifest({ ...base, input: { ...base.input, std: [1, 0, 1] } })).toThrow(ManifestError);
    expect(() => parseManifest({ ...base, thresholds: { ai: 0.2, real: 0.5, object: 0.1 } })).toThrow(/thresholds.real/);
    expect(() => parseManifest({ ...base, input: { ...base.input, resize: 'shorter-center-crop' } })).toThrow(/resizeShorter/);
    expect(() => parseManifest(null)).toThrow(/JSON object/);
  });
});

describe('post-processing', () => {
  it('softmax sums to one and keeps order', () => {
    const p = activate(Float32Array.from([1, 2, 3]), 'softmax');
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(p[2]).toBeGreaterThan(p[1]!);
  });

  it('reads P(AI) from a sigmoid logit, a softmax pair and applies Platt calibration', () => {
    expect(aiProbability(Float32Array.from([0]), manifest())).toBeCloseTo(0.5, 6);
    const soft = manifest({ outputs: { ...base.outputs, authenticity: { name: 'bin', activation: 'softmax', aiIndex: 0 } } });
    expect(aiProbability(Float32Array.from([2, 0]), soft)).toBeCloseTo(1 / (1 + Math.exp(-2)), 6);
    const calibrated = manifest({ calibration: { a: 2, b: 1 } });
    expect(aiProbability(Float32Array.from([0.5]), calibrated)).toBeCloseTo(1 / (1 + Math.exp(-(2 * 0.5 + 1))), 5);
  });

  it('gives verdicts by thresholds and objects above the object threshold, best first', () => {
    const r = interpret({ objects: Float32Array.from([0.9, 0.1, 0.5]), authenticity: Float32Array.from([3]) }, manifest());
    expect(r.ai.verdict).toBe('ai');
    expect(r.objects.map((o) => o.label)).toEqual(['person', 'cat']);
    expect(interpret({ objects: Float32Array.from([0, 0, 0]), authenticity: Float32Array.from([0]) }, manifest()).ai.verdict).toBe('unsure');
    expect(interpret({ objects: Float32Array.from([0, 0, 0]), authenticity: Float32Array.from([-3]) }, manifest()).ai.verdict).toBe('real');
  });

  it('splits label sets into names and sums their probabilities; ignores Unknown', () => {
    const m = manifest({
      outputs: {
        objects: { name: 'obj', activation: 'none', labels: ['Unknown', 'dog, person', 'person'], labelKind: 'label-sets', ignore: ['Unknown'] },
        authenticity: base.outputs.authenticity,
      },
    });
    const objs = objectScores(Float32Array.from([0.5, 0.3, 0.2]), m, 10, 0);
    expect(objs).toEqual([
      { label: 'person', score: expect.closeTo(0.5, 6) },
      { label: 'dog', score: expect.closeTo(0.3, 6) },
    ]);
  });

  it('refuses outputs that do not match the manifest', () => {
    expect(() => objectScores(Float32Array.from([1, 2]), manifest())).toThrow(/2 values/);
  });
});
