#!/usr/bin/env node
// `npm run convert:dualsight -- WEIGHTS.pth obj_label_mapping.json OUT_DIR [--name N] [--version V]`
// Runs convert.py (PyTorch -> ONNX + manifest) with a Python that has torch, torchvision and onnx,
// then loads the result in onnxruntime-web -- the runtime the extension and the CLI use -- and
// checks that it reproduces PyTorch's outputs on a fixed test pattern, so a broken export fails here
// rather than in a user's browser.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-web';

const here = dirname(fileURLToPath(import.meta.url));
// Logits of a float32 export agree with PyTorch to ~1e-5 relative; 1e-3 leaves room for BatchNorm folding.
const RELATIVE_TOLERANCE = 1e-3;

function pythonWithTorch() {
  const candidates = [process.env.DUALSIGHT_PYTHON, 'python3', '/usr/bin/python3', 'python'].filter(Boolean);
  for (const py of candidates) {
    const r = spawnSync(py, ['-c', 'import torch, torchvision, onnx'], { stdio: 'ignore' });
    if (r.status === 0) return py;
  }
  throw new Error(`no Python with torch, torchvision and onnx found (tried ${candidates.join(', ')}); set DUALSIGHT_PYTHON`);
}

function outDirOf(args) {
  const positional = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i].startsWith('--')) i += args[i].includes('=') ? 0 : 1;
    else positional.push(args[i]);
  }
  return positional[2];
}

/** Largest |a - b| relative to the largest |b|: one scale for the whole output vector. */
function relativeError(a, b) {
  let diff = 0, scale = 1e-12;
  for (let i = 0; i < b.length; i++) {
    diff = Math.max(diff, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(b[i]));
  }
  return diff / scale;
}

async function checkWithOnnxRuntime(outDir, probePath) {
  const manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8'));
  const probe = JSON.parse(readFileSync(probePath, 'utf8'));
  ort.env.wasm.numThreads = 1;
  const session = await ort.InferenceSession.create(readFileSync(join(outDir, manifest.file)), { executionProviders: ['wasm'] });
  const { width, height, name } = manifest.input;
  const out = await session.run({ [name]: new ort.Tensor('float32', Float32Array.from(probe.input), [1, 3, height, width]) });
  for (const head of [manifest.outputs.objects.name, manifest.outputs.authenticity.name]) {
    const err = relativeError(out[head].data, probe[head]);
    if (!(err < RELATIVE_TOLERANCE)) throw new Error(`onnxruntime-web output ${head} differs from PyTorch (relative error ${err.toExponential(2)})`);
    console.log(`checked ${head} in onnxruntime-web: relative error ${err.toExponential(2)} vs PyTorch`);
  }
  await session.release();
}

async function main() {
  const args = process.argv.slice(2);
  if (args.length === 0 || args.includes('--help') || args.includes('-h')) {
    console.log('usage: npm run convert:dualsight -- WEIGHTS.pth obj_label_mapping.json OUT_DIR [--name NAME] [--version VERSION]');
    return args.length === 0 ? 2 : 0;
  }
  const outDir = outDirOf(args);
  const tmp = mkdtempSync(join(tmpdir(), 'dualsight-convert-'));
  try {
    const probe = join(tmp, 'probe.json');
    const r = spawnSync(pythonWithTorch(), [join(here, 'convert.py'), ...args, '--probe', probe], { stdio: 'inherit' });
    if (r.status !== 0) return r.status ?? 1;
    await checkWithOnnxRuntime(outDir, probe);
    return 0;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => { process.exitCode = code; },
  (e) => { console.error(`convert: ${e.message}`); process.exitCode = 1; },
);
