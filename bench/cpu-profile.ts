// Summaries of V8 CPU profiles (CDP Profiler): the time spent under a script (inclusive: its frames
// anywhere on the stack, so DOM calls it makes count) and the heaviest functions by self time.

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface SendFn {
  send<T = unknown>(method: string, params?: Record<string, unknown>): Promise<T>;
}

export async function startProfile(s: SendFn, intervalUs = 250): Promise<void> {
  await s.send('Profiler.enable');
  await s.send('Profiler.setSamplingInterval', { interval: intervalUs });
  await s.send('Profiler.start');
}

export async function stopProfile(s: SendFn): Promise<CpuProfile> {
  const { profile } = await s.send<{ profile: CpuProfile }>('Profiler.stop');
  return profile;
}

/** Milliseconds of samples whose stack contains a frame from a URL that `match` accepts. */
export function inclusiveMs(p: CpuProfile, match: (url: string) => boolean): number {
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const hit = new Map<number, boolean>();
  const under = (id: number): boolean => {
    const known = hit.get(id);
    if (known !== undefined) return known;
    const n = byId.get(id)!;
    const up = parent.get(id);
    const v = match(n.callFrame.url) || (up !== undefined && under(up));
    hit.set(id, v);
    return v;
  };
  let us = 0;
  p.samples.forEach((id, i) => {
    if (under(id)) us += p.timeDeltas[i] ?? 0;
  });
  return us / 1000;
}

/** The functions with the most self time, "name file:line" -> ms; idle and program time listed apart. */
export function topSelfTime(p: CpuProfile, limit = 12): { fn: string; ms: number }[] {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  p.samples.forEach((id, i) => {
    const f = byId.get(id)!.callFrame;
    const file = f.url.split('/').pop() ?? '';
    // WASM frames have no names in a release build: one line for all of onnxruntime's kernels.
    const key = file.endsWith('.wasm') ? `(onnxruntime WASM) ${file}` : f.url ? `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}` : f.functionName;
    self.set(key, (self.get(key) ?? 0) + (p.timeDeltas[i] ?? 0));
  });
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([fn, us]) => ({ fn, ms: Math.round(us / 1000) }));
}
