// A throw-away self-signed certificate for the fixture hosts, made with the openssl CLI at test start.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function selfSignedCertificate(hosts: string[]): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'dualsight-cert-'));
  try {
    const san = ['localhost', ...hosts].map((h) => `DNS:${h}`).join(',') + ',IP:127.0.0.1';
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=dualsight-fixtures',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-addext', `subjectAltName=${san}`,
    ], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
