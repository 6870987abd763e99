// A failed download in words a user can act on. Node's fetch reports only "fetch failed" and hides the
// reason in error.cause (a system error code, or an undici code); HTTP errors are answers, not failures.
import { STATUS_CODES } from 'node:http';

interface Cause {
  code?: string;
  message?: string;
}

/** Connection-level codes -> what happened, after "could not reach host X". */
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

/** "server answered 404 Not Found": the server's own reason phrase, else the standard one. */
export function httpStatusWords(status: number, statusText: string): string {
  const reason = statusText || STATUS_CODES[status] || '';
  return `server answered ${status}${reason ? ` ${reason}` : ''}`;
}

/** The words for an error thrown by fetch(url) (not an HTTP status). */
export function fetchFailureWords(url: string, e: unknown): string {
  const host = URL.canParse(url) ? new URL(url).host : url;
  const cause = (e as { cause?: Cause }).cause;
  const code = cause?.code ?? '';
  if (UNREACHABLE[code]) return `could not reach host ${host} (${UNREACHABLE[code]})`;
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return `connection to host ${host} was closed before the image arrived`;
  if (CERTIFICATE.test(code)) return `host ${host} has a certificate this machine does not trust (${code})`;
  // Anything else (a redirect loop, a blocked port, ...) in fetch's own words, never just "fetch failed".
  return `download from ${host} failed: ${cause?.message || code || (e as Error).message}`;
}
