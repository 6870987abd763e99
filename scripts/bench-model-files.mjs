// Two model files in onnxruntime-web's WASM backend (1 thread, in Node), run alternately on the same input
// so machine load hits both alike: the median model time of each.
// Usage: node scripts/bench-model-files.mjs A.onnx B.onnx [--runs 40]
//   e.g. git show <commit>:models/dualsight-lite/model.onnx > /tmp/old.onnx
//        node scripts/bench-model-files.mjs /tmp/old.onnx models/dualsight-lite/model.onnx
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import * as ort from 'onnxruntime-web';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: 'string', default: '40' } } });
if (positionals.length !== 2) {
  console.error('usage: node scripts/bench-model-files.mjs A.onnx B.onnx [--runs 40]');
  process.exit(2);
}
ort.env.wasm.numThreads = 1;
const sessions = await Promise.all(positionals.map((f) =>
  ort.InferenceSession.create(readFileSync(f), { executionProviders: ['wasm'], graphOptimizationLevel: 'all' })));
const [name] = sessions[0].inputNames;
const size = 352; // the shipped model's input (models/dualsight-lite/manifest.json)
// A fixed, non-constant picture (a constant one can take faster paths in some kernels).
const pixels = Float32Array.from({ length: 3 * size * size }, (_, i) => (i * 2654435761) % 256);
const feeds = { [name]: new ort.Tensor('float32', pixels, [1, 3, size, size]) };
const times = sessions.map(() => []);
for (let i = 0; i < Number(values.runs) + 3; i++) {
  for (const [k, s] of sessions.entries()) {
    const t0 = performance.now();
    await s.run(feeds);
    if (i >= 3) times[k].push(performance.now() - t0);
  }
}
const median = (v) => [...v].sort((a, b) => a - b)[v.length >> 1];
positionals.forEach((f, k) => console.log(`${f}: ${median(times[k]).toFixed(1)} ms median of ${times[k].length} (WASM, 1 thread)`));
