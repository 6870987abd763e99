// readProvenance on original files (C2PA test files, generator PNGs, camera JPEGs), compared
// with what the reference reader (c2patool) saw in the *.manifest_store.json files.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { issuerAnchorPem, officialTrust } from '../../../test/fixtures/c2pa-trust';
import { provenanceFixturesDir } from '../../../test/fixtures/provenance-builders';
import { hasShared, needsShared } from '../../../test/shared-data';
import { readProvenance, type C2paSignal } from './index';

const dir = (sub: string): string => join(provenanceFixturesDir, sub);
/** The files of one fixture folder; none where the shared data is absent (the suites are skipped). */
const listed = (sub: string, ext: string): string[] => (hasShared ? readdirSync(dir(sub)).filter((f) => f.endsWith(ext)) : []);
const load = (sub: string, name: string): Uint8Array => new Uint8Array(readFileSync(join(dir(sub), name)));
const trust = officialTrust();
const c2paOf = async (name: string): Promise<C2paSignal> => (await readProvenance(load('c2pa', name), { trust })).signals.find((s) => s.kind === 'c2pa') as C2paSignal;

interface ManifestStoreJson {
  active_manifest: string;
  manifests: Record<string, { claim_generator?: string; claim_generator_info?: { name: string; version?: string }[]; signature_info?: { issuer?: string; cert_serial_number?: string } }>;
  validation_status?: { code: string }[];
}

describe.skipIf(!hasShared)(needsShared('C2PA originals against c2patool manifest stores'), () => {
  const stores = listed('c2pa', '.manifest_store.json');

  it.each(stores)('%s: active manifest, claim generator, signer, serial, validation', async (jsonName) => {
    const ref = JSON.parse(readFileSync(join(dir('c2pa'), jsonName), 'utf8')) as ManifestStoreJson;
    const image = jsonName.replace('.manifest_store.json', '.jpg');
    const s = await c2paOf(image);
    const active = ref.manifests[ref.active_manifest]!;
    expect(s.present).toBe(true);
    expect(s.activeManifest).toBe(ref.active_manifest);
    expect(s.claimGenerator).toBe(active.claim_generator);
    expect(s.issuer).toBe(active.signature_info?.issuer);
    expect(s.certSerial).toBe(active.signature_info?.cert_serial_number);
    expect(s.ingredientManifests?.map((m) => m.label).sort()).toEqual(Object.keys(ref.manifests).filter((k) => k !== ref.active_manifest).sort());

    const codes = (ref.validation_status ?? []).map((v) => v.code);
    expect(s.signature?.valid).toBe(!codes.includes('claimSignature.mismatch'));
    expect(s.integrityProblems.some((p) => p.includes('data hash mismatch'))).toBe(codes.includes('assertion.dataHash.mismatch'));
    expect(s.integrityProblems.some((p) => p.includes('does not match its hash in the claim'))).toBe(codes.includes('assertion.hashedURI.mismatch'));
  });

  it('E-sig: the tampered claim fails its signature and says why', async () => {
    const s = await c2paOf('adobe-20220124-E-sig-CA.jpg');
    expect(s.signature).toMatchObject({ valid: false, reason: 'claim signature does not match the claim' });
    expect(s.trust).toBe('invalid');
    expect(s.summary).toMatch(/invalid: claim signature does not match/);
  });

  it('CIE-sig: the ingredient manifest with a bad signature is reported while the active one verifies', async () => {
    const s = await c2paOf('adobe-20220124-CIE-sig-CA.jpg');
    expect(s.signature?.valid).toBe(true);
    expect(s.ingredientManifests).toEqual([expect.objectContaining({ signatureValid: false })]);
  });

  it('reports the certificate issuer and algorithm, the time-stamp, and what was not checked', async () => {
    const s = await c2paOf('truepic-20230212-camera.jpg');
    expect(s.signature).toMatchObject({ valid: true, alg: 'ES256', signedAt: '2023-02-12T18:44:26.000Z', timeStampAuthority: 'Truepic Lens Time-Stamping Authority' });
    expect(s.signature?.notChecked).toEqual(['revocation']);
    expect(s.certificateIssuer).toBe('Truepic');
    const adobe = await c2paOf('adobe-20220124-CA.jpg');
    expect(adobe.signature?.alg).toBe('PS256');
    expect(adobe.certificateIssuer).toBe('C2PA Test Intermediate Root CA');
  });

  it('Firefly image (c2pa-rs-ocsp.jpg): AI assertions in the active manifest and its ingredient make it "ai"', async () => {
    const p = await readProvenance(load('c2pa', 'c2pa-rs-ocsp.jpg'));
    const s = p.signals.find((x) => x.kind === 'c2pa') as C2paSignal;
    expect(p.declared).toBe('ai');
    expect(s.claimGenerator).toMatch(/^Adobe_Photoshop/);
    expect(s.aiAssertions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ingredient: true, digitalSourceType: 'trainedAlgorithmicMedia', softwareAgent: 'Adobe Firefly', trustworthy: true }),
        expect.objectContaining({ ingredient: false, digitalSourceType: 'compositeWithTrainedAlgorithmicMedia', trustworthy: true }),
      ]),
    );
  });

  it('camera captures signed by issuers not on the C2PA Trust List are "signed, issuer not on the trust list", never "camera"', async () => {
    for (const name of ['truepic-20230212-camera.jpg', 'c2pa-rs-C_with_CAWG_data.jpg']) {
      const p = await readProvenance(load('c2pa', name), { trust });
      const s = p.signals.find((x) => x.kind === 'c2pa') as C2paSignal;
      expect(p.declared, name).toBeNull();
      expect(s.trust, name).toBe('untrusted');
      expect(s.summary, name).toMatch(/signed by (Truepic|C2PA Test Signing Cert), issuer not on the trust list; records a camera capture, not counted/);
    }
  });

  it('the same captures are "camera" once the user adds their issuing CA as an anchor ("trusted by you")', async () => {
    for (const name of ['truepic-20230212-camera.jpg', 'c2pa-rs-C_with_CAWG_data.jpg']) {
      const userPem = issuerAnchorPem(load('c2pa', name));
      const p = await readProvenance(load('c2pa', name), { trust: { ...trust, userPem } });
      const s = p.signals.find((x) => x.kind === 'c2pa') as C2paSignal;
      expect(p.declared, name).toBe('camera');
      expect(s.trust, name).toBe('user');
      expect(s.summary, name).toMatch(/trusted by you/);
      expect(s.validationStatus.map((v) => v.code), name).toContain('signingCredential.trusted');
    }
  });

  it('tampered or plain manifests are never "camera", even with their issuer trusted', async () => {
    const userPem = issuerAnchorPem(load('c2pa', 'adobe-20220124-CA.jpg'));
    for (const name of ['adobe-20220124-CA.jpg', 'adobe-20220124-E-dat-CA.jpg', 'adobe-20220124-E-sig-CA.jpg', 'adobe-20220124-E-uri-CA.jpg', 'adobe-20220124-XCA.jpg']) {
      expect((await readProvenance(load('c2pa', name), { trust: { ...trust, userPem } })).declared, name).toBeNull();
    }
  });

  it('with no trust list nothing is "camera", and the summary says the list is missing', async () => {
    const p = await readProvenance(load('c2pa', 'truepic-20230212-camera.jpg'));
    const s = p.signals.find((x) => x.kind === 'c2pa') as C2paSignal;
    expect(p.declared).toBeNull();
    expect(s).toMatchObject({ trust: 'untrusted', trustListMissing: true });
    expect(s.summary).toMatch(/C2PA Trust List is missing/);
  });

  it('files without an embedded manifest: none, a remote reference (not fetched), or a stripped one', async () => {
    for (const name of ['adobe-20220124-A.jpg', 'c2pa-rs-libpng-test.png', 'c2pa-rs-sample1.png', 'c2pa-rs-sample1.webp', 'c2pa-rs-sample1.avif']) {
      const s = await c2paOf(name);
      expect(s.present, name).toBe(false);
    }
    expect((await c2paOf('c2pa-rs-cloud.jpg')).remoteManifest).toMatch(/^https:\/\/cai-manifests\.adobe\.com\//);
    expect((await c2paOf('c2pa-rs-no_manifest.jpg')).strippedManifest).toMatch(/^self#jumbf=/);
  });
});

