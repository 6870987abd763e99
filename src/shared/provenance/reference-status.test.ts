// DualSight's validation status codes against the reference validator (c2pa-rs / c2patool) for every
// C2PA fixture in the shared data. The expected codes are recorded here as data, with where each
// came from:
//   c2patool  the manifest_store.json c2patool wrote for the Adobe public test files (failures only;
//             that c2patool checked no trust list, so "signingCredential.untrusted" is added for runs
//             with the official C2PA Trust List, whose anchors do not include the C2PA test CAs);
//   c2pa-js   the expected reading c2pa-js (on c2pa-rs 0.58) publishes for C_with_CAWG_data.jpg, with
//             the C2PA test CA as a trust anchor (here: the file's own intermediate as a user anchor);
//   derived   c2pa-rs semantics applied to the file: noted where used.
// Success codes are compared as a set of code names; failure codes exactly, for the active manifest.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { issuerAnchorPem, officialTrust } from '../../../test/fixtures/c2pa-trust';
import { provenanceFixturesDir } from '../../../test/fixtures/provenance-builders';
import { hasShared, needsShared } from '../../../test/shared-data';
import { readProvenance, type C2paSignal, type TrustConfig } from './index';

interface Expected {
  file: string;
  source: 'c2patool' | 'c2pa-js' | 'derived' | 'none';
  /** 'issuer': the signer's issuing CA (from the file) added as a user anchor, as c2pa-rs's tests trust the test root. */
  anchors: 'official' | 'issuer';
  failure: string[];
  success: string[];
  informational?: string[];
  /** Failure codes of ingredient manifests (c2patool lists them under the ingredient). */
  ingredientFailure?: string[];
  /** Failures DualSight reports beyond the reference, each with the reason. */
  extra?: { code: string; why: string }[];
}

const SIGNED = ['claimSignature.validated', 'claimSignature.insideValidity', 'timeStamp.validated', 'assertion.hashedURI.match', 'assertion.dataHash.match'];
const UNTRUSTED = 'signingCredential.untrusted';

