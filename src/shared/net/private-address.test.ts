import { describe, expect, it } from 'vitest';
import { refusedTarget } from './private-address';

const refused = (u: string): boolean => refusedTarget(new URL(u)) !== undefined;

describe('refusedTarget', () => {
  it('refuses loopback, private, link-local and local names in every spelling the URL parser accepts', () => {
    for (const u of [
      'http://127.0.0.1/a.png', 'http://2130706433/a.png', 'http://0x7f.1/a.png', 'http://127.1/x', 'https://10.1.2.3/x',
      'http://172.16.0.1/x', 'http://172.31.255.255/x', 'http://192.168.1.1/x', 'http://169.254.169.254/latest/meta-data',
      'http://100.64.0.1/x', 'http://0.0.0.0/x', 'http://[::1]/x', 'http://[::]/x', 'http://[fe80::1]/x', 'http://[fd00::5]/x',
      'http://[::ffff:127.0.0.1]/x', 'http://[::ffff:c0a8:101]/x', 'http://localhost:8080/x', 'http://LOCALHOST./x',
      'http://api.localhost/x', 'http://printer.local/x', 'http://nas.home.arpa/x', 'http://db.internal/x', 'file:///etc/passwd',
    ]) expect(refused(u), u).toBe(true);
  });

  it('lets public hosts, public addresses, data: and blob: URLs through', () => {
    for (const u of [
      'https://pbs.twimg.com/media/x.jpg', 'https://i.redd.it/a.jpeg', 'http://8.8.8.8/x', 'http://172.32.0.1/x', 'http://192.169.0.1/x',
      'http://[2606:4700::1111]/x', 'http://[::ffff:8.8.8.8]/x', 'data:image/png;base64,AAAA', 'http://localhost.example.com/x',
    ]) expect(refused(u), u).toBe(false);
  });
});
