// The one image-check pipeline, used by every host (the offscreen document, Firefox's background page,
// the CLI): fetch with the limits -> size check from the header -> decode -> pre-process -> model ->
// interpret -> provenance. Sequencing, limits, error words and timing live here; a host injects only
// how bytes are fetched or read, how they are decoded, and which runtime runs the model (CheckHost).
import type { RgbaImage } from '../preprocess';
import type { Provenance } from '../verdict';
import { fetchImageBytes, type FetchPolicy, type ImageBytes } from './fetch';
import { checkDimensions } from './header';
import { judge, type Judgement, type JudgeOptions, type Model } from './judge';

export interface Decoded {
  image: RgbaImage;
  /** A small picture for the history list, when asked for and when it could be made. */
  thumbnail?: string;
}

/** What differs between hosts. */
export interface CheckHost {
  /** How URLs are downloaded (fetch, credentials, refused targets); the limits are the pipeline's. */
  fetch: FetchPolicy;
  /** Bytes -> RGBA pixels (createImageBitmap in a browser, sharp in Node), and a thumbnail if asked. */
  decode(input: ImageBytes, opts: { thumbnail: boolean }): Promise<Decoded>;
  /** Declared provenance from the original bytes; absent: not read. */
  provenance?: (bytes: Uint8Array) => Provenance | Promise<Provenance>;
}

/** A URL to download, or bytes the host has read itself (a local file in the CLI). */
export type CheckInput = { url: string } | { read: () => Promise<ImageBytes> };

export interface CheckOptions extends JudgeOptions {
  thumbnail?: boolean;
}

export interface CheckOutcome extends Judgement {
  /** The backend that ran the model (after any fallback). */
  backend: string;
  /** Whole check (download or read, header, decode, model, interpretation, provenance), ms. */
  ms: number;
  provenance?: Provenance;
  thumbnail?: string;
}

/**
 * Checks one image. `model` may still be starting (a promise): it loads while the image downloads.
 * Throws on failure; the error's message is words for the user (words.ts).
 */
export async function runCheck(input: CheckInput, host: CheckHost, model: Model | Promise<Model>, opts: CheckOptions = {}): Promise<CheckOutcome> {
  const t0 = performance.now();
  const file = 'url' in input ? await fetchImageBytes(input.url, host.fetch) : await input.read();
  checkDimensions(file.bytes);
  const decoded = await host.decode(file, { thumbnail: opts.thumbnail === true });
  const running = await model;
  const [judgement, provenance] = await Promise.all([
    judge(running, decoded.image, opts),
    host.provenance ? host.provenance(file.bytes) : undefined,
  ]);
  const outcome: CheckOutcome = { ...judgement, modelMs: Math.round(judgement.modelMs), backend: running.backend, ms: Math.round(performance.now() - t0) };
  if (provenance) outcome.provenance = provenance;
  if (decoded.thumbnail) outcome.thumbnail = decoded.thumbnail;
  return outcome;
}
