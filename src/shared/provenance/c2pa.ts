// The C2PA evidence signal: presence, claim generator, signature validity and signer, how far the
// signer is trusted (C2PA Trust List, the user's anchors, neither), AI-related assertions in the
// active manifest and its ingredients, whether it records a camera capture, and the validation
// status codes as c2pa-rs would report them.

import type { ProvenanceSignal } from '../verdict';
import { readManifestStore, type C2paManifest } from './c2pa-store';
import { isAiSourceType, isCaptureSourceType, sourceTypeCode } from './digital-source-type';
import { JumbfError, parseJumbf } from './jumbf';
import { failures, type ValidationStatus } from './status';
import { truncate } from './text';
import type { TrustLevel } from './trust/chain';
import type { TrustStore } from './trust/trust-list';

export interface C2paAiAssertion {
  manifest: string;
  /** True when it is in an ingredient's manifest, not the active one. */
  ingredient: boolean;
  action: string;
  digitalSourceType: string;
  softwareAgent?: string;
  /** The manifest holding it is signed validly and its assertions match the claim. */
  trustworthy: boolean;
}

export interface C2paSignal extends ProvenanceSignal {
  kind: 'c2pa';
  present: boolean;
  activeManifest?: string;
  claimGenerator?: string;
  signature?: { valid: boolean; reason?: string; alg?: string; notChecked: string[]; signedAt?: string; timeStampAuthority?: string };
  /**
   * How far the signer is trusted: "trusted" (chains to the C2PA Trust List), "user" (to an anchor the
   * user added), "untrusted" (signed validly, issuer on neither), "invalid" (bad signature or credential).
   */
  trust?: TrustLevel;
  /** Why the credential is invalid or untrusted, in words. */
  trustReason?: string;
  /** The anchor the signer's chain reached. */
  trustAnchor?: string;
  /** No C2PA Trust List was available for this check. */
  trustListMissing?: boolean;
  /** Validation status codes of the active manifest, c2pa-rs names (claimSignature.validated, ...). */
  validationStatus: ValidationStatus[];
  /** Who signed (certificate subject organisation, as c2patool shows "issuer"). */
  issuer?: string;
  /** Who issued the signing certificate. */
  certificateIssuer?: string;
  /** Signing certificate serial number, decimal (as c2patool prints it). */
  certSerial?: string;
  integrityProblems: string[];
  aiAssertions: C2paAiAssertion[];
  /** The other manifests in the store (ingredients' histories), each with its own signature check. */
  ingredientManifests?: { label: string; claimGenerator?: string; signatureValid: boolean; trust?: TrustLevel; reason?: string; validationStatus: ValidationStatus[] }[];
  /** Why the manifest counts as a camera capture, when it does. */
  cameraCapture?: string;
  problems?: string[];
}

export function noC2pa(): C2paSignal {
  return { kind: 'c2pa', summary: 'No C2PA Content Credentials', present: false, integrityProblems: [], aiAssertions: [], validationStatus: [] };
}

