// Fuzz: thousands of mutated files (seeded, reproducible) through readProvenance, with the official
// trust list and the C2PA test CA as a user anchor so the certificate, time-stamp and chain code
// (@peculiar/asn1-*) meet the mutations too. Every call must resolve to a well-formed result, no
// parser may throw past its own boundary (the catch-all in readProvenance must never be what saved
// us), and a mutated camera file is never "camera" unless its manifest still verifies intact.
// Prints throughput; asserts no timing.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as b from '../../../test/fixtures/provenance-builders';
import { issuerAnchorPem, officialTrust } from '../../../test/fixtures/c2pa-trust';
import { hasShared } from '../../../test/shared-data';
import { CborError, decodeCbor } from './cbor';
import { readProvenance, type C2paSignal, type TrustConfig } from './index';
import { CertificateError, parseCertificate } from './trust/certificate';
import { certificatesFromPem } from './trust/pem';

const SEED = 0x5eed;
const BUDGET_MS = 8_000;
const MAX_RUNS = 6_000;

function seeds(): { name: string; bytes: Uint8Array }[] {
  const load = (p: string): Uint8Array => new Uint8Array(readFileSync(join(b.provenanceFixturesDir, p)));
  const xmp = b.xmpPacket('', `xmlns:Iptc4xmpExt="${b.IPTC_NS}" Iptc4xmpExt:DigitalSourceType="${b.DST}trainedAlgorithmicMedia"`);
  const exif = b.tiff([{ tag: 0x010f, ascii: 'Canon' }, { tag: 0x0110, ascii: 'EOS' }], [{ tag: 0x9286, undefinedBytes: b.userComment('p\nSteps: 2, Sampler: Euler, Seed: 3', 'UNICODE') }]);
  // Original files from the shared data where it exists; the built files are fuzzed everywhere.
  const originals = (): { name: string; bytes: Uint8Array }[] => [
    { name: 'c2pa CA.jpg', bytes: load('c2pa/adobe-20220124-CA.jpg') },
    { name: 'c2pa Firefly ocsp.jpg', bytes: load('c2pa/c2pa-rs-ocsp.jpg') },
    { name: 'c2pa CAWG (ES256)', bytes: load('c2pa/c2pa-rs-C_with_CAWG_data.jpg') },
    { name: 'ComfyUI png', bytes: load('generator-params/sd1__comfyanonymous_ComfyUI_examples__hypernetworks_hypernetwork_example_output.png') },
    { name: 'camera exif jpg', bytes: load('camera-exif/exif-camera__ianare_exif-samples__Canon_PowerShot_S40.jpg') },
    { name: 'webp', bytes: load('c2pa/c2pa-rs-sample1.webp') },
    { name: 'avif', bytes: load('c2pa/c2pa-rs-sample1.avif') },
  ];
  return [
    ...(hasShared ? originals() : []),
    { name: 'built png', bytes: b.png(b.zTXt('parameters', 'x\nSteps: 1, Sampler: a, Seed: 2'), b.iTXt('XML:com.adobe.xmp', xmp, true), b.pngChunk('eXIf', exif)) },
    { name: 'built jpeg', bytes: b.jpeg(b.jpegXmp(xmp), b.jpegExif(exif), b.jpegComment('hello')) },
    { name: 'built webp', bytes: b.webp(b.riffChunk('EXIF', exif), b.riffChunk('XMP ', new TextEncoder().encode(xmp))) },
  ];
}

/** Mutations aimed at the metadata, which sits near the start of every container here. */
function mutate(src: Uint8Array, rnd: () => number): Uint8Array {
  const pos = (): number => Math.floor((rnd() < 0.8 ? Math.min(src.length, 70_000) : src.length) * rnd());
  const out = src.slice();
  const op = Math.floor(rnd() * 6);
  if (op === 0) {
    for (let i = 0, n = 1 + Math.floor(rnd() * 8); i < n; i++) out[pos()]! ^= 1 << Math.floor(rnd() * 8);
    return out;
  }
  if (op === 1) {
    // Lengths are where parsers go wrong: write an extreme 32-bit value.
    const extremes = [0, 1, 2, 7, 8, 0x7fffffff, 0xffffffff, 0x10000, out.length];
    const v = extremes[Math.floor(rnd() * extremes.length)]!;
    const at = pos();
    out.set([v >>> 24, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff].slice(0, Math.max(0, out.length - at)), at);
    return out;
  }
  if (op === 2) return src.subarray(0, pos());
  if (op === 3) {
    const at = pos();
    return b.bytes(src.subarray(0, at), Uint8Array.from({ length: 1 + Math.floor(rnd() * 64) }, () => Math.floor(rnd() * 256)), src.subarray(at));
  }
  if (op === 4) {
    const at = pos();
    const len = Math.floor(rnd() * 2000);
    return b.bytes(src.subarray(0, at), src.subarray(at, at + len), src.subarray(at));
  }
  const at = pos();
  return b.bytes(src.subarray(0, at), src.subarray(Math.min(src.length, at + 1 + Math.floor(rnd() * 500))));
}

/** The official lists, plus the C2PA test signing CA (from the CAWG seed's x5chain) as the user's anchor. */
function fuzzTrust(): TrustConfig | undefined {
  const t = officialTrust();
  if (!t) return undefined;
  return { ...t, userPem: issuerAnchorPem(new Uint8Array(readFileSync(join(b.provenanceFixturesDir, 'c2pa/c2pa-rs-C_with_CAWG_data.jpg')))) };
}

