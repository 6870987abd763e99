// Reads a C2PA manifest store (a JUMBF tree) into manifests with their claim, decoded assertions
// and integrity checks: the claim signature (COSE) and its credential, each assertion's hash in the
// claim, each ingredient's hashed link to its manifest, and for the active manifest the hard binding
// (c2pa.hash.data) of the file's bytes. Every check leaves a c2pa-rs validation status code.

import { decodeCbor, field, type CborValue } from './cbor';
import { utf8 } from './bytes';
import { verifyCoseSign1, type SignatureCheck } from './cose';
import { c2paType, childByLabel, type JumbfSuperbox } from './jumbf';
import { status, type ValidationStatus } from './status';
import type { TrustStore } from './trust/trust-list';
import { buf } from './webcrypto';

export interface C2paAssertion {
  label: string;
  data: unknown;
}

export interface C2paManifest {
  label: string;
  claimGenerator?: string;
  signature: SignatureCheck;
  assertions: C2paAssertion[];
  /** Assertion hash mismatches and unreadable parts, in words. Empty when the claim's hashes all match. */
  assertionProblems: string[];
  /** Hard binding of the file's bytes (active manifest only): true, false, or why not checked. */
  hardBinding?: { matched: boolean; reason?: string };
  /** Ingredient links (c2pa_manifest / activeManifest hashed URIs) that do not match the manifest they name. */
  ingredientProblems: string[];
  /** Validation status codes of this manifest, c2pa-rs style. */
  statuses: ValidationStatus[];
}

