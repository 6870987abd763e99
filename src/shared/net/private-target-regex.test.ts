import { describe, expect, it } from 'vitest';
import { PRIVATE_TARGET_REGEXES, refusedTarget } from './private-address';

// The session rule and the fetch-time check must agree on every URL the unit tests of the latter name.
const URLS = [
  'http://127.0.0.1/a.png', 'http://2130706433/a.png', 'https://10.1.2.3/x', 'http://172.16.0.1/x', 'http://192.168.1.1:8080/x',
  'http://169.254.169.254/latest', 'http://100.64.0.1/x', 'http://0.0.0.0/x', 'http://[::1]/x', 'http://[fe80::1]/x',
  'http://[fd00::5]/x', 'http://[::ffff:127.0.0.1]/x', 'http://localhost:8080/x', 'http://api.localhost/x',
  'http://printer.local/x', 'http://nas.home.arpa/x', 'http://db.internal/x', 'http://LOCALHOST./x',
  'https://pbs.twimg.com/media/x.jpg', 'https://i.redd.it/a.jpeg', 'http://8.8.8.8/x', 'http://172.32.0.1/x',
  'http://192.169.0.1/x', 'http://[2606:4700::1111]/x', 'http://localhost.example.com/x', 'https://local.example.com/x',
];

describe('PRIVATE_TARGET_REGEXES', () => {
  it('blocks exactly what the fetch-time check refuses (on URLs as the browser normalises them)', () => {
    const res = PRIVATE_TARGET_REGEXES.map((r) => new RegExp(r, 'i'));
    for (const u of URLS) {
      const href = new URL(u).href;
      expect(res.some((re) => re.test(href)), href).toBe(refusedTarget(new URL(u)) !== undefined);
    }
  });
});
