// Model load: the offscreen document closed, then one check (cold: document start, ORT WASM compile,
// model fetch + hash, session creation, the image) and a second check right after (warm). Their
// difference is what starting costs the first verdict.
import type { BenchSession } from '../session';
import { summarize, type Summary } from '../stats';

export interface ColdStart {
  repeats: number;
  /** Service-worker clock, request to verdict, offscreen document closed before. */
  coldMs: Summary | null;
  /** The next image right after. */
  warmMs: Summary | null;
  /** cold - warm, per repeat. */
  startupMs: Summary | null;
  errors: string[];
}

export async function coldStart(s: BenchSession, run: string, repeats: number): Promise<ColdStart> {
  const cold: number[] = [];
  const warm: number[] = [];
  const errors: string[] = [];
  for (let r = 0; r < repeats; r++) {
    await s.closeOffscreen();
    const [a] = await s.check([s.server.imageUrl(`${run}c${r}`, 2 * r)]);
    const [b] = await s.check([s.server.imageUrl(`${run}w${r}`, 2 * r + 1)]);
    for (const x of [a!, b!]) if (!x.ok) errors.push(x.error ?? 'failed');
    if (a!.ok && b!.ok) {
      cold.push(a!.wallMs);
      warm.push(b!.wallMs);
    }
  }
  return {
    repeats,
    coldMs: summarize(cold, 0),
    warmMs: summarize(warm, 0),
    startupMs: summarize(cold.map((c, i) => c - warm[i]!), 0),
    errors,
  };
}
