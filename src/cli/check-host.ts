// How the CLI (Node) reads and decodes images for the shared pipeline (src/shared/check/pipeline.ts):
// Node's fetch, local files, and sharp. Limits, header check, order and words are the pipeline's.
import { readFile, stat } from 'node:fs/promises';
import type { CheckHost } from '../shared/check/pipeline';
import type { ImageBytes } from '../shared/check/fetch';
import { CheckError } from '../shared/check/words';
import { LIMITS } from '../shared/limits';
import type { Provenance } from '../shared/verdict';
import { decodeImage } from '../node/decode-image';

/** The CLI's host; `provenance` is passed in (main.ts reads it; tests and benches may not). */
export function nodeCheckHost(provenance?: (bytes: Uint8Array) => Provenance | Promise<Provenance>): CheckHost {
  return {
    // A URL given on the command line is the user's own choice: private and local hosts are allowed.
    fetch: { init: { headers: { accept: 'image/*' } } },
    decode: async ({ bytes }) => ({ image: await decodeImage(bytes) }),
    provenance,
  };
}

/** A local file's bytes; files over the limit are refused before reading. */
export async function readLocal(path: string): Promise<ImageBytes> {
  const info = await stat(path);
  if (!info.isFile()) throw new CheckError('not a file');
  if (info.size > LIMITS.fileBytes) throw new CheckError(`file is ${info.size} bytes, over the ${LIMITS.fileBytes}-byte limit`);
  return { bytes: new Uint8Array(await readFile(path)), type: '' };
}
