// Downloads an image URL for checking, the same way in every host: the fetch policy's refusals before the
// request and after redirects, a time limit, only answers that are images, and a body read with a byte
// cap while it streams. Hosts inject only how the request is made (FetchPolicy).
import { LIMITS } from '../limits';
import { readCapped } from '../net/read-capped';
import { CheckError, RefusedTarget, downloadTimedOut, emptyImage, fetchFailureWords, httpStatusWords, notAnImage, tooLargeToDownload } from './words';

export type FetchFn = (url: URL, init: RequestInit) => Promise<Response>;

/** What a host decides about its downloads. */
export interface FetchPolicy {
  /** The fetch to call (globalThis.fetch by default). */
  fetch?: FetchFn;
  /** Request options of this host (credentials, cache, headers); signal is set here. */
  init?: RequestInit;
  /** Why a target must not be requested (the extension: a local or private address), or undefined. */
  refuse?: (url: URL) => string | undefined;
  /** Overrides of LIMITS, for tests. */
  maxBytes?: number;
  timeoutMs?: number;
}

export interface ImageBytes {
  bytes: Uint8Array;
  /** The declared media type, without parameters; '' when unknown (a local file). */
  type: string;
}

/** Answers taken as images: image/*, and the generic types some CDNs send (the header then decides). */
const IMAGE_TYPES = /^(image\/|application\/octet-stream|binary\/)/i;

/** A failure of the transport, in words; the time limit named as such (it can strike in the body too). */
const failed = (url: string, err: unknown, timeoutMs: number): CheckError =>
  new CheckError((err as Error)?.name === 'TimeoutError' ? downloadTimedOut(url, timeoutMs) : fetchFailureWords(url, err));

function guard(policy: FetchPolicy, url: URL): void {
  const why = policy.refuse?.(url);
  if (why) throw new RefusedTarget(why);
}

export async function fetchImageBytes(url: string, policy: FetchPolicy = {}): Promise<ImageBytes> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new CheckError(`not a URL: ${url.slice(0, 100)}`);
  }
  guard(policy, target);
  const timeoutMs = policy.timeoutMs ?? LIMITS.fetchMs;
  const doFetch = policy.fetch ?? ((u, init) => fetch(u, init));
  let res: Response;
  try {
    res = await doFetch(target, { redirect: 'follow', ...policy.init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    throw failed(url, err, timeoutMs);
  }
  // Redirects are followed by the platform; where they led is judged before anything of the answer is used.
  if (res.url) guard(policy, new URL(res.url));
  if (!res.ok) throw new CheckError(httpStatusWords(res.status, res.statusText));
  const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim();
  if (type && !IMAGE_TYPES.test(type)) throw new CheckError(notAnImage(type));
  let bytes: Uint8Array;
  try {
    bytes = await readCapped(res, policy.maxBytes ?? LIMITS.downloadBytes, (detail) => new CheckError(tooLargeToDownload(detail)));
  } catch (err) {
    if (err instanceof CheckError) throw err;
    throw failed(url, err, timeoutMs);
  }
  if (bytes.byteLength === 0) throw new CheckError(emptyImage);
  return { bytes, type };
}
