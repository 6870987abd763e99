import { describe, expect, it, vi } from 'vitest';
import { pngBomb } from '../../../test/fixtures/png-bomb';
import { parseManifest } from '../model-manifest';
import { logitTestManifest } from '../../../test/unit/model-fixtures';
import type { Model } from './judge';
import { runCheck, type CheckHost } from './pipeline';
import { RefusedTarget } from './words';

const manifest = parseManifest(
  logitTestManifest({ version: '2', input: { ...logitTestManifest().input, width: 8, height: 8 } }),
);

/** A model whose AI logit is `logit` and which records the pixels it was given. */
function model(logit: number): Model & { runs: Uint8Array[] } {
  const runs: Uint8Array[] = [];
  return {
    manifest,
    id: 'm@2',
    backend: 'fake',
    runs,
    runPixels: async (rgb) => {
      runs.push(rgb);
      return { objects: Float32Array.from([0.9, 0.5, 0.1]), authenticity: Float32Array.from([logit]), ms: 3.4 };
    },
  };
}

const png = (side: number): Uint8Array => new Uint8Array(pngBomb(side, side, 100));
const pixels = { width: 8, height: 8, data: new Uint8ClampedArray(8 * 8 * 4).fill(128) };

function host(answer: () => Response, extra: Partial<CheckHost> = {}) {
  const steps: string[] = [];
  const h: CheckHost = {
    fetch: {
      fetch: vi.fn(async () => {
        steps.push('fetch');
        return answer();
      }),
      refuse: (u) => (u.hostname === '10.0.0.1' ? 'refused: a local or private network address' : undefined),
    },
    decode: vi.fn(async ({ bytes, type }, { thumbnail }) => {
      steps.push(`decode ${type} ${bytes.length} thumbnail=${thumbnail}`);
      return { image: pixels, thumbnail: thumbnail ? 'data:thumb' : undefined };
    }),
    provenance: vi.fn(async () => {
      steps.push('provenance');
      return { declared: null, signals: [] };
    }),
    ...extra,
  };
  return { h, steps };
}

const ok = (body: Uint8Array, type = 'image/png') => () => new Response(body as Uint8Array<ArrayBuffer>, { headers: { 'content-type': type } });

describe('the image-check pipeline', () => {
  it('downloads, decodes, runs the model and interprets, with provenance, thumbnail and timing', async () => {
    const { h, steps } = host(ok(png(100)));
    const m = model(3);
    const out = await runCheck({ url: 'https://cdn.example.net/a.png' }, h, Promise.resolve(m), { thumbnail: true, objectLimit: 2 });
    expect(steps).toEqual(['fetch', `decode image/png ${png(100).length} thumbnail=true`, 'provenance']);
    expect(m.runs).toHaveLength(1);
    expect(m.runs[0]!.length).toBe(8 * 8 * 3); // pre-processed to the model's input size
    expect(out.ai.verdict).toBe('ai');
    expect(out.objects.map((o) => o.label)).toEqual(['person', 'dog']);
    expect(out).toMatchObject({ model: 'm@2', backend: 'fake', modelMs: 3, thumbnail: 'data:thumb', provenance: { declared: null } });
    expect(Number.isInteger(out.ms)).toBe(true);
  });

  it('applies the user threshold through interpret()', async () => {
    const { h } = host(ok(png(100)));
    expect((await runCheck({ url: 'https://x.example/a.png' }, h, model(0), {})).ai.verdict).toBe('unsure');
    expect((await runCheck({ url: 'https://x.example/a.png' }, h, model(0), { aiThreshold: 0.4 })).ai.verdict).toBe('ai');
  });

  it('refuses a picture over the pixel limit from its header, before any decode or model run', async () => {
    const { h } = host(ok(png(20000)));
    const m = model(0);
    await expect(runCheck({ url: 'https://x.example/bomb.png' }, h, m)).rejects.toThrow(/too large to check \(20000x20000\): larger than 50 megapixels/);
    expect(h.decode).not.toHaveBeenCalled();
    expect(m.runs).toHaveLength(0);
  });

  it('applies the header check to bytes a host read itself (a CLI file)', async () => {
    const { h } = host(ok(png(1)));
    const read = async () => ({ bytes: new TextEncoder().encode('Dear reader, this is text.'), type: '' });
    await expect(runCheck({ read }, h, model(0))).rejects.toThrow(/^not an image, or a picture format DualSight cannot read/);
    expect(h.fetch.fetch).not.toHaveBeenCalled();
  });

  it('refuses what the host\'s policy refuses, before any request', async () => {
    const { h } = host(ok(png(100)));
    await expect(runCheck({ url: 'http://10.0.0.1/cam.jpg' }, h, model(0))).rejects.toBeInstanceOf(RefusedTarget);
    expect(h.fetch.fetch).not.toHaveBeenCalled();
  });

  it('says the same words for every host: HTTP errors, non-images, empty bodies, network failures', async () => {
    const cases: [() => Response, RegExp][] = [
      [() => new Response('', { status: 404 }), /^server answered 404 Not Found$/],
      [ok(new TextEncoder().encode('<p>hi</p>'), 'text/html; charset=utf-8'), /^not an image \(content-type: text\/html\)$/],
      [ok(new Uint8Array(0)), /^the image is empty \(0 bytes\)$/],
      [() => {
        throw new TypeError('Failed to fetch');
      }, /^download from cdn\.example\.net failed: Failed to fetch$/],
    ];
    for (const [answer, words] of cases) {
      const { h } = host(answer);
      await expect(runCheck({ url: 'https://cdn.example.net/a' }, h, model(0))).rejects.toThrow(words);
    }
  });

  it('stops a download at the time limit, in words', async () => {
    const h: CheckHost = {
      fetch: { timeoutMs: 20, fetch: (_u, init) => new Promise((_, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason))) },
      decode: vi.fn(),
    };
    await expect(runCheck({ url: 'https://slow.example/a.png' }, h, model(0))).rejects.toThrow('no complete answer from host slow.example within 0.02 s');
  });
});