export async function readC2pa(jumbf: Uint8Array, file: Uint8Array, trust: TrustStore): Promise<C2paSignal> {
  let manifests: C2paManifest[];
  try {
    manifests = await readManifestStore(parseJumbf(jumbf), file, trust);
  } catch (e) {
    const why = e instanceof JumbfError ? e.message : `unreadable (${(e as Error).message})`;
    return { ...noC2pa(), present: true, summary: `C2PA manifest store is malformed: ${why}`, problems: [why] };
  }
  const active = manifests.at(-1);
  if (!active) return { ...noC2pa(), present: true, summary: 'C2PA manifest store holds no manifest', problems: ['no manifest'] };
  const broken = brokenManifests(manifests);
  const aiAssertions = manifests.flatMap((m) => aiAssertionsOf(m, m !== active, !broken.has(m.label)));
  const credential = active.signature.credential;
  const ingredients = manifests.slice(0, -1);
  const signal: C2paSignal = {
    kind: 'c2pa',
    summary: '',
    present: true,
    activeManifest: active.label,
    claimGenerator: active.claimGenerator,
    signature: {
      valid: active.signature.valid,
      reason: active.signature.reason,
      alg: active.signature.alg,
      notChecked: active.signature.notChecked,
      ...(active.signature.signedAt ? { signedAt: active.signature.signedAt } : {}),
      ...(active.signature.timeStampAuthority ? { timeStampAuthority: active.signature.timeStampAuthority } : {}),
    },
    trust: active.signature.valid && credential ? credential.level : 'invalid',
    ...(credential?.reason ? { trustReason: credential.reason } : {}),
    ...(credential?.anchor ? { trustAnchor: credential.anchor } : {}),
    ...(trust.listMissing ? { trustListMissing: true } : {}),
    validationStatus: active.statuses,
    issuer: active.signature.signer,
    certificateIssuer: active.signature.issuer,
    ...(active.signature.certSerial ? { certSerial: BigInt(`0x${active.signature.certSerial}`).toString() } : {}),
    integrityProblems: [
      ...active.assertionProblems,
      ...active.ingredientProblems,
      ...(active.hardBinding && !active.hardBinding.matched ? [`hard binding: ${active.hardBinding.reason}`] : []),
      // An ingredient's history that fails its own checks is a problem of this file's provenance too.
      ...ingredients.flatMap((m) => [...m.assertionProblems, ...m.ingredientProblems].map((p) => `ingredient manifest ${truncate(m.label, 60)}: ${p}`)),
    ],
    aiAssertions,
    ingredientManifests: ingredients.map((m) => ({
      label: m.label,
      claimGenerator: m.claimGenerator,
      signatureValid: m.signature.valid,
      trust: m.signature.valid && m.signature.credential ? m.signature.credential.level : 'invalid',
      ...(m.signature.reason || m.assertionProblems.length || broken.has(m.label) ? { reason: m.signature.reason ?? m.assertionProblems[0] ?? 'an ingredient link to it does not match' } : {}),
      validationStatus: m.statuses,
    })),
  };
  const capture = cameraCaptureOf(active);
  // Only a signer the user can rely on (the C2PA Trust List, or an anchor they added) makes a camera
  // capture: anyone can make a self-signed certificate and sign "digitalCapture".
  // As c2pa-rs's "Trusted" state: no failure status at all (a broken time-stamp included).
  // Without the C2PA Trust List nothing is "camera", the user's own anchors included.
  if (capture && aiAssertions.length === 0 && (signal.trust === 'trusted' || signal.trust === 'user') && !trust.listMissing && failures(active.statuses).length === 0) signal.cameraCapture = capture;
  signal.summary = summarize(signal, capture);
  return signal;
}

/**
 * Manifests whose content cannot be relied on: a bad signature, an assertion that does not match its
 * hash in the claim, or a manifest an ingredient link names with a hash that does not match it.
 */
function brokenManifests(manifests: C2paManifest[]): Set<string> {
  const broken = new Set<string>();
  for (const m of manifests) {
    if (!m.signature.valid || m.assertionProblems.length) broken.add(m.label);
    for (const s of m.statuses) {
      if (s.code !== 'ingredient.manifest.mismatch' && s.code !== 'ingredient.claimSignature.mismatch') continue;
      const ingredientAssertion = /c2pa\.assertions\/(.+)$/.exec(s.url ?? '')?.[1];
      const link = m.assertions.find((a) => a.label === ingredientAssertion)?.data as { c2pa_manifest?: { url?: unknown }; activeManifest?: { url?: unknown } } | undefined;
      const url = link?.c2pa_manifest?.url ?? link?.activeManifest?.url;
      const label = typeof url === 'string' ? /^self#jumbf=\/c2pa\/([^/]+)/.exec(url)?.[1] : undefined;
      if (label) broken.add(label);
    }
  }
  return broken;
}

interface ActionLike {
  action?: unknown;
  digitalSourceType?: unknown;
  softwareAgent?: unknown;
  parameters?: { digitalSourceType?: unknown };
}

function actionsOf(m: C2paManifest): ActionLike[] {
  return m.assertions
    .filter((a) => /^c2pa\.actions(\.v2)?(__\d+)?$/.test(a.label))
    .flatMap((a) => {
      const list = (a.data as { actions?: unknown } | undefined)?.actions;
      return Array.isArray(list) ? (list as ActionLike[]) : [];
    });
}

function sourceTypeOf(a: ActionLike): string | undefined {
  const t = a.digitalSourceType ?? a.parameters?.digitalSourceType;
  return typeof t === 'string' ? t.trim() : undefined;
}