const TABLE: Expected[] = [
  { file: 'adobe-20220124-C.jpg', source: 'c2patool', anchors: 'official', failure: [UNTRUSTED], success: SIGNED, informational: ['timeStamp.untrusted'] },
  { file: 'adobe-20220124-CA.jpg', source: 'c2patool', anchors: 'official', failure: [UNTRUSTED], success: SIGNED, informational: ['timeStamp.untrusted', 'ingredient.unknownProvenance'] },
  { file: 'adobe-20220124-CAI.jpg', source: 'c2patool', anchors: 'official', failure: [UNTRUSTED], success: SIGNED, informational: ['ingredient.unknownProvenance'] },
  { file: 'adobe-20220124-CI.jpg', source: 'c2patool', anchors: 'official', failure: [UNTRUSTED], success: SIGNED, informational: ['ingredient.unknownProvenance'] },
  {
    file: 'adobe-20220124-CIE-sig-CA.jpg',
    source: 'c2patool',
    anchors: 'official',
    failure: [UNTRUSTED],
    success: SIGNED,
    ingredientFailure: ['timeStamp.mismatch', 'claimSignature.mismatch'],
    extra: [{ code: 'ingredient.manifest.mismatch', why: 'the ingredient link hash matches neither the manifest box nor E-sig-CA.jpg\'s store: the ingredient was altered after it was linked; the 2022 c2patool did not check the link' }],
  },
  { file: 'adobe-20220124-E-dat-CA.jpg', source: 'c2patool', anchors: 'official', failure: ['assertion.dataHash.mismatch', UNTRUSTED], success: ['claimSignature.validated', 'assertion.hashedURI.match'] },
  { file: 'adobe-20220124-E-sig-CA.jpg', source: 'c2patool', anchors: 'official', failure: ['timeStamp.mismatch', 'claimSignature.mismatch'], success: ['assertion.hashedURI.match'] },
  { file: 'adobe-20220124-E-uri-CA.jpg', source: 'c2patool', anchors: 'official', failure: ['assertion.hashedURI.mismatch', UNTRUSTED], success: ['claimSignature.validated', 'assertion.dataHash.match'] },
  { file: 'adobe-20220124-XCA.jpg', source: 'c2patool', anchors: 'official', failure: ['assertion.dataHash.mismatch', UNTRUSTED], success: ['claimSignature.validated', 'timeStamp.validated', 'assertion.hashedURI.match'] },
  { file: 'truepic-20230212-camera.jpg', source: 'c2patool', anchors: 'official', failure: [UNTRUSTED], success: SIGNED },
  { file: 'truepic-20230212-camera.jpg', source: 'derived', anchors: 'issuer', failure: [], success: [...SIGNED, 'signingCredential.trusted'] },
  { file: 'c2pa-rs-C_with_CAWG_data.jpg', source: 'c2pa-js', anchors: 'issuer', failure: [], success: [...SIGNED, 'signingCredential.trusted'], informational: ['timeStamp.untrusted'] },
  // derived: the Firefly signer chains to Adobe Root CA G2, which is not on the 2026-08 C2PA Trust List.
  { file: 'c2pa-rs-ocsp.jpg', source: 'derived', anchors: 'official', failure: [UNTRUSTED], success: [...SIGNED, 'ingredient.manifest.validated'], informational: ['timeStamp.untrusted'] },
  ...['adobe-20220124-A.jpg', 'adobe-20220124-I.jpg', 'c2pa-rs-cloud.jpg', 'c2pa-rs-no_manifest.jpg', 'c2pa-rs-libpng-test.png', 'c2pa-rs-sample1.png', 'c2pa-rs-sample1.webp', 'c2pa-rs-sample1.avif'].map(
    (file): Expected => ({ file, source: 'none', anchors: 'official', failure: [], success: [] }),
  ),
];

const load = (name: string): Uint8Array => new Uint8Array(readFileSync(join(provenanceFixturesDir, 'c2pa', name)));
const unique = (xs: string[]): string[] => [...new Set(xs)].sort();

describe.skipIf(!hasShared)(needsShared('validation status codes agree with c2pa-rs on every C2PA fixture'), () => {
  it('the table covers every file in the fixture folder', async () => {
    const { readdirSync } = await import('node:fs');
    const files = readdirSync(join(provenanceFixturesDir, 'c2pa')).filter((f) => !f.endsWith('.json'));
    expect(unique(TABLE.map((t) => t.file))).toEqual(unique(files));
  });

  it.each(TABLE.map((t) => [`${t.file} (${t.source}, ${t.anchors} anchors)`, t] as const))('%s', async (_, t) => {
    const bytes = load(t.file);
    const trust: TrustConfig = { ...officialTrust(), ...(t.anchors === 'issuer' ? { userPem: issuerAnchorPem(bytes) } : {}) };
    const s = (await readProvenance(bytes, { trust })).signals.find((x) => x.kind === 'c2pa') as C2paSignal;
    const of = (kind: string) => unique(s.validationStatus.filter((v) => v.kind === kind).map((v) => v.code));
    expect(of('failure')).toEqual(unique([...t.failure, ...(t.extra ?? []).map((e) => e.code)]));
    expect(of('success')).toEqual(expect.arrayContaining(unique(t.success)));
    for (const code of t.informational ?? []) expect(of('informational')).toContain(code);
    const ingredientFailures = unique((s.ingredientManifests ?? []).flatMap((m) => m.validationStatus.filter((v) => v.kind === 'failure').map((v) => v.code)));
    expect(ingredientFailures).toEqual(expect.arrayContaining(t.ingredientFailure ?? []));
    if (t.source === 'none') expect(s.validationStatus).toEqual([]);
  });
});
