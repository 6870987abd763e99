// Summaries of measured samples: median and 95th percentile (nearest rank), rounded for reports.

export interface Summary {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export function summarize(samples: number[], digits = 1): Summary | null {
  const s = samples.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const r = (x: number): number => Number(x.toFixed(digits));
  return { n: s.length, median: r(quantile(s, 0.5)), p95: r(quantile(s, 0.95)), min: r(s[0]!), max: r(s[s.length - 1]!) };
}

export function median(samples: number[]): number {
  return summarize(samples, 6)?.median ?? NaN;
}
