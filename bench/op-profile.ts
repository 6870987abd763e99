// `npm run bench:ops`: where the model's time goes, per operator type, in onnxruntime-node (native CPU
// EP) and in onnxruntime-web's WASM backend run in Node (the engine the extension runs), both with one
// thread, on the same pre-processed bench image. Prints unprofiled medians, then per-op-type times
// from each runtime's own profiler (profiling adds overhead to both; compare the shares and ratios).
// Usage: npm run bench:ops [-- MODEL_DIR] (default models/dualsight-lite)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ortNode from 'onnxruntime-node';
import * as ortWeb from 'onnxruntime-web';
import { decodeImage } from '../src/node/decode-image';
import { readModelFolder } from '../src/node/model-folder';
import { modelPixels, tensorDims, toTensorData } from '../src/shared/preprocess';
import { repoRoot } from '../test/e2e/harness/paths';
import { benchImages } from './dataset';

const RUNS = 10;
type Event = { cat?: string; name: string; dur: number; args?: { op_name?: string; input_type_shape?: Record<string, number[]>[] } };

/** Operator type, with Conv split by kind: depthwise, 1x1, kxk (FusedConv is ORT's Conv + activation). */
function opType(e: Event): string {
  const op = e.args?.op_name ?? '?';
  if (op !== 'Conv' && op !== 'FusedConv') return op;
  const w = Object.values(e.args?.input_type_shape?.[1] ?? {})[0];
  const kind = !w ? '' : w[1] === 1 ? ' depthwise' : w[2] === 1 && w[3] === 1 ? ' 1x1' : ` ${w[2]}x${w[3]}`;
  return `Conv${kind}`;
}

function perOpType(events: Event[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of events) {
    if (e.cat !== 'Node' || !e.name.endsWith('_kernel_time')) continue;
    out.set(opType(e), (out.get(opType(e)) ?? 0) + e.dur / 1000 / RUNS);
  }
  return out;
}

async function timeRuns(run: () => Promise<unknown>): Promise<number> {
  const t: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await run();
    t.push(performance.now() - t0);
  }
  return t.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

const CHILD_FLAG = '--wasm-profile-child';

/** Profiled WASM runs; onnxruntime-web prints the profile (JSON) to stdout at endProfiling. */
async function wasmProfileChild(dir: string): Promise<void> {
  const { manifest, model } = await readModelFolder(dir);
  const spec = manifest.input;
  const image = benchImages(1)[0]!;
  const data = toTensorData(modelPixels(await decodeImage(new Uint8Array(readFileSync(image.file))), spec), spec);
  ortWeb.env.wasm.numThreads = 1;
  const s = await ortWeb.InferenceSession.create(model, { graphOptimizationLevel: 'all', executionProviders: ['wasm'], enableProfiling: true });
  const t = new ortWeb.Tensor('float32', data, tensorDims(spec));
  for (let i = 0; i < RUNS; i++) await s.run({ [spec.name]: t }, [manifest.outputs.objects.name, manifest.outputs.authenticity.name]);
  s.endProfiling();
}

async function main(): Promise<void> {
  if (process.argv.includes(CHILD_FLAG)) return wasmProfileChild(process.argv[process.argv.indexOf(CHILD_FLAG) + 1]!);
  const dir = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? join(repoRoot, 'models/dualsight-lite');
  const { manifest, model } = await readModelFolder(dir);
  const spec = manifest.input;
  const image = benchImages(1)[0]!;
  const data = toTensorData(modelPixels(await decodeImage(new Uint8Array(readFileSync(image.file))), spec), spec);
  const outputs = [manifest.outputs.objects.name, manifest.outputs.authenticity.name];
  const opts = { graphOptimizationLevel: 'all' as const, intraOpNumThreads: 1, interOpNumThreads: 1 };

  // Native, unprofiled then profiled (the profile goes to a file).
  const native = await ortNode.InferenceSession.create(model, { ...opts, executionProviders: ['cpu'] });
  const nTensor = new ortNode.Tensor('float32', data, tensorDims(spec));
  await native.run({ [spec.name]: nTensor }, outputs);
  const nativeMs = await timeRuns(() => native.run({ [spec.name]: nTensor }, outputs));
  await native.release();
  const profDir = mkdtempSync(join(tmpdir(), 'dualsight-ops-'));
  const nProf = await ortNode.InferenceSession.create(model, { ...opts, executionProviders: ['cpu'], enableProfiling: true, profileFilePrefix: join(profDir, 'native') });
  for (let i = 0; i < RUNS; i++) await nProf.run({ [spec.name]: nTensor }, outputs);
  nProf.endProfiling();
  await nProf.release();
  const file = readdirSync(profDir).find((f) => f.startsWith('native'));
  const nativeOps = perOpType(JSON.parse(readFileSync(join(profDir, file!), 'utf8')) as Event[]);

  // WASM (onnxruntime-web in Node), unprofiled here; profiled in a child process (below).
  ortWeb.env.wasm.numThreads = 1;
  const web = await ortWeb.InferenceSession.create(model, { graphOptimizationLevel: 'all', executionProviders: ['wasm'] });
  const wTensor = new ortWeb.Tensor('float32', data, tensorDims(spec));
  await web.run({ [spec.name]: wTensor }, outputs);
  const wasmMs = await timeRuns(() => web.run({ [spec.name]: wTensor }, outputs));
  await web.release();
  // onnxruntime-web prints its profile to stdout when profiling ends: that run happens in a child process
  // whose output is read here.
  const child = spawnSync(process.execPath, [process.argv[1]!, CHILD_FLAG, dir], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (child.status !== 0) throw new Error(`WASM profile run failed: ${child.stderr}`);
  const text = child.stdout;
  const wasmOps = perOpType(JSON.parse(text.slice(text.indexOf('['), text.lastIndexOf(']') + 1)) as Event[]);

  console.log(`model ${manifest.name}@${manifest.version}, image ${image.file}, ${RUNS} runs, 1 thread each`);
  console.log(`session.run median: native ${nativeMs.toFixed(1)} ms, WASM ${wasmMs.toFixed(1)} ms (WASM / native ${(wasmMs / nativeMs).toFixed(2)}x)`);
  console.log('\nper operator type, ms per run under each profiler (native groups its NCHWc layout changes as Reorder*):');
  console.log(`${'op type'.padEnd(18)}${'native'.padStart(9)}${'WASM'.padStart(9)}${'WASM/native'.padStart(13)}`);
  const types = [...new Set([...nativeOps.keys(), ...wasmOps.keys()])].sort((a, b) => (wasmOps.get(b) ?? 0) - (wasmOps.get(a) ?? 0));
  for (const t of types) {
    const n = nativeOps.get(t) ?? 0;
    const w = wasmOps.get(t) ?? 0;
    console.log(`${t.padEnd(18)}${n.toFixed(1).padStart(9)}${w.toFixed(1).padStart(9)}${(n > 0 ? `${(w / n).toFixed(1)}x` : '-').padStart(13)}`);
  }
  const sum = (m: Map<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0);
  console.log(`${'all'.padEnd(18)}${sum(nativeOps).toFixed(1).padStart(9)}${sum(wasmOps).toFixed(1).padStart(9)}${`${(sum(wasmOps) / sum(nativeOps)).toFixed(1)}x`.padStart(13)}`);
}

main().catch((err: unknown) => {
  console.error('bench:ops failed:', err);
  process.exit(1);
});
