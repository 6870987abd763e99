// The bench's own arithmetic: percentiles and CPU-profile attribution (no timing assertions).
import { describe, expect, it } from 'vitest';
import { inclusiveMs, topSelfTime, type CpuProfile } from './cpu-profile';
import { quantile, summarize } from './stats';

describe('summarize', () => {
  it('gives nearest-rank median and p95, ignoring non-finite samples', () => {
    const xs = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(summarize([...xs, NaN])).toEqual({ n: 20, median: 10, p95: 19, min: 1, max: 20 });
    expect(quantile([5], 0.95)).toBe(5);
    expect(summarize([])).toBeNull();
  });
});

describe('CPU profile attribution', () => {
  // root -> page.js:f -> content.js:g -> (native) drawImage ; root -> idle
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 }, children: [2, 5] },
      { id: 2, callFrame: { functionName: 'f', url: 'https://x.com/page.js', lineNumber: 0 }, children: [3] },
      { id: 3, callFrame: { functionName: 'g', url: 'chrome-extension://abc/content.js', lineNumber: 9 }, children: [4] },
      { id: 4, callFrame: { functionName: 'drawImage', url: '', lineNumber: -1 } },
      { id: 5, callFrame: { functionName: '(idle)', url: '', lineNumber: -1 } },
    ],
    samples: [2, 3, 4, 4, 5],
    timeDeltas: [1000, 2000, 3000, 4000, 5000],
    startTime: 0,
    endTime: 15000,
  };

  it('counts samples with a content-script frame anywhere on the stack, native callees included', () => {
    expect(inclusiveMs(profile, (u) => u.startsWith('chrome-extension://'))).toBe(9);
    expect(inclusiveMs(profile, (u) => u.endsWith('page.js'))).toBe(10);
  });

  it('ranks functions by self time', () => {
    expect(topSelfTime(profile, 2)).toEqual([{ fn: 'drawImage', ms: 7 }, { fn: '(idle)', ms: 5 }]);
  });
});
