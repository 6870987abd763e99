// Results of pure checks on exact bytes, kept by the SHA-256 of those bytes: the same signature,
// time-stamp token and certificates come back with every image a signer publishes (and with every
// mutated copy in the fuzz test), and a WebCrypto RSA verify costs milliseconds each time.

import { hex } from '../bytes';

export async function sha256Hex(...parts: Uint8Array[]): Promise<string> {
  const out: string[] = [];
  for (const p of parts) out.push(hex(new Uint8Array(await crypto.subtle.digest('SHA-256', p.slice().buffer as ArrayBuffer))));
  return out.join('|');
}

export class Memo<T> {
  private map = new Map<string, T>();
  constructor(private readonly max: number) {}

  async get(key: string, compute: () => Promise<T>): Promise<T> {
    const known = this.map.get(key);
    if (known !== undefined) return known;
    const value = await compute();
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
    return value;
  }
}
