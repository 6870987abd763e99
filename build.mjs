// Builds the unpacked extension for Chrome (dist/chrome) and Firefox (dist/firefox), zips of both
// (dist/*.zip), and the Node CLI (dist/cli/dualsight.mjs).
// Usage: node build.mjs [--no-zip] [--dev] [--model DIR] [--outdir DIR]
//   --model DIR   ship another model folder as the built-in one (e.g. a converted seed model, to benchmark it)
//   --outdir DIR  write the extension builds there instead of dist/
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const argv = process.argv.slice(2);
const args = new Set(argv);
const option = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const modelDir = option('--model') ?? join(root, 'models', 'dualsight-lite');
const outRoot = option('--outdir') ?? join(root, 'dist');
const ortDist = join(root, 'node_modules/onnxruntime-web/dist');
// The runtime files the inference host loads (src/offscreen/runtimes.ts): the WASM-only build for every
// WASM session, and the native WebGPU EP build (asyncify), fetched only when WebGPU is used.
const ORT_FILES = [
  'ort-wasm-simd-threaded.mjs',
  'ort-wasm-simd-threaded.wasm',
  'ort-wasm-simd-threaded.asyncify.mjs',
  'ort-wasm-simd-threaded.asyncify.wasm',
];
const DEFAULT_MODEL = 'dualsight-lite';

/** Contexts and their entry points; a missing entry (feature not written yet) is skipped with a warning. */
const ENTRIES = {
  chrome: {
    background: 'src/background/index.chrome.ts',
    offscreen: 'src/offscreen/index.ts',
    content: 'src/content/index.ts',
    popup: 'src/popup/index.tsx',
    options: 'src/options/index.tsx',
  },
  firefox: {
    background: 'src/background/index.firefox.ts',
    content: 'src/content/index.ts',
    popup: 'src/popup/index.tsx',
    options: 'src/options/index.tsx',
  },
};
const PAGES = { chrome: ['offscreen', 'popup', 'options'], firefox: ['popup', 'options'] };

function manifestFor(browser) {
  const base = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
  base.version = pkg.version;
  if (browser === 'firefox') {
    base.background = { scripts: ['background.js'], type: 'module' };
    base.permissions = base.permissions.filter((p) => p !== 'offscreen');
    base.browser_specific_settings = { gecko: { id: 'dualsight@dualsight.app', strict_min_version: '128.0' } };
    delete base.cross_origin_embedder_policy;
    delete base.cross_origin_opener_policy;
    delete base.minimum_chrome_version;
  }
  return base;
}

function copyModels(out) {
  const src = modelDir;
  if (!existsSync(join(src, 'manifest.json'))) {
    console.warn(`build: ${src} not found: the extension will have no built-in model`);
    return;
  }
  const manifest = JSON.parse(readFileSync(join(src, 'manifest.json'), 'utf8'));
  mkdirSync(join(out, 'models', DEFAULT_MODEL), { recursive: true });
  for (const f of ['manifest.json', manifest.file]) cpSync(join(src, f), join(out, 'models', DEFAULT_MODEL, f));
}

async function buildBrowser(browser) {
  const out = join(outRoot, browser);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const entryPoints = {};
  for (const [name, file] of Object.entries(ENTRIES[browser])) {
    if (existsSync(join(root, file))) entryPoints[name] = join(root, file);
    else console.warn(`build: ${file} missing, skipped`);
  }
  const { content, ...modules } = entryPoints;
  await esbuild.build({
    entryPoints: modules,
    outdir: out,
    bundle: true,
    format: 'esm',
    target: browser === 'chrome' ? 'chrome116' : 'firefox128',
    // Keep the WASM runtime as separate files (copied below) instead of inlined blobs: MV3 forbids
    // remote code and blob workers complicate the CSP; wasmPaths points at ort/ in the package.
    conditions: ['onnxruntime-web-use-extern-wasm'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify: !args.has('--dev'),
    sourcemap: args.has('--dev') ? 'inline' : false,
    define: { __BROWSER__: JSON.stringify(browser), __VERSION__: JSON.stringify(pkg.version) },
    logLevel: 'warning',
    legalComments: 'none',
  });
  // Content scripts are classic scripts: re-bundle the content entry as an IIFE.
  if (content) {
    await esbuild.build({
      entryPoints: { content },
      outdir: out,
      bundle: true,
      format: 'iife',
      target: browser === 'chrome' ? 'chrome116' : 'firefox128',
      minify: !args.has('--dev'),
      define: { __BROWSER__: JSON.stringify(browser), __VERSION__: JSON.stringify(pkg.version) },
      logLevel: 'warning',
    });
  }
  for (const page of PAGES[browser]) {
    const html = join(root, 'src', page, `${page}.html`);
    if (existsSync(html)) cpSync(html, join(out, `${page}.html`));
    const css = join(root, 'src', page, `${page}.css`);
    if (existsSync(css)) cpSync(css, join(out, `${page}.css`));
  }
  mkdirSync(join(out, 'ort'), { recursive: true });
  for (const f of ORT_FILES) cpSync(join(ortDist, f), join(out, 'ort', f));
  cpSync(join(root, 'icons'), join(out, 'icons'), { recursive: true });
  copyModels(out);
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifestFor(browser), null, 2)}\n`);
  return out;
}

async function buildCli() {
  if (!existsSync(join(root, 'src/cli/main.ts'))) return;
  await esbuild.build({
    entryPoints: { dualsight: join(root, 'src/cli/main.ts') },
    outdir: join(root, 'dist/cli'),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Native and platform packages load from node_modules at run time, each only when used.
    external: ['onnxruntime-node', 'onnxruntime-web', 'sharp'],
    define: { __BROWSER__: '"node"', __VERSION__: JSON.stringify(pkg.version) },
    logLevel: 'warning',
  });
}

function zip(dir, file) {
  rmSync(file, { force: true });
  try {
    execFileSync('zip', ['-qr', file, '.'], { cwd: dir });
  } catch {
    // zip(1) is not on every machine; Python's zipfile is.
    execFileSync('python3', ['-m', 'zipfile', '-c', file, ...readdirSync(dir)], { cwd: dir });
  }
}

function sizeOf(dir) {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    total += e.isDirectory() ? sizeOf(p) : statSync(p).size;
  }
  return total;
}

const started = Date.now();
for (const browser of ['chrome', 'firefox']) {
  const out = await buildBrowser(browser);
  if (!args.has('--no-zip')) zip(out, join(outRoot, `dualsight-${browser}-${pkg.version}.zip`));
  console.log(`build: ${out} (${(sizeOf(out) / 1e6).toFixed(1)} MB)`);
}
await buildCli();
console.log(`build: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
