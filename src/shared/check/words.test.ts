import { describe, expect, it } from 'vitest';
import { fetchFailureWords, httpStatusWords } from './words';

/** What Node's fetch throws: TypeError("fetch failed") with the reason in `cause`. */
const failed = (cause: object): Error => Object.assign(new TypeError('fetch failed'), { cause });

describe('fetch failures in words', () => {
  it('names the host for connection-level failures', () => {
    expect(fetchFailureWords('https://cdn.example:8443/a.jpg', failed({ code: 'ECONNREFUSED' }))).toBe('could not reach host cdn.example:8443 (connection refused)');
    expect(fetchFailureWords('https://nope.example/a.jpg', failed({ code: 'ENOTFOUND' }))).toBe('could not reach host nope.example (no such host)');
    expect(fetchFailureWords('https://x.example/a', failed({ code: 'UND_ERR_CONNECT_TIMEOUT' }))).toBe('could not reach host x.example (connection timed out)');
    expect(fetchFailureWords('https://x.example/a', failed({ code: 'ECONNRESET' }))).toBe('connection to host x.example was closed before the image arrived');
  });

  it('says when a certificate is not trusted, and otherwise passes on the cause, never just "fetch failed"', () => {
    expect(fetchFailureWords('https://self.example/a', failed({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }))).toBe(
      'host self.example has a certificate this machine does not trust (DEPTH_ZERO_SELF_SIGNED_CERT)',
    );
    expect(fetchFailureWords('https://x.example/a', failed({ message: 'redirect count exceeded' }))).toBe('download from x.example failed: redirect count exceeded');
    expect(fetchFailureWords('https://x.example/a', new TypeError('fetch failed'))).toBe('download from x.example failed: fetch failed');
  });

  it('words HTTP errors as the server\'s answer, with the standard reason when the server sends none', () => {
    expect(httpStatusWords(404, '')).toBe('server answered 404 Not Found');
    expect(httpStatusWords(503, 'Slow Down')).toBe('server answered 503 Slow Down');
    expect(httpStatusWords(599, '')).toBe('server answered 599');
  });
});