const DIGESTS: Record<string, string> = { sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' };

/** Manifests in store order; the last one is the active manifest (C2PA spec, "Manifest store"). */
export async function readManifestStore(store: JumbfSuperbox, file: Uint8Array, trust: TrustStore): Promise<C2paManifest[]> {
  const manifestBoxes = store.children.filter((c) => c2paType(c) === 'c2ma' || c2paType(c) === 'c2um');
  const out: C2paManifest[] = [];
  for (const [i, box] of manifestBoxes.entries()) {
    const m = await readManifest(box, trust, i === manifestBoxes.length - 1 ? file : undefined);
    await checkIngredientLinks(m, manifestBoxes);
    out.push(m);
  }
  return out;
}

const manifestUri = (label: string, path = ''): string => `self#jumbf=/c2pa/${label}${path ? `/${path}` : ''}`;

async function readManifest(box: JumbfSuperbox, trust: TrustStore, fileForHardBinding?: Uint8Array): Promise<C2paManifest> {
  const problems: string[] = [];
  const claimBox = box.children.find((c) => c.label === 'c2pa.claim' || c.label === 'c2pa.claim.v2');
  const sigBox = childByLabel(box, 'c2pa.signature');
  const assertionStore = childByLabel(box, 'c2pa.assertions');
  const claimBytes = claimBox?.contents.find((c) => c.type === 'cbor')?.data;
  const sigBytes = sigBox?.contents.find((c) => c.type === 'cbor')?.data;
  const manifest: C2paManifest = {
    label: box.label,
    signature: { valid: false, reason: 'manifest has no claim signature', notChecked: [], statuses: [status('claimSignature.missing', manifestUri(box.label, 'c2pa.signature'))] },
    assertions: [],
    assertionProblems: problems,
    ingredientProblems: [],
    statuses: [],
  };
  if (!claimBytes) {
    problems.push('manifest has no claim');
    manifest.signature.reason = 'manifest has no claim';
    manifest.statuses.push(status('claim.missing', manifestUri(box.label)));
    return manifest;
  }
  let claim: CborValue;
  try {
    claim = decodeCbor(claimBytes);
  } catch (e) {
    problems.push(`claim is not valid CBOR (${(e as Error).message})`);
    manifest.statuses.push(status('claim.malformed', manifestUri(box.label), (e as Error).message));
    return manifest;
  }
  manifest.claimGenerator = claimGeneratorOf(claim);
  if (sigBytes) manifest.signature = await verifyCoseSign1(sigBytes, claimBytes, trust, manifestUri(box.label, 'c2pa.signature'));
  manifest.statuses.push(...manifest.signature.statuses);
  const boxes = assertionStore?.children ?? [];
  manifest.assertions = boxes.map(decodeAssertion);
  await checkAssertionHashes(claim, box.label, boxes, problems, manifest.statuses);
  if (fileForHardBinding) {
    manifest.hardBinding = await checkHardBinding(manifest.assertions, claim, fileForHardBinding);
    const url = manifestUri(box.label, `c2pa.assertions/${manifest.assertions.find((a) => /^c2pa\.hash\.data(__\d+)?$/.test(a.label))?.label ?? 'c2pa.hash.data'}`);
    if (manifest.hardBinding.matched) manifest.statuses.push(status('assertion.dataHash.match', url));
    else if (/data hash mismatch/.test(manifest.hardBinding.reason ?? '')) manifest.statuses.push(status('assertion.dataHash.mismatch', url, manifest.hardBinding.reason));
    else if (/malformed/.test(manifest.hardBinding.reason ?? '')) manifest.statuses.push(status('assertion.dataHash.malformed', url, manifest.hardBinding.reason));
  }
  return manifest;
}

/**
 * Each ingredient assertion that names a manifest (c2pa_manifest in v1/v2 ingredients, activeManifest
 * in v3) carries the hash of that manifest's box: a mismatch means the ingredient's history was
 * altered or swapped (c2pa-rs: ingredient.manifest.mismatch).
 */
async function checkIngredientLinks(m: C2paManifest, manifestBoxes: JumbfSuperbox[]): Promise<void> {
  for (const a of m.assertions) {
    if (!/^c2pa\.ingredient(\.v\d)?(__\d+)?$/.test(a.label)) continue;
    const url = manifestUri(m.label, `c2pa.assertions/${a.label}`);
    const link = field(a.data as CborValue, 'c2pa_manifest') ?? field(a.data as CborValue, 'activeManifest');
    const target = typeof field(link, 'url') === 'string' ? String(field(link, 'url')) : undefined;
    const expected = field(link, 'hash');
    if (!target || !(expected instanceof Uint8Array)) {
      m.statuses.push(status('ingredient.unknownProvenance', url));
      continue;
    }
    const label = /^self#jumbf=\/c2pa\/([^/]+)/.exec(target)?.[1];
    const box = manifestBoxes.find((b) => b.label === label);
    if (!box || !label) {
      m.ingredientProblems.push(`ingredient ${a.label} names a manifest that is not in the file`);
      m.statuses.push(status('ingredient.manifest.missing', url));
      continue;
    }
    if (await hashedUriMatches(link, box.body)) m.statuses.push(status('ingredient.manifest.validated', url));
    else {
      m.ingredientProblems.push(`ingredient ${a.label} does not match the manifest it names`);
      m.statuses.push(status('ingredient.manifest.mismatch', url));
    }
    // v3 ingredients also link the ingredient's claim signature box.
    const sigLink = field(a.data as CborValue, 'claimSignature');
    const sigBox = childByLabel(box, 'c2pa.signature');
    if (field(sigLink, 'hash') instanceof Uint8Array && sigBox) {
      if (await hashedUriMatches(sigLink, sigBox.body)) m.statuses.push(status('ingredient.claimSignature.validated', url));
      else {
        m.ingredientProblems.push(`ingredient ${a.label} does not match the claim signature it names`);
        m.statuses.push(status('ingredient.claimSignature.mismatch', url));
      }
    }
  }
}

async function hashedUriMatches(link: CborValue, body: Uint8Array): Promise<boolean> {
  const expected = field(link, 'hash');
  const alg = DIGESTS[String(field(link, 'alg') ?? 'sha256')] ?? 'SHA-256';
  return expected instanceof Uint8Array && equalBytes(new Uint8Array(await crypto.subtle.digest(alg, buf(body))), expected);
}

function claimGeneratorOf(claim: CborValue): string | undefined {
  const gen = field(claim, 'claim_generator');
  if (typeof gen === 'string') return gen;
  // Claim v2: claim_generator_info is one map {name, version}; v1 allowed an array of them.
  const info = field(claim, 'claim_generator_info');
  const first = Array.isArray(info) ? info[0] : info;
  const name = field(first, 'name');
  const version = field(first, 'version');
  return typeof name === 'string' ? (typeof version === 'string' ? `${name}/${version}` : name) : undefined;
}

function decodeAssertion(box: JumbfSuperbox): C2paAssertion {
  const content = box.contents[0];
  let data: unknown;
  try {
    if (content?.type === 'cbor') data = decodeCbor(content.data);
    else if (content?.type === 'json') data = JSON.parse(utf8(content.data));
  } catch {
    data = undefined; // unreadable assertions are reported through their hash check
  }
  return { label: box.label, data };
}

/** Every assertion the claim lists must hash to the value the (signed) claim records. */
async function checkAssertionHashes(claim: CborValue, manifestLabel: string, boxes: JumbfSuperbox[], problems: string[], statuses: ValidationStatus[]): Promise<void> {
  const refs = [field(claim, 'assertions'), field(claim, 'created_assertions'), field(claim, 'gathered_assertions')].flatMap((r) => (Array.isArray(r) ? r : []));
  const claimAlg = field(claim, 'alg');
  for (const ref of refs) {
    const url = field(ref, 'url');
    const expected = field(ref, 'hash');
    if (typeof url !== 'string' || !(expected instanceof Uint8Array)) continue;
    const label = assertionLabelFromUri(url, manifestLabel);
    const target = boxes.find((b) => b.label === label);
    const full = manifestUri(manifestLabel, `c2pa.assertions/${label ?? url}`);
    if (!target) {
      problems.push(`assertion ${label ?? url} listed in the claim is missing`);
      statuses.push(status('assertion.missing', full));
      continue;
    }
    const alg = DIGESTS[String(field(ref, 'alg') ?? claimAlg ?? 'sha256')];
    if (!alg) {
      problems.push(`assertion ${label} uses an unsupported hash`);
      continue;
    }
    const actual = new Uint8Array(await crypto.subtle.digest(alg, buf(target.body)));
    if (equalBytes(actual, expected)) statuses.push(status('assertion.hashedURI.match', full));
    else {
      problems.push(`assertion ${label} does not match its hash in the claim`);
      statuses.push(status('assertion.hashedURI.mismatch', full, `hash does not match assertion data: ${url}`));
    }
  }
}

/** "self#jumbf=c2pa.assertions/x" or "self#jumbf=/c2pa/<manifest>/c2pa.assertions/x" -> "x". */
function assertionLabelFromUri(uri: string, manifestLabel: string): string | undefined {
  const path = uri.replace(/^self#jumbf=/, '');
  const prefix = `/c2pa/${manifestLabel}/`;
  const local = path.startsWith(prefix) ? path.slice(prefix.length) : path;
  const m = /^c2pa\.assertions\/(.+)$/.exec(local);
  return m?.[1];
}

/**
 * c2pa.hash.data: a digest over the whole file except the listed exclusion ranges (which hold the
 * manifest store itself). A mismatch means the pixels changed after signing.
 */
async function checkHardBinding(assertions: C2paAssertion[], claim: CborValue, file: Uint8Array): Promise<{ matched: boolean; reason?: string }> {
  const dataHash = assertions.find((a) => /^c2pa\.hash\.data(__\d+)?$/.test(a.label))?.data as CborValue;
  if (dataHash === undefined) {
    const other = assertions.find((a) => a.label.startsWith('c2pa.hash.'));
    return { matched: false, reason: other ? `${other.label} binding not checked by DualSight` : 'no hard binding assertion' };
  }
  const expected = field(dataHash, 'hash');
  const alg = DIGESTS[String(field(dataHash, 'alg') ?? field(claim, 'alg') ?? 'sha256')];
  const exclusions = field(dataHash, 'exclusions');
  if (!(expected instanceof Uint8Array) || !alg) return { matched: false, reason: 'data hash assertion is malformed' };
  const kept = keptRanges(Array.isArray(exclusions) ? exclusions : [], file.length);
  if (!kept) return { matched: false, reason: 'data hash exclusions are malformed' };
  const total = kept.reduce((n, [s, e]) => n + e - s, 0);
  const joined = new Uint8Array(total);
  let at = 0;
  for (const [s, e] of kept) (joined.set(file.subarray(s, e), at), (at += e - s));
  const actual = new Uint8Array(await crypto.subtle.digest(alg, joined.buffer));
  return equalBytes(actual, expected) ? { matched: true } : { matched: false, reason: 'the file changed after it was signed (data hash mismatch)' };
}

function keptRanges(exclusions: CborValue[], fileLength: number): [number, number][] | undefined {
  const ranges: [number, number][] = [];
  for (const ex of exclusions) {
    const start = field(ex, 'start');
    const length = field(ex, 'length');
    if (typeof start !== 'number' || typeof length !== 'number' || start < 0 || length < 0) return undefined;
    ranges.push([start, Math.min(fileLength, start + length)]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const kept: [number, number][] = [];
  let at = 0;
  for (const [s, e] of ranges) {
    if (s > at) kept.push([at, Math.min(s, fileLength)]);
    at = Math.max(at, e);
  }
  if (at < fileLength) kept.push([at, fileLength]);
  return kept;
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
