// Memory of the offscreen document over many images: distinct URLs (so no cache answers) of the bench
// images, checked from the service worker in chunks, with the offscreen JS heap (after a forced GC) and
// the RSS of the extension process (offscreen document with its WASM heap, and the service worker)
// sampled after each chunk. After warm-up nothing should grow.
import { offscreenJsHeap } from '../offscreen-probe';
import { extensionProcessRss } from '../process-memory';
import type { BenchSession } from '../session';

export interface MemorySample {
  /** Images the offscreen document has checked in this session so far. */
  images: number;
  jsHeapMB: number;
  rssMB: number | null;
}

export interface MemoryResult {
  samples: MemorySample[];
  /** Growth from the first sample at or after warm-up to the last. */
  growthAfterWarmup: { fromImages: number; toImages: number; jsHeapMB: number; rssMB: number | null } | null;
  failed: number;
  stoppedAtDeadline: boolean;
}

const mb = (b: number): number => Number((b / 2 ** 20).toFixed(1));

export async function sampleMemory(s: BenchSession, images: number): Promise<MemorySample> {
  const heap = await offscreenJsHeap(await s.offscreen());
  const rss = await extensionProcessRss(s.ext.context);
  return { images, jsHeapMB: mb(heap), rssMB: rss === null ? null : mb(rss) };
}

/**
 * Tops the session up from `done` images to `total`, `chunk` at a time (3 in flight, as the content
 * script sends them), sampling after each chunk; `earlier` holds samples taken during earlier phases.
 */
export async function runMemory(
  s: BenchSession,
  o: { run: string; done: number; total: number; chunk: number; warmup: number; deadline: number; earlier: MemorySample[] },
): Promise<MemoryResult> {
  const samples = [...o.earlier];
  let done = o.done;
  let failed = 0;
  let i = 0;
  while (done < o.total && Date.now() < o.deadline) {
    const n = Math.min(o.chunk, o.total - done);
    const urls = Array.from({ length: n }, () => s.server.imageUrl(o.run, i++));
    const r = await s.check(urls, 3);
    failed += r.filter((x) => !x.ok).length;
    done += n;
    samples.push(await sampleMemory(s, done));
  }
  const base = samples.find((x) => x.images >= o.warmup);
  const last = samples[samples.length - 1];
  const diff = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : Number((b - a).toFixed(1)));
  return {
    samples,
    growthAfterWarmup: base && last && last !== base
      ? { fromImages: base.images, toImages: last.images, jsHeapMB: diff(base.jsHeapMB, last.jsHeapMB)!, rssMB: diff(base.rssMB, last.rssMB) }
      : null,
    failed,
    stoppedAtDeadline: done < o.total,
  };
}
