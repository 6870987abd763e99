// Per-stage durations in the bench build's offscreen document, read by the bench over CDP as
// globalThis.__benchStages (stage -> milliseconds, one entry per call). Async stages are timed to
// their settlement, so waiting (CPU contention, the engine queue) counts where it happens.

type Stages = Record<string, number[]>;
const g = globalThis as { __benchStages?: Stages };

function record(stage: string, t0: number): void {
  const stages = (g.__benchStages ??= {});
  (stages[stage] ??= []).push(performance.now() - t0);
}

export function timed<A extends unknown[], R>(stage: string, fn: (...args: A) => R): (...args: A) => R {
  return (...args: A): R => {
    const t0 = performance.now();
    const out = fn(...args);
    if (out instanceof Promise) return out.finally(() => record(stage, t0)) as R;
    record(stage, t0);
    return out;
  };
}
