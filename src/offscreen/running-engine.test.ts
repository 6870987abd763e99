import { describe, expect, it, vi } from 'vitest';
import type { Engine, EngineRun } from '../shared/engine';
import type { RgbaImage } from '../shared/preprocess';
import { RunningEngine } from './running-engine';

const IMG: RgbaImage = { width: 1, height: 1, data: new Uint8ClampedArray(4) };

function fakeEngine(backend: string, check: () => Promise<EngineRun>): Engine & { released: boolean } {
  const e = { backend, released: false, check: vi.fn(check), release: vi.fn(async () => void (e.released = true)) };
  return e as unknown as Engine & { released: boolean };
}

const run = (p: number): EngineRun => ({ ai: { probability: p, verdict: 'real' }, objects: [], model: 'm@1', modelMs: 1 });

describe('RunningEngine', () => {
  it('runs a failed WebGPU check again on WASM, keeps WASM for the session, and says why', async () => {
    const gpu = fakeEngine('webgpu', async () => {
      throw new Error('no GPU data for input: 173');
    });
    const wasm = fakeEngine('wasm', async () => run(0.25));
    const makeWasm = vi.fn(async () => wasm);
    const running = new RunningEngine(gpu, makeWasm);
    // Two checks failing at once make one WASM engine, not two.
    const [a, b] = await Promise.all([running.check(IMG), running.check(IMG)]);
    expect([a.ai.probability, b.ai.probability]).toEqual([0.25, 0.25]);
    expect(makeWasm).toHaveBeenCalledTimes(1);
    expect(running.current.backend).toBe('wasm');
    expect(running.note).toMatch(/webgpu failed on a check \(no GPU data for input: 173\): WASM from now on/);
    expect(gpu.released).toBe(true);
    await running.check(IMG);
    expect(gpu.check).toHaveBeenCalledTimes(2);
  });

  it('does not hide a WASM failure behind a retry', async () => {
    const wasm = fakeEngine('wasm', async () => {
      throw new Error('bad image');
    });
    const makeWasm = vi.fn(async () => wasm);
    const running = new RunningEngine(wasm, makeWasm);
    await expect(running.check(IMG)).rejects.toThrow('bad image');
    expect(makeWasm).not.toHaveBeenCalled();
  });
});