describe.skipIf(!hasShared)(needsShared('generator-parameter originals'), () => {
  const files = listed('generator-params', '.png');

  it.each(files)('%s is declared "ai" by its ComfyUI parameters', async (name) => {
    const p = await readProvenance(load('generator-params', name));
    expect(p.declared).toBe('ai');
    const g = p.signals.find((s) => s.kind === 'generator-parameters')!;
    expect(g.generator).toBe('ComfyUI');
    expect(g.seed).toMatch(/^\d+$/);
    expect(g.model).toMatch(/\.(safetensors|ckpt)$/);
    expect(g.summary.length).toBeLessThan(300);
  });

  it('reads the positive prompt through the sampler link', async () => {
    const p = await readProvenance(load('generator-params', 'sd1__comfyanonymous_ComfyUI_examples__hypernetworks_hypernetwork_example_output.png'));
    expect(p.signals.find((s) => s.kind === 'generator-parameters')).toMatchObject({
      prompt: 'woman (fennec ears fox ears:1.1), marble statue, museum',
      model: 'v1-5-pruned-emaonly.ckpt',
      sampler: 'uni_pc_bh2',
      seed: '572636856966402',
    });
  });
});

describe.skipIf(!hasShared)(needsShared('camera EXIF originals'), () => {
  const files = listed('camera-exif', '.jpg');

  it.each(files)('%s: EXIF make/model shown, never "camera" or "ai"', async (name) => {
    const p = await readProvenance(load('camera-exif', name));
    expect(p.declared).toBeNull();
    const e = p.signals.find((s) => s.kind === 'exif')!;
    expect(e.make).toBeTruthy();
    expect(e.model).toBeTruthy();
    expect(e.dateTimeOriginal).toMatch(/^\d{4}:\d\d:\d\d \d\d:\d\d:\d\d$/);
    expect(p.signals.some((s) => s.kind === 'generator-parameters' || s.kind === 'iptc')).toBe(false);
  });

  it('reads the values an EXIF reader shows', async () => {
    const p = await readProvenance(load('camera-exif', 'exif-camera__ianare_exif-samples__Canon_PowerShot_S40.jpg'));
    expect(p.signals.find((s) => s.kind === 'exif')).toMatchObject({ make: 'Canon', model: 'Canon PowerShot S40', dateTimeOriginal: '2003:12:14 12:01:44' });
  });
});
