// Trust levels on C2PA manifests built by the test (test/fixtures/c2pa-builder.ts): a self-signed
// "camera", a camera whose CA the user trusts, bad certificate profiles, expired signers, tampered
// ingredients; and the official C2PA Trust List from the shared data.

import { describe, expect, it } from 'vitest';
import { captureActions, DST, makeCertificate, pem, signedJpeg, type TestCertificate } from '../../../test/fixtures/c2pa-builder';
import { officialTrust } from '../../../test/fixtures/c2pa-trust';
import { hasShared, needsShared } from '../../../test/shared-data';
import { readProvenance, type C2paSignal, type TrustConfig } from './index';
import { readTrustListFile } from './trust/trust-list';

const c2pa = (p: Awaited<ReturnType<typeof readProvenance>>): C2paSignal => p.signals.find((s) => s.kind === 'c2pa') as C2paSignal;
const codes = (s: C2paSignal): string[] => s.validationStatus.map((v) => v.code);
const camera = (signer: TestCertificate, chain: TestCertificate[] = []) => signedJpeg([{ label: 'urn:uuid:test-camera', signer, chain, assertions: [captureActions()] }]);

/** Some list to stand for "a trust list is available" where the shared copy is absent. */
async function someList(): Promise<TrustConfig> {
  const other = await makeCertificate({ name: { O: 'Listed CA', CN: 'Listed CA' }, ca: true });
  return { list: readTrustListFile(pem(other.der), 'test list') };
}

