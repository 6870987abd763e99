// What the bench reads from the offscreen document over CDP: its JS heap and WebAssembly memory (after
// a forced GC), the bench build's stage timers, its WebGPU adapter, and CPU profiles.
import type { TargetSession } from './cdp-target';

export interface OffscreenMemory {
  /** V8 heap in use after a full GC. */
  jsHeapBytes: number;
  /** Sum of every WebAssembly.Memory's buffer (the ORT heap; it grows and never shrinks). */
  wasmBytes: number;
}

async function evaluate<T>(s: TargetSession, expression: string): Promise<T> {
  const r = await s.send<{ result: { value?: T }; exceptionDetails?: { text: string; exception?: { description?: string } } }>('Runtime.evaluate', {
    expression,
    returnByValue: true,
    awaitPromise: true,
  });
  if (r.exceptionDetails) throw new Error(`offscreen evaluate failed: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
  return r.result.value as T;
}

export async function offscreenMemory(s: TargetSession): Promise<OffscreenMemory> {
  await s.send('HeapProfiler.collectGarbage');
  const heap = await s.send<{ usedSize: number }>('Runtime.getHeapUsage');
  // queryObjects finds the Memory objects the ORT module keeps in its closure, unreachable by name.
  const proto = await s.send<{ result: { objectId: string } }>('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype' });
  const found = await s.send<{ objects: { objectId: string } }>('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId });
  const sum = await s.send<{ result: { value: number } }>('Runtime.callFunctionOn', {
    objectId: found.objects.objectId,
    functionDeclaration: 'function () { return this.reduce((n, m) => n + m.buffer.byteLength, 0); }',
    returnByValue: true,
  });
  await s.send('Runtime.releaseObjectGroup', { objectGroup: 'console' }).catch(() => undefined);
  return { jsHeapBytes: heap.usedSize, wasmBytes: sum.result.value };
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
