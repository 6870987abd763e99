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

describe('RunningEngine as the pipeline\'s model (runPixels)', () => {
  const raw = (v: number) => ({ objects: Float32Array.from([v]), authenticity: Float32Array.from([v]), ms: 1 });

  it('runs a failed WebGPU run again on WASM, and reports the backend that served it', async () => {
    const gpu = { backend: 'webgpu', id: 'm@1', runPixels: vi.fn(async () => {
      throw new Error('device lost');
    }), release: vi.fn(async () => undefined) } as unknown as Engine;
    const wasm = { backend: 'wasm', id: 'm@1', runPixels: vi.fn(async () => raw(0.5)), release: vi.fn() } as unknown as Engine;
    const running = new RunningEngine(gpu, async () => wasm);
    expect(running.backend).toBe('webgpu');
    expect(await running.runPixels(new Uint8Array(3))).toEqual(raw(0.5));
    expect(running.backend).toBe('wasm');
    expect(running.id).toBe('m@1');
    expect(running.note).toMatch(/webgpu failed on a check \(device lost\)/);
  });
});