describe('trust levels', () => {
  it('a self-signed "camera capture" manifest is "signed, issuer not on the trust list", never "Camera-signed"', async () => {
    const self = await makeCertificate({ name: { O: 'Totally Real Camera Co', CN: 'Camera 1' } });
    const p = await readProvenance(await camera(self), { trust: officialTrust() ?? (await someList()) });
    const s = c2pa(p);
    expect(p.declared).toBeNull();
    expect(s.trust).toBe('untrusted');
    expect(s.issuer).toBe('Totally Real Camera Co');
    expect(s.summary).toMatch(/signed by Totally Real Camera Co, issuer not on the trust list; records a camera capture, not counted/);
    expect(codes(s)).toEqual(expect.arrayContaining(['claimSignature.validated', 'signingCredential.untrusted', 'assertion.dataHash.match', 'assertion.hashedURI.match']));
    expect(s.integrityProblems).toEqual([]);
  });

  it('a camera whose issuing CA the user added is "Camera-signed", "trusted by you"', async () => {
    const ca = await makeCertificate({ name: { O: 'Test Camera Maker', CN: 'Test Camera Root' }, ca: true });
    const leaf = await makeCertificate({ name: { O: 'Test Camera Maker', CN: 'Camera 7' }, issuer: ca });
    const file = await camera(leaf, [ca]);
    const trusted = await readProvenance(file, { trust: { ...(await someList()), userPem: pem(ca.der) } });
    expect(trusted.declared).toBe('camera');
    expect(c2pa(trusted)).toMatchObject({ trust: 'user', trustAnchor: 'Test Camera Maker' });
    expect(c2pa(trusted).summary).toMatch(/trusted by you/);
    expect(codes(c2pa(trusted))).toContain('signingCredential.trusted');
    // The same file without the anchor: named, not trusted.
    expect((await readProvenance(file, { trust: await someList() })).declared).toBeNull();
  });

  it('a CA on the list (standing in for the official one) makes the capture "trusted"; the CA need not be in x5chain', async () => {
    const ca = await makeCertificate({ name: { O: 'Listed Maker', CN: 'Listed Root' }, ca: true });
    const leaf = await makeCertificate({ name: { O: 'Listed Maker', CN: 'Cam' }, issuer: ca });
    const p = await readProvenance(await camera(leaf), { trust: { list: readTrustListFile(pem(ca.der), 'test') } });
    expect(p.declared).toBe('camera');
    expect(c2pa(p)).toMatchObject({ trust: 'trusted', trustAnchor: 'Listed Maker' });
    expect(c2pa(p).summary).toMatch(/trusted \(C2PA Trust List: Listed Maker\)/);
  });

  it('with no trust list a valid capture is never "Camera-signed" and the summary says the list is missing', async () => {
    const ca = await makeCertificate({ name: { O: 'Maker', CN: 'Root' }, ca: true });
    const leaf = await makeCertificate({ name: { O: 'Maker', CN: 'Cam' }, issuer: ca });
    const p = await readProvenance(await camera(leaf, [ca]));
    expect(p.declared).toBeNull();
    expect(c2pa(p)).toMatchObject({ trust: 'untrusted', trustListMissing: true });
    expect(c2pa(p).summary).toMatch(/C2PA Trust List is missing/);
    // The user's own anchor does not stand in for the list.
    const user = await readProvenance(await camera(leaf, [ca]), { trust: { userPem: pem(ca.der) } });
    expect(user.declared).toBeNull();
    expect(c2pa(user)).toMatchObject({ trust: 'user', trustListMissing: true });
    expect(c2pa(user).summary).toMatch(/trusted by you.*; records a camera capture, not counted: the C2PA Trust List is missing/);
  });

  it.each([
    ['no extended key usage', { eku: [] as string[] }, /no extended key usage/],
    ['a TLS server EKU only', { eku: ['1.3.6.1.5.5.7.3.1'] }, /not for document or claim signing/],
    ['anyExtendedKeyUsage', { eku: ['2.5.29.37.0', '1.3.6.1.5.5.7.3.4'] }, /any extended key usage/],
    ['no digitalSignature key usage', { keyUsage: 4 /* keyEncipherment */ }, /digitalSignature/],
    ['a CA certificate as signer', { ca: true, eku: ['1.3.6.1.5.5.7.3.4'], keyUsage: 1 | 32 }, /is a CA certificate/],
  ])('a signer with %s is "invalid", even with its certificate as a user anchor', async (_, opts, why) => {
    const leaf = await makeCertificate({ name: { O: 'Odd', CN: 'Odd' }, ...opts });
    const p = await readProvenance(await camera(leaf), { trust: { userPem: pem(leaf.der) } });
    expect(p.declared).toBeNull();
    expect(c2pa(p).trust).toBe('invalid');
    expect(c2pa(p).summary).toMatch(why);
    expect(codes(c2pa(p))).toContain('signingCredential.invalid');
  });

  it('an expired signing certificate without a time-stamp is "invalid" (checked against now)', async () => {
    const ca = await makeCertificate({ name: { O: 'Maker', CN: 'Root' }, ca: true });
    const leaf = await makeCertificate({ name: { O: 'Maker', CN: 'Old cam' }, issuer: ca, notBefore: new Date('2020-01-01'), notAfter: new Date('2021-01-01') });
    const p = await readProvenance(await camera(leaf, [ca]), { trust: { userPem: pem(ca.der) } });
    expect(p.declared).toBeNull();
    expect(c2pa(p).trust).toBe('invalid');
    expect(codes(c2pa(p))).toEqual(expect.arrayContaining(['signingCredential.expired', 'claimSignature.outsideValidity']));
  });

  it('pixels edited after signing: trusted signer, but not "camera"', async () => {
    const ca = await makeCertificate({ name: { O: 'Maker', CN: 'Root' }, ca: true });
    const leaf = await makeCertificate({ name: { O: 'Maker', CN: 'Cam' }, issuer: ca });
    const file = await signedJpeg([{ label: 'urn:uuid:edited', signer: leaf, chain: [ca], assertions: [captureActions()] }], { editAfterSigning: true });
    const p = await readProvenance(file, { trust: { userPem: pem(ca.der) } });
    expect(p.declared).toBeNull();
    expect(codes(c2pa(p))).toContain('assertion.dataHash.mismatch');
  });

  it('an untrusted signer declaring AI still counts as declared AI (a forger gains nothing)', async () => {
    const self = await makeCertificate({ name: { O: 'Anyone', CN: 'Anyone' } });
    const p = await readProvenance(await signedJpeg([{ label: 'urn:uuid:ai', signer: self, assertions: [captureActions('trainedAlgorithmicMedia')] }]), { trust: await someList() });
    expect(p.declared).toBe('ai');
    expect(c2pa(p).trust).toBe('untrusted');
  });
});

