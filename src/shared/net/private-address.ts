// Which URLs the extension refuses to fetch: anything on the user's own machine or private network
// (loopback, RFC 1918, link-local, CGNAT, unique-local IPv6, mDNS `.local`, `localhost`). A page can point
// a badge or a right-click at any URL; without this, the extension's privileged fetch would reach the
// user's router or local services for it, and the verdict or error shown beside the page's image would
// tell the page what is there. Host names are judged as written: the browser gives extensions no DNS
// answer before connecting (a public name that resolves to a private address is not caught here).

const PRIVATE_NAMES = [/^localhost$/, /\.localhost$/, /\.local$/, /\.internal$/, /(^|\.)home\.arpa$/, /\.lan$/];

function ipv4(host: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  return parts.every((p) => p <= 255) ? parts : null;
}

function privateIpv4([a, b]: number[]): boolean {
  return (
    a === 0 || a === 10 || a === 127 || a! >= 224 || // this network, private, loopback, multicast/reserved
    (a === 100 && b! >= 64 && b! <= 127) || // carrier-grade NAT
    (a === 169 && b === 254) || // link-local
    (a === 172 && b! >= 16 && b! <= 31) ||
    (a === 192 && b === 168) ||
    (a === 198 && (b === 18 || b === 19)) // benchmarking
  );
}

/** The 8 16-bit groups of a (URL-normalised) IPv6 address, or null. */
function ipv6Groups(host: string): number[] | null {
  if (!host.startsWith('[') || !host.endsWith(']')) return null;
  let text = host.slice(1, -1);
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const p = ipv4(v4[1]!);
    if (!p) return null;
    text = text.slice(0, -v4[1]!.length) + `${((p[0]! << 8) | p[1]!).toString(16)}:${((p[2]! << 8) | p[3]!).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const parse = (s: string): number[] => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const h = parse(head);
  const t = tail === undefined ? [] : parse(tail);
  const groups = tail === undefined ? h : [...h, ...new Array(8 - h.length - t.length).fill(0), ...t];
  return groups.length === 8 && groups.every((g) => g >= 0 && g <= 0xffff) ? groups : null;
}

function privateIpv6(g: number[]): boolean {
  const zeroTo = (n: number): boolean => g.slice(0, n).every((x) => x === 0);
  if (zeroTo(7) && (g[7] === 0 || g[7] === 1)) return true; // :: and ::1
  if (zeroTo(5) && g[5] === 0xffff) return privateIpv4([g[6]! >> 8, g[6]! & 255, g[7]! >> 8, g[7]! & 255]); // IPv4-mapped
  return (g[0]! & 0xfe00) === 0xfc00 || (g[0]! & 0xffc0) === 0xfe80 || (g[0]! & 0xff00) === 0xff00; // unique-local, link-local, multicast
}

/** Why the extension will not fetch `url`, or undefined when it may. */
export function refusedTarget(url: URL): string | undefined {
  if (url.protocol === 'data:' || url.protocol === 'blob:') return undefined;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `cannot fetch ${url.protocol} URLs`;
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  const v4 = ipv4(host);
  const v6 = ipv6Groups(host);
  if ((v4 && privateIpv4(v4)) || (v6 && privateIpv6(v6)) || PRIVATE_NAMES.some((re) => re.test(host))) {
    return 'not checked: the image is on a local or private network address';
  }
  return undefined;
}

/**
 * The same judgement as declarativeNetRequest regexFilters (RE2) on normalised URLs, for every redirect
 * hop; several short ones, since Chrome refuses a filter that compiles to over 2 KB.
 */
const END = '\\.?(:\\d+)?([/?#]|$)';
export const PRIVATE_TARGET_REGEXES = [
  `^https?://(localhost|[^/:?#]*\\.(localhost|local|internal|lan)|([^/:?#]*\\.)?home\\.arpa)${END}`,
  `^https?://(0|10|127)\\.\\d+\\.\\d+\\.\\d+${END}`,
  `^https?://(169\\.254|192\\.168)\\.\\d+\\.\\d+${END}`,
  `^https?://172\\.(1[6-9]|2\\d|3[01])\\.\\d+\\.\\d+${END}`,
  `^https?://100\\.(6[4-9]|[7-9]\\d|1[01]\\d|12[0-7])\\.\\d+\\.\\d+${END}`,
  `^https?://\\[(::1?|::ffff:[^\\]]*|f[cd][0-9a-f]*:[^\\]]*|fe[89ab][0-9a-f]*:[^\\]]*)\\]${END}`,
];
