// `dualsight verify` entry point (bundled to dist/cli/dualsight.mjs, started by bin/dualsight.mjs).
import { createNodeEngine } from '../node/node-engine';
import type { Engine } from '../shared/engine';
import { readFileSync } from 'node:fs';
import { readProvenance, type TrustConfig } from '../shared/provenance/index';
import { readTrustListFile } from '../shared/provenance/trust/trust-list';
import { parseCliArgs, UsageError, type CliArgs } from './args';
import { defaultModelDir } from './default-model';
import { jsonLine, textLine } from './format';
import { HELP } from './help';
import { isFailure, verifyInputs } from './verify';

export const EXIT_OK = 0;
export const EXIT_SOME_FAILED = 1;
export const EXIT_UNUSABLE = 2;

export async function main(argv: string[]): Promise<number> {
  let args: CliArgs;
  try {
    args = parseCliArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`dualsight: ${e.message}\n\n${HELP}`);
    return EXIT_UNUSABLE;
  }
  if (args.command === 'help') {
    process.stdout.write(HELP);
    return EXIT_OK;
  }
  let trust: TrustConfig;
  try {
    trust = trustFrom(args);
  } catch (e) {
    process.stderr.write(`dualsight: ${(e as Error).message}\n`);
    return EXIT_UNUSABLE;
  }
  const modelDir = args.modelDir ?? defaultModelDir();
  let engine: Engine;
  try {
    engine = await createNodeEngine(modelDir, { backend: args.backend, threads: args.threads });
  } catch (e) {
    // The native runtime is a platform binary; WASM runs wherever Node does.
    const hint = args.backend === 'native' ? '\n(if the native runtime cannot load on this machine, try --backend wasm)' : '';
    process.stderr.write(`dualsight: cannot load the model in ${modelDir} with the ${args.backend} runtime: ${(e as Error).message}${hint}\n`);
    return EXIT_UNUSABLE;
  }
  let failed = 0;
  try {
    for await (const r of verifyInputs(engine, args.inputs, { limit: args.limit, raw: args.raw && args.json, readProvenance: (bytes) => readProvenance(bytes, { trust }) })) {
      if (isFailure(r)) failed++;
      if (args.json) process.stdout.write(`${jsonLine(r)}\n`);
      else if (isFailure(r)) process.stderr.write(`${textLine(r)}\n`);
      else process.stdout.write(`${textLine(r)}\n`);
    }
  } finally {
    await engine.release();
  }
  return failed > 0 ? EXIT_SOME_FAILED : EXIT_OK;
}

/** The trust list files named on the command line, read once. */
function trustFrom(args: Extract<CliArgs, { command: 'verify' }>): TrustConfig {
  const read = (file: string, what: string): string => {
    try {
      return readFileSync(file, 'utf8');
    } catch (e) {
      throw new Error(`cannot read the ${what} ${file}: ${(e as Error).message}`);
    }
  };
  const listFile = (file: string, what: string) => {
    const text = read(file, what);
    try {
      return readTrustListFile(text, file);
    } catch (e) {
      throw new Error(`${what} ${file}: ${(e as Error).message}`);
    }
  };
  return {
    ...(args.trustList ? { list: listFile(args.trustList, 'trust list') } : {}),
    ...(args.tsaTrustList ? { tsaList: listFile(args.tsaTrustList, 'TSA trust list') } : {}),
    ...(args.trustAnchors.length ? { userPem: args.trustAnchors.map((f) => read(f, 'trust anchor')).join('\n') } : {}),
  };
}

// `dualsight verify dir | head -1`: a closed pipe ends the run quietly instead of with a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
  throw e;
});

process.exitCode = await main(process.argv.slice(2));
