// What the bench reads from the offscreen document over CDP: its JS heap (after a forced GC), the bench
// build's stage timers, its WebGPU adapter and its environment.
import type { TargetSession } from './cdp-target';

async function evaluate<T>(s: TargetSession, expression: string): Promise<T> {
  const r = await s.send<{ result: { value?: T }; exceptionDetails?: { text: string; exception?: { description?: string } } }>('Runtime.evaluate', {
    expression,
    returnByValue: true,
    awaitPromise: true,
  });
  if (r.exceptionDetails) throw new Error(`offscreen evaluate failed: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
  return r.result.value as T;
}

/**
 * The offscreen document's V8 heap in use after a full GC. (Its WASM memory is outside that heap; the
 * bench counts it in the extension process's RSS. Runtime.queryObjects on WebAssembly.Memory crashes
 * the renderer when the ORT threads share that memory, and measureUserAgentSpecificMemory waits ~60 s.)
 */
export async function offscreenJsHeap(s: TargetSession): Promise<number> {
  await s.send('HeapProfiler.collectGarbage');
  const heap = await s.send<{ usedSize: number }>('Runtime.getHeapUsage');
  return heap.usedSize;
}

/** Stage durations recorded since the last call (bench/variant/stage-timer.ts), then cleared. */
export function takeStageTimes(s: TargetSession): Promise<Record<string, number[]>> {
  return evaluate(s, '(() => { const t = globalThis.__benchStages ?? {}; globalThis.__benchStages = {}; return t; })()');
}

export interface AdapterInfo {
  present: boolean;
  fallback?: boolean;
  vendor?: string;
  architecture?: string;
  description?: string;
}

export function webgpuAdapter(s: TargetSession): Promise<AdapterInfo> {
  return evaluate(s, `(async () => {
    const a = navigator.gpu ? await navigator.gpu.requestAdapter().catch(() => null) : null;
    if (!a) return { present: false };
    const i = a.info ?? {};
    return { present: true, fallback: Boolean(i.isFallbackAdapter ?? a.isFallbackAdapter), vendor: i.vendor, architecture: i.architecture, description: i.description };
  })()`);
}

export function offscreenEnvironment(s: TargetSession): Promise<{ crossOriginIsolated: boolean; hardwareConcurrency: number }> {
  return evaluate(s, '({ crossOriginIsolated: globalThis.crossOriginIsolated, hardwareConcurrency: navigator.hardwareConcurrency })');
}
