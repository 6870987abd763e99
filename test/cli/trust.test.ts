// `dualsight verify --json` with trust options, on a drawn JPEG carrying a C2PA "camera capture" manifest
// built by the test: untrusted without anchors (never "camera"), "trusted by you" with its CA as
// --trust-anchor, and the c2pa-rs status codes in the JSON.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { captureActions, makeCertificate, pem, signedJpeg } from '../fixtures/c2pa-builder';
import { drawImage } from '../fixtures/drawn-images';
import { REPO, randomSeedModel } from '../dualsight/seed-model';
import { runCli } from './cli-process';

const DEFAULT_MODEL = join(REPO, 'models/dualsight-lite');

describe('dualsight verify: C2PA trust', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'dualsight-cli-trust-'));
  const image = join(tmp, 'camera.jpg');
  const caFile = join(tmp, 'my-ca.pem');
  const listFile = join(tmp, 'C2PA-TRUST-LIST.pem');
  let model: string;

  beforeAll(async () => {
    model = existsSync(join(DEFAULT_MODEL, 'manifest.json')) ? DEFAULT_MODEL : (await randomSeedModel()).dir;
    const ca = await makeCertificate({ name: { O: 'CLI Test Camera Maker', CN: 'Root' }, ca: true });
    const leaf = await makeCertificate({ name: { O: 'CLI Test Camera Maker', CN: 'Camera' }, issuer: ca });
    const other = await makeCertificate({ name: { O: 'Someone Else', CN: 'Listed' }, ca: true });
    writeFileSync(image, await signedJpeg([{ label: 'urn:uuid:cli-camera', signer: leaf, chain: [ca], assertions: [captureActions()] }], { base: new Uint8Array(await drawImage(0)) }));
    writeFileSync(caFile, pem(ca.der));
    writeFileSync(listFile, pem(other.der));
  });

  const c2paOf = (line: Record<string, any>) => line.provenance.signals.find((s: { kind: string }) => s.kind === 'c2pa');

  it('with a trust list that does not hold the issuer: "issuer not on the trust list", never camera; codes in the JSON', async () => {
    const run = await runCli(['verify', '--json', '-m', model, '--trust-list', listFile, image]);
    expect(run.code).toBe(0);
    const line = run.lines[0]!;
    expect((line.provenance as { declared: unknown }).declared).toBeNull();
    const c2pa = c2paOf(line);
    expect(c2pa.trust).toBe('untrusted');
    expect(c2pa.summary).toMatch(/signed by CLI Test Camera Maker, issuer not on the trust list/);
    expect(c2pa.validationStatus.map((v: { code: string }) => v.code)).toEqual(expect.arrayContaining(['claimSignature.validated', 'signingCredential.untrusted', 'assertion.dataHash.match']));
  });

  it('with its CA as --trust-anchor: "trusted by you" and camera', async () => {
    const run = await runCli(['verify', '--json', '-m', model, '--trust-list', listFile, '--trust-anchor', caFile, image]);
    const line = run.lines[0]!;
    expect((line.provenance as { declared: unknown }).declared).toBe('camera');
    expect(c2paOf(line)).toMatchObject({ trust: 'user', trustAnchor: 'CLI Test Camera Maker' });
  });

  it('without a list: never camera, and the summary says the list is missing; an unreadable list file is a usage error', async () => {
    const run = await runCli(['verify', '--json', '-m', model, image]);
    expect((run.lines[0]!.provenance as { declared: unknown }).declared).toBeNull();
    expect(c2paOf(run.lines[0]!).summary).toMatch(/C2PA Trust List is missing/);
    const bad = await runCli(['verify', '-m', model, '--trust-list', join(tmp, 'absent.pem'), image]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^dualsight: cannot read the trust list/);
  });
});
