// Two builds of the extension side by side, in alternating fresh browsers (A B A B …, so machine noise
// falls on both): cold start (offscreen document created → first verdict) and WASM model time per
// image on the same dataset images. Written to compare onnxruntime-web runtimes (the JSEP build against
// the WASM-only build the extension now uses for WASM sessions).
// Usage: node scripts/bench-runtimes.mjs --a DIR --b DIR [--rounds 2] [--images 12] [--out FILE]
import { writeFileSync } from 'node:fs';
import { launchWithExtension } from '../test/e2e/harness/browser';
import { startFixtureServer } from '../test/e2e/harness/fixture-server';
import { summarize } from './stats';

const argv = process.argv.slice(2);
const opt = (name: string, dflt?: string): string => {
  const i = argv.indexOf(name);
  const v = i >= 0 ? argv[i + 1] : dflt;
  if (v === undefined) throw new Error(`missing ${name}`);
  return v;
};
const dists = { a: opt('--a'), b: opt('--b') };
const rounds = Number(opt('--rounds', '2'));
const images = Number(opt('--images', '12'));

interface Round {
  coldMs: number;
  modelMs: number[];
}

async function measure(dist: string, port: number): Promise<Round> {
  const ext = await launchWithExtension(port, dist);
  try {
    return (await ext.serviceWorker.evaluate(
      async ({ n }) => {
        const ask = async (type: string, data: unknown) => {
          const r = (await chrome.runtime.sendMessage({ dualsight: 1, target: 'offscreen', type, data })) as { ok: boolean; value?: unknown; error?: string };
          if (!r?.ok) throw new Error(`${type}: ${r?.error}`);
          return r.value as { ok: boolean; error?: string; verdict?: { modelMs: number } };
        };
        const url = chrome.runtime.getURL('offscreen.html');
        const t0 = performance.now();
        await chrome.offscreen.createDocument({ url, reasons: [chrome.offscreen.Reason.WORKERS], justification: 'bench' });
        const modelMs: number[] = [];
        let coldMs = 0;
        for (let i = 0; i <= n; i++) {
          // Image 0 twice: the first run carries the start-up; its model time is not counted.
          const id = `ds${String(Math.max(1, i)).padStart(2, '0')}`;
          const v = await ask('infer', { url: `https://pbs.twimg.com/media/${id}?r=${i}`, wantThumbnail: false, backend: 'wasm', aiThreshold: null, objectLimit: 10 });
          if (!v.ok) throw new Error(`${id}: ${v.error}`);
          if (i === 0) coldMs = performance.now() - t0;
          else modelMs.push(v.verdict!.modelMs);
        }
        return { coldMs, modelMs };
      },
      { n: images },
    )) as Round;
  } finally {
    await ext.close();
  }
}

const server = await startFixtureServer();
const out: Record<'a' | 'b', Round[]> = { a: [], b: [] };
try {
  for (let r = 0; r < rounds; r++) {
    for (const k of ['a', 'b'] as const) {
      const m = await measure(dists[k], server.port);
      out[k].push(m);
      console.log(`round ${r + 1} ${k}: cold ${Math.round(m.coldMs)} ms, model median ${summarize(m.modelMs, 1)?.median} ms`);
    }
  }
} finally {
  await server.close();
}
const result = Object.fromEntries(
  (['a', 'b'] as const).map((k) => [k, { dist: dists[k], cold: summarize(out[k].map((r) => r.coldMs), 0), modelMs: summarize(out[k].flatMap((r) => r.modelMs), 1) }]),
);
console.log(JSON.stringify(result, null, 2));
const file = argv.includes('--out') ? opt('--out') : undefined;
if (file) writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), rounds, images, ...result }, null, 2)}\n`);