function aiAssertionsOf(m: C2paManifest, ingredient: boolean, intact: boolean): C2paAiAssertion[] {
  const out: C2paAiAssertion[] = [];
  for (const a of actionsOf(m)) {
    const type = sourceTypeOf(a);
    if (!type || !isAiSourceType(type)) continue;
    const agent = typeof a.softwareAgent === 'string' ? a.softwareAgent : (a.softwareAgent as { name?: unknown } | undefined)?.name;
    out.push({
      manifest: m.label,
      ingredient,
      action: String(a.action ?? ''),
      digitalSourceType: sourceTypeCode(type),
      ...(typeof agent === 'string' ? { softwareAgent: agent } : {}),
      // Untrusted signers still count: a forger gains nothing by declaring AI.
      trustworthy: intact,
    });
  }
  return out;
}

/**
 * A manifest records a camera capture when, validly signed with intact assertions and a matching
 * hard binding, it (a) has an action whose digitalSourceType is digitalCapture, or (b) was made by
 * the capture device itself: no ingredients, and a signed stds.exif assertion naming the camera
 * (how Truepic Lens and other capture SDKs sign photos; they record no actions).
 */
function cameraCaptureOf(m: C2paManifest): string | undefined {
  if (!m.signature.valid || m.assertionProblems.length || m.ingredientProblems.length || !m.hardBinding?.matched) return undefined;
  const captured = actionsOf(m).find((a) => a.action === 'c2pa.created' && isCaptureSourceType(sourceTypeOf(a) ?? ''));
  if (captured) return 'c2pa.created action with digitalSourceType digitalCapture';
  const hasIngredients = m.assertions.some((a) => a.label.startsWith('c2pa.ingredient'));
  if (hasIngredients) return undefined;
  for (const a of m.assertions) {
    if (!a.label.startsWith('stds.exif')) continue;
    const d = a.data as Record<string, unknown> | undefined;
    const make = d?.['EXIF:Make'] ?? d?.['tiff:Make'];
    const model = d?.['EXIF:Model'] ?? d?.['tiff:Model'];
    if (typeof make === 'string' || typeof model === 'string') return `signed capture by ${[make, model].filter((x) => typeof x === 'string').join(' ')}`;
  }
  return undefined;
}

/** The trust level in words, naming the signer: what the card and the CLI show. */
export function trustWords(s: Pick<C2paSignal, 'trust' | 'issuer' | 'trustReason' | 'trustAnchor' | 'trustListMissing' | 'signature'>): string {
  const who = s.issuer ?? 'an unnamed signer';
  switch (s.trust) {
    case 'trusted':
      return `signed by ${who}, trusted (C2PA Trust List${s.trustAnchor ? `: ${s.trustAnchor}` : ''})`;
    case 'user':
      return `signed by ${who}, trusted by you${s.trustAnchor ? ` (your anchor ${s.trustAnchor})` : ''}`;
    case 'untrusted':
      return s.trustListMissing ? `signed by ${who}; the C2PA Trust List is missing, so the issuer could not be checked` : `signed by ${who}, issuer not on the trust list`;
    default:
      return s.signature?.valid ? `invalid: ${s.trustReason ?? 'the signing certificate is not acceptable'}` : `invalid: ${s.signature?.reason ?? 'signature not valid'}`;
  }
}

function summarize(s: C2paSignal, capture: string | undefined): string {
  const gen = s.claimGenerator ? ` (${truncate(s.claimGenerator, 60)})` : '';
  const sig = s.integrityProblems.length && s.signature?.valid ? `${trustWords(s)}, but ${s.integrityProblems[0]}` : trustWords(s);
  const ai = s.aiAssertions.find((a) => a.trustworthy) ?? s.aiAssertions[0];
  const what = ai
    ? `; declares ${ai.digitalSourceType}${ai.softwareAgent ? ` by ${ai.softwareAgent}` : ''}${ai.ingredient ? ' in an ingredient' : ''}${ai.trustworthy ? '' : ' (in a broken manifest: not counted)'}`
    : s.cameraCapture
      ? `; ${s.cameraCapture}`
      : capture && s.integrityProblems.length === 0
        ? `; records a camera capture, not counted: ${s.trust === 'invalid' ? 'the credential is invalid' : s.trust === 'untrusted' ? 'the signer is not trusted' : s.trustListMissing ? 'the C2PA Trust List is missing' : 'a validation status failed'}`
        : '';
  return `C2PA Content Credentials${gen}: ${sig}${what}`;
}

export const c2paFailures = (s: C2paSignal): ValidationStatus[] => failures(s.validationStatus);
