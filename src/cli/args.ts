// Command-line parsing for `dualsight verify`; errors become UsageError (exit code 2).
import { parseArgs } from 'node:util';
import { NODE_BACKENDS, type NodeBackend } from '../node/node-engine';

/** At most this many objects per image: beyond ~10 the scores are below any useful threshold. */
export const MAX_OBJECT_LIMIT = 10;
export const DEFAULT_OBJECT_LIMIT = 3;

export interface VerifyArgs {
  command: 'verify';
  inputs: string[];
  /** undefined: the default model folder. */
  modelDir?: string;
  json: boolean;
  /** Also print every class's raw output and probability (parity checks, debugging). */
  raw: boolean;
  threads?: number;
  limit: number;
  backend: NodeBackend;
  /** C2PA Trust List file (PEM bundle or the C2PA LoTE JSON); without it no image is "Camera-signed". */
  trustList?: string;
  /** C2PA TSA Trust List file. */
  tsaTrustList?: string;
  /** The user's own anchor files (PEM): chains to them are "trusted by you". */
  trustAnchors: string[];
}

export type CliArgs = VerifyArgs | { command: 'help' };

export class UsageError extends Error {
  override name = 'UsageError';
}

function integer(value: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, got "${value}"`);
  return n;
}

export function parseCliArgs(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        model: { type: 'string', short: 'm' },
        json: { type: 'boolean', default: false },
        raw: { type: 'boolean', default: false },
        threads: { type: 'string', short: 't' },
        limit: { type: 'string', short: 'k' },
        backend: { type: 'string', short: 'b', default: 'native' },
        help: { type: 'boolean', short: 'h', default: false },
        'trust-list': { type: 'string' },
        'tsa-trust-list': { type: 'string' },
        'trust-anchor': { type: 'string', multiple: true },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help || positionals[0] === 'help') return { command: 'help' };
  const [command, ...inputs] = positionals;
  if (command !== 'verify') throw new UsageError(command ? `unknown command "${command}"` : 'missing command');
  if (inputs.length === 0) throw new UsageError('verify needs at least one INPUT (image file, folder or http(s) URL)');
  const backend = values.backend as NodeBackend;
  if (!NODE_BACKENDS.includes(backend)) throw new UsageError(`--backend must be ${NODE_BACKENDS.join(' or ')}, got "${values.backend}"`);
  return {
    command,
    inputs,
    modelDir: values.model,
    json: values.json,
    raw: values.raw,
    threads: integer(values.threads, '--threads', 1, 64),
    limit: integer(values.limit, '--limit', 0, MAX_OBJECT_LIMIT) ?? DEFAULT_OBJECT_LIMIT,
    backend,
    trustList: values['trust-list'],
    tsaTrustList: values['tsa-trust-list'],
    trustAnchors: values['trust-anchor'] ?? [],
  };
}
