// What a failed check says, in words a person can act on: the same words in the badge, the card, the
// popup and the CLI, whichever host ran the check. Never a browser's or runtime's internal message alone.
import { LIMITS } from '../limits';

/** Standard reason phrases for the statuses image hosts answer with (a server may send its own). */
const REASONS: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  408: 'Request Timeout', 410: 'Gone', 429: 'Too Many Requests', 451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

/** A thrown check failure: its message is already words for the user. */
export class CheckError extends Error {
  override name = 'CheckError';
}

/** A target the fetch policy refuses (a local or private network address): nothing was requested. */
export class RefusedTarget extends CheckError {
  override name = 'RefusedTarget';
}

const hostOf = (url: string): string => (URL.canParse(url) ? new URL(url).host : url);

/** "server answered 404 Not Found": the server's own reason phrase, else the standard one. */
export function httpStatusWords(status: number, statusText = ''): string {
  const reason = statusText || REASONS[status] || '';
  return `server answered ${status}${reason ? ` ${reason}` : ''}`;
}

interface Cause {
  code?: string;
  message?: string;
}

/** Connection-level codes (Node's fetch puts them in error.cause) -> what happened. */
const UNREACHABLE: Record<string, string> = {
  ENOTFOUND: 'no such host',
  EAI_AGAIN: 'name lookup failed; is the network up?',
  ECONNREFUSED: 'connection refused',
  EHOSTUNREACH: 'no route to host',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
};

const CERTIFICATE = /^(CERT_|ERR_TLS_CERT|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_(GET_ISSUER_CERT|VERIFY_LEAF_SIGNATURE))/;

/**
 * The words for an error thrown by fetch(url) (not an HTTP status). Node reports only "fetch failed" and
 * hides the reason in error.cause; browsers say "Failed to fetch" (Chrome) or "NetworkError ..." (Firefox).
 */
export function fetchFailureWords(url: string, e: unknown): string {
  const host = hostOf(url);
  if ((e as Error)?.name === 'TimeoutError') return downloadTimedOut(url);
  const cause = (e as { cause?: Cause }).cause;
  const code = cause?.code ?? '';
  if (UNREACHABLE[code]) return `could not reach host ${host} (${UNREACHABLE[code]})`;
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return `connection to host ${host} was closed before the image arrived`;
  if (CERTIFICATE.test(code)) return `host ${host} has a certificate this machine does not trust (${code})`;
  // Anything else (a redirect loop, a blocked port, ...) in fetch's own words, never just "fetch failed".
  return `download from ${host} failed: ${cause?.message || code || (e as Error).message || String(e)}`;
}

export const downloadTimedOut = (url: string, ms: number = LIMITS.fetchMs): string =>
  `no complete answer from host ${hostOf(url)} within ${ms / 1000} s`;

export const notAnImage = (contentType: string): string => `not an image (content-type: ${contentType || 'none'})`;

export const tooLargeToDownload = (detail: string): string => `image too large to download (${detail})`;

export const emptyImage = 'the image is empty (0 bytes)';

export const unreadableHeader = 'not an image, or a picture format DualSight cannot read (unknown or corrupt header)';

/** Over the pixel limit, judged from the header: both the size and the limit, so the user sees why. */
export const tooLargeToCheck = (width: number, height: number): string =>
  `image too large to check (${width}x${height}): larger than ${LIMITS.pixels / 1e6} megapixels`;

/** A decoder refused bytes whose header looked fine: `what` names the file (type, size), `why` the decoder's reason. */
export const cannotDecode = (what: string, why: string): string => `could not decode the image (${what}): ${why}`;

/** The words of any failure met while checking: its message, or what it is when it has none. */
export function failureWords(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)) || 'unknown error';
}
