// The image-kind output (issue 10): a graphic is not scored, other kinds are; the manifest names the
// kinds and which are withheld; every surface words the kind the same way.
import { describe, expect, it } from 'vitest';
import { parseManifest, type ModelManifest } from './model-manifest';
import { interpret } from './postprocess';
import { badgeLine, scoreNote, spokenVerdict, verdictLabel, toneOf, scoreMeaning } from './wording';
import { matchesQuery, verdictClass } from './history-query';
import { historyEntryProblem, type HistoryEntry } from './history-types';
import { testManifest } from '../../test/unit/model-fixtures';

const KIND = { name: 'kind_logits', activation: 'softmax', labels: ['photo', 'artwork', 'graphic', 'composite'], unscored: ['graphic'], unscoredAt: 0.6 };
const base = testManifest({
  outputs: {
    objects: { name: 'objects', activation: 'none', labels: ['person', 'dog'], labelKind: 'single' },
    authenticity: { name: 'ai_logit', activation: 'sigmoid', aiIndex: 0 },
    kind: KIND,
  },
});
const manifest = (kind: unknown = KIND): ModelManifest => parseManifest({ ...base, outputs: { ...(base.outputs as object), kind } });
const raw = (aiLogit: number, kindLogits: number[]) => ({
  objects: Float32Array.from([0.9, 0.1]),
  authenticity: Float32Array.from([aiLogit]),
  kind: Float32Array.from(kindLogits),
});

describe('image kind', () => {
  it('withholds the score of a confident graphic, keeps it for photos, artwork and composites', () => {
    const m = manifest();
    const graphic = interpret(raw(3, [0, 0, 4, 0]), m);
    expect(graphic.kind).toBe('graphic');
    expect(graphic.ai.verdict).toBe('none');
    expect(graphic.ai.probability).toBeGreaterThan(0.9); // still there for the card and the CLI
    for (const [logits, kind] of [[[4, 0, 0, 0], 'photo'], [[0, 4, 0, 0], 'artwork'], [[0, 0, 0, 4], 'composite']] as const) {
      const v = interpret(raw(3, [...logits]), m);
      expect(v.kind).toBe(kind);
      expect(v.ai.verdict).toBe('ai');
    }
    // Most likely "graphic" but below unscoredAt: scored as usual.
    const unsureGraphic = interpret(raw(3, [0.9, 0, 1, 0.9]), m);
    expect(unsureGraphic.kind).toBe('graphic');
    expect(unsureGraphic.kindProbability!).toBeLessThan(0.6);
    expect(unsureGraphic.ai.verdict).toBe('ai');
  });

  it('leaves models without a kind head as they were', () => {
    const { kind: _kind, ...twoHeads } = base.outputs as Record<string, unknown>;
    const m = parseManifest({ ...base, outputs: twoHeads });
    const v = interpret({ objects: Float32Array.from([0.9, 0.1]), authenticity: Float32Array.from([3]) }, m);
    expect(v).not.toHaveProperty('kind');
    expect(v.ai.verdict).toBe('ai');
  });

  it('refuses a kind output that names unknown kinds or withholds one it does not output', () => {
    expect(() => manifest({ ...KIND, labels: ['photo', 'selfie'] })).toThrow(/outputs.kind.labels\[1\]/);
    expect(() => manifest({ ...KIND, labels: ['photo', 'artwork'], unscored: ['graphic'] })).toThrow(/outputs.kind.unscored/);
    expect(() => interpret({ ...raw(0, [1, 2]) }, manifest())).toThrow(/kind output has 2 values/);
  });

  it('words an unscored graphic the same way on every surface, without its number on the badge', () => {
    const v = { ...interpret(raw(3, [0, 0, 4, 0]), manifest()), provenance: undefined };
    expect(verdictLabel(v)).toBe('Graphic · not scored');
    expect(badgeLine(v)).toBe('Graphic · not scored · person');
    expect(scoreNote(v)).toBeUndefined();
    expect(toneOf(v)).toBe('unscored');
    expect(spokenVerdict(v)).toBe('graphic, not scored for AI; objects: person');
    expect(scoreMeaning(v)).toMatch(/screenshot, chart/);
    // A file that declares AI still says so, whatever its kind.
    expect(verdictLabel({ ...v, provenance: { declared: 'ai', signals: [] } })).toBe('AI (declared)');
  });

  it('files unscored images under their own history filter, finds them by kind, and checks stored kinds', () => {
    const v = interpret(raw(3, [0, 0, 4, 0]), manifest());
    const entry: HistoryEntry = {
      id: '1', url: 'https://i.example/chart.png', pageUrl: 'https://x.com/a', origin: 'feed', at: 1,
      result: { ok: true, ...v, model: 'm@1', backend: 'wasm', modelMs: 1, ms: 2 },
    };
    expect(historyEntryProblem(entry)).toBeNull();
    expect(verdictClass(entry)).toBe('unscored');
    expect(matchesQuery(entry, { filter: 'unscored', search: 'graphic' })).toBe(true);
    expect(matchesQuery(entry, { filter: 'ai' })).toBe(false);
    expect(historyEntryProblem({ ...entry, result: { ...entry.result, kind: 'selfie' } })).toBe('kind invalid');
  });
});
