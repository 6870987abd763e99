// Bench-only builds of the extension under bench/.dist/<name>: a copy of a built extension (dist/chrome
// or DUALSIGHT_DIST) whose offscreen.js is rebuilt from src/ with bench hooks — a pinned WASM thread
// count, per-stage timers, or a prototype module in place of one of the extension's — and whose
// content.js is rebuilt too when a prototype replaces a content-script module. src/ is never edited:
// hooks are swapped in at module resolution, keyed by (importing file, import path).
import * as esbuild from 'esbuild';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { repoRoot } from '../test/e2e/harness/paths';

export interface Variant {
  /** Folder name under bench/.dist and the label in reports. */
  name: string;
  /** ort.env.wasm.numThreads; 0 keeps the extension's own choice. */
  threads: number;
  /** Wrap the offscreen stages (fetch, decode with thumbnail, provenance, resample, tensor) in timers. */
  stageTimers?: boolean;
  /** Replacement modules: "src/offscreen/check-host.ts:./decode" -> "bench/prototypes/decode-at-model-size.ts". */
  replace?: Record<string, string>;
  /** Extra esbuild defines for the prototype's modules. */
  define?: Record<string, string>;
}

export const BENCH_DIST = join(repoRoot, 'bench/.dist');

/** Exports wrapped by the stage timers, per (importer relative to the repo, import path). */
const TIMED_IMPORTS: Record<string, { module: string; exports: Record<string, string> }> = {
  'src/shared/check/pipeline.ts:./fetch': { module: 'src/shared/check/fetch.ts', exports: { fetchImageBytes: 'fetch' } },
  'src/offscreen/check-host.ts:./decode': { module: 'src/offscreen/decode.ts', exports: { decodeImage: 'decode' } },
  'src/offscreen/check-host.ts:../shared/provenance': { module: 'src/shared/provenance/index.ts', exports: { readProvenance: 'provenance' } },
  // The offscreen document's checks read provenance through the inference service (with the trust list).
  'src/offscreen/inference.ts:../shared/provenance': { module: 'src/shared/provenance/index.ts', exports: { readProvenance: 'provenance' } },
  'src/shared/check/judge.ts:../preprocess': { module: 'src/shared/preprocess.ts', exports: { modelPixels: 'resample' } },
  'src/shared/engine.ts:./preprocess': { module: 'src/shared/preprocess.ts', exports: { toTensorData: 'tensor' } },
};

function hookPlugin(v: Variant): esbuild.Plugin {
  return {
    name: 'bench-hooks',
    setup(build) {
      build.onResolve({ filter: /^\./ }, (args) => {
        if (!args.importer || args.namespace !== 'file') return undefined;
        const key = `${relative(repoRoot, args.importer)}:${args.path}`;
        // A timed import is timed whether the extension's module or a prototype stands behind it.
        if (v.stageTimers && TIMED_IMPORTS[key]) return { path: key, namespace: 'bench-timed' };
        const replacement = v.replace?.[key];
        return replacement ? { path: resolve(repoRoot, replacement) } : undefined;
      });
      build.onLoad({ filter: /.*/, namespace: 'bench-timed' }, (args) => {
        const t = TIMED_IMPORTS[args.path]!;
        const real = join(repoRoot, v.replace?.[args.path] ?? t.module);
        const timer = join(repoRoot, 'bench/variant/stage-timer.ts');
        const lines = [`export * from ${JSON.stringify(real)};`, `import * as real from ${JSON.stringify(real)};`, `import { timed } from ${JSON.stringify(timer)};`];
        for (const [name, stage] of Object.entries(t.exports)) lines.push(`export const ${name} = timed(${JSON.stringify(stage)}, real.${name});`);
        return { contents: lines.join('\n'), loader: 'ts', resolveDir: dirname(real) };
      });
    },
  };
}

/** Builds `v` from the built extension in `baseDist`; returns the folder to load. */
export async function buildVariant(baseDist: string, v: Variant): Promise<string> {
  if (!existsSync(join(baseDist, 'manifest.json'))) throw new Error(`${baseDist} has no manifest.json: run npm run build first`);
  const out = join(BENCH_DIST, v.name);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const content = Object.keys(v.replace ?? {}).some((k) => k.startsWith('src/content/'));
  const rebuilt = (src: string): boolean => src.endsWith('/offscreen.js') || (content && src.endsWith('/content.js'));
  cpSync(baseDist, out, { recursive: true, filter: (src) => !rebuilt(src) });
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
  // The same options as build.mjs, except that names are kept for CPU profiles.
  const common = {
    outdir: out,
    bundle: true,
    target: 'chrome116',
    minifySyntax: true,
    minifyWhitespace: true,
    plugins: [hookPlugin(v)],
    logLevel: 'warning',
    legalComments: 'none',
  } satisfies esbuild.BuildOptions;
  const define = { __BROWSER__: '"chrome"', __VERSION__: JSON.stringify(pkg.version) };
  await esbuild.build({
    ...common,
    entryPoints: { offscreen: join(repoRoot, 'bench/variant/offscreen-entry.ts') },
    format: 'esm',
    conditions: ['onnxruntime-web-use-extern-wasm'],
    define: { ...define, __BENCH_WASM_THREADS__: String(v.threads), ...v.define },
  });
  // The content script is a classic script (IIFE), as build.mjs builds it.
  if (content) await esbuild.build({ ...common, entryPoints: { content: join(repoRoot, 'src/content/index.ts') }, format: 'iife', define });
  return out;
}