describe('fuzz', () => {
  it('readProvenance resolves to a well-formed result on mutated files, and no parser throws past its boundary', async () => {
    const rnd = b.prng(SEED);
    const inputs = seeds();
    const trust = fuzzTrust();
    let cameras = 0;
    const start = performance.now();
    let runs = 0;
    let bytesRead = 0;
    let slowest = { ms: 0, name: '' };
    while (runs < MAX_RUNS && performance.now() - start < BUDGET_MS) {
      const seed = inputs[runs % inputs.length]!;
      const file = mutate(seed.bytes, rnd);
      const t = performance.now();
      const p = await readProvenance(file, { trust });
      const ms = performance.now() - t;
      if (ms > slowest.ms) slowest = { ms, name: `${seed.name} run ${runs}` };
      expect([null, 'ai', 'camera']).toContain(p.declared);
      expect(Array.isArray(p.signals) && p.signals.every((s) => typeof s.summary === 'string' && typeof s.kind === 'string')).toBe(true);
      expect(p.problems.filter((x) => x.startsWith('provenance reader failed')), `${seed.name} run ${runs}`).toEqual([]);
      const c2pa = p.signals.find((x): x is C2paSignal => x.kind === 'c2pa');
      expect(c2pa && Array.isArray(c2pa.validationStatus) && c2pa.validationStatus.every((v) => typeof v.code === 'string' && ['success', 'informational', 'failure'].includes(v.kind))).toBe(true);
      if (p.declared === 'camera') {
        // Only possible when the mutation left the signed manifest intact and its signer trusted.
        cameras++;
        expect(c2pa?.trust === 'trusted' || c2pa?.trust === 'user', `${seed.name} run ${runs}`).toBe(true);
        expect(c2pa?.integrityProblems, `${seed.name} run ${runs}`).toEqual([]);
        expect(c2pa?.validationStatus.filter((v) => v.kind === "failure").map((v) => `${v.code}: ${v.explanation}`), `${seed.name} run ${runs}`).toEqual([]);
      }
      runs++;
      bytesRead += file.length;
    }
    const elapsed = performance.now() - start;
    // The unmutated CAWG file is "camera" with these anchors: the check above guards a reachable verdict.
    const cawg = inputs.find((x) => x.name === 'c2pa CAWG (ES256)');
    if (trust && cawg) expect((await readProvenance(cawg.bytes, { trust })).declared).toBe('camera');
    console.log(`fuzz: ${runs} mutated files (${cameras} still camera-signed), ${(bytesRead / 1e6).toFixed(1)} MB in ${elapsed.toFixed(0)} ms = ${(elapsed / (bytesRead / 1e6)).toFixed(2)} ms/MB; slowest ${slowest.ms.toFixed(1)} ms (${slowest.name})`);
    expect(runs).toBeGreaterThan(500);
  });

  it('decodeCbor on random bytes returns or throws CborError, nothing else', () => {
    const rnd = b.prng(SEED + 1);
    const outcomes = { decoded: 0, refused: 0 };
    for (let i = 0; i < 20_000; i++) {
      const data = Uint8Array.from({ length: 1 + Math.floor(rnd() * 40) }, () => Math.floor(rnd() * 256));
      try {
        decodeCbor(data);
        outcomes.decoded++;
      } catch (e) {
        expect(e).toBeInstanceOf(CborError);
        outcomes.refused++;
      }
    }
    // Random bytes are mostly not CBOR, but short valid items occur: both paths ran.
    expect(outcomes.decoded).toBeGreaterThan(1000);
    expect(outcomes.refused).toBeGreaterThan(1000);
  });

  it.skipIf(!hasShared)('parseCertificate (@peculiar/asn1-x509) on mutated trust-list certificates returns a certificate or throws CertificateError', () => {
    const rnd = b.prng(SEED + 2);
    const certs = certificatesFromPem(readFileSync(join(b.provenanceFixturesDir, '../c2pa-trust/C2PA-TRUST-LIST.pem'), 'utf8'));
    const outcomes = { parsed: 0, refused: 0 };
    for (let i = 0; i < 2000; i++) {
      const der = mutate(certs[i % certs.length]!, rnd);
      try {
        const c = parseCertificate(der);
        expect(c.notBefore).toBeInstanceOf(Date);
        expect(typeof c.serialHex).toBe('string');
        outcomes.parsed++;
      } catch (e) {
        expect(e, `run ${i}`).toBeInstanceOf(CertificateError);
        outcomes.refused++;
      }
    }
    expect(outcomes.parsed).toBeGreaterThan(100);
    expect(outcomes.refused).toBeGreaterThan(100);
  });

  it('reads the unmutated seed files the same way every time, and prints throughput', async () => {
    for (const { name, bytes } of seeds()) {
      const first = JSON.stringify(await readProvenance(bytes)); // also the warm-up
      const t = performance.now();
      const reps = 5;
      for (let i = 0; i < reps; i++) expect(JSON.stringify(await readProvenance(bytes)), name).toBe(first);
      const ms = (performance.now() - t) / reps;
      console.log(`${name.padEnd(24)} ${(bytes.length / 1e6).toFixed(3)} MB  ${ms.toFixed(2)} ms  ${(ms / (bytes.length / 1e6)).toFixed(1)} ms/MB`);
    }
  });
});