describe('ingredients', () => {
  // cborg sorts map keys by length, so the long last key holds the byte the "E-uri" tamper flips.
  const aiIngredient = { label: 'c2pa.actions', data: { actions: [{ action: 'c2pa.created', digitalSourceType: `${DST}trainedAlgorithmicMedia`, softwareAgent: 'Some Generator', dualsight_test_padding_field: 'x' }] } };

  it('an ingredient whose assertion does not match its hash ("E-uri") is an integrity problem, and its AI action does not count', async () => {
    const signer = await makeCertificate({ name: { O: 'Editor', CN: 'Editor' } });
    const file = await signedJpeg([
      { label: 'urn:uuid:ingredient', signer, assertions: [aiIngredient], tamperAssertion: 'c2pa.actions' },
      { label: 'urn:uuid:active', signer, assertions: [{ label: 'c2pa.actions', data: { actions: [{ action: 'c2pa.opened' }] } }], ingredients: ['urn:uuid:ingredient'] },
    ]);
    const p = await readProvenance(file, { trust: await someList() });
    const s = c2pa(p);
    expect(p.declared).toBeNull();
    expect(s.integrityProblems).toEqual(expect.arrayContaining([expect.stringMatching(/^ingredient manifest urn:uuid:ingredient: assertion c2pa.actions does not match its hash/)]));
    expect(s.aiAssertions).toEqual([expect.objectContaining({ ingredient: true, trustworthy: false })]);
    expect(s.ingredientManifests![0]!.validationStatus.map((v) => v.code)).toContain('assertion.hashedURI.mismatch');
    expect(codes(s)).toContain('ingredient.manifest.validated');
  });

  it('an ingredient whose claim was altered after signing ("CIE-sig"): its signature fails and its AI action does not count', async () => {
    const signer = await makeCertificate({ name: { O: 'Editor', CN: 'Editor' } });
    const file = await signedJpeg([
      { label: 'urn:uuid:ingredient', signer, assertions: [aiIngredient], tamperClaim: true },
      { label: 'urn:uuid:active', signer, assertions: [], ingredients: ['urn:uuid:ingredient'] },
    ]);
    const s = c2pa(await readProvenance(file, { trust: await someList() }));
    // The tampered claim also fails its own signature, as in c2pa-rs's CIE-sig-CA.
    expect(s.ingredientManifests![0]).toMatchObject({ signatureValid: false, trust: 'invalid' });
    expect(s.aiAssertions.every((a) => !a.trustworthy)).toBe(true);
  });

  it('an ingredient link whose hash does not match the manifest it names: ingredient.manifest.mismatch, an integrity problem, its AI action does not count', async () => {
    const signer = await makeCertificate({ name: { O: 'Editor', CN: 'Editor' } });
    const file = await signedJpeg([
      { label: 'urn:uuid:ingredient', signer, assertions: [aiIngredient] },
      { label: 'urn:uuid:active', signer, assertions: [], ingredients: ['urn:uuid:ingredient'], badIngredientLinks: true },
    ]);
    const p = await readProvenance(file, { trust: await someList() });
    const s = c2pa(p);
    expect(p.declared).toBeNull();
    expect(codes(s)).toContain('ingredient.manifest.mismatch');
    expect(s.integrityProblems).toContain('ingredient c2pa.ingredient does not match the manifest it names');
    expect(s.aiAssertions).toEqual([expect.objectContaining({ ingredient: true, trustworthy: false })]);
  });

  it('an intact AI ingredient from an untrusted signer counts: the image is "AI (declared)"', async () => {
    const signer = await makeCertificate({ name: { O: 'Editor', CN: 'Editor' } });
    const file = await signedJpeg([
      { label: 'urn:uuid:ingredient', signer, assertions: [aiIngredient] },
      { label: 'urn:uuid:active', signer, assertions: [], ingredients: ['urn:uuid:ingredient'] },
    ]);
    const p = await readProvenance(file, { trust: await someList() });
    expect(p.declared).toBe('ai');
    expect(codes(c2pa(p))).toContain('ingredient.manifest.validated');
  });
});

describe.skipIf(!hasShared)(needsShared('the official C2PA Trust List (shared copy)'), () => {
  it('reads the LoTE JSON with its dates and the PEM bundle to the same anchors', async () => {
    const t = officialTrust()!;
    expect(t.list).toMatchObject({ issued: '2026-08-05T00:11:39Z', nextUpdate: '2027-08-05T00:11:39Z' });
    expect(t.list!.pem.match(/BEGIN CERTIFICATE/g)).toHaveLength(30);
    expect(t.tsaList!.pem.match(/BEGIN CERTIFICATE/g)).toHaveLength(22);
  });
});
