// The C2PA evidence signal: presence, claim generator, signature validity and signer, AI-related
// assertions in the active manifest and its ingredients, and whether it records a camera capture.

import type { ProvenanceSignal } from '../verdict';
import { readManifestStore, type C2paManifest } from './c2pa-store';
import { isAiSourceType, isCaptureSourceType, sourceTypeCode } from './digital-source-type';
import { JumbfError, parseJumbf } from './jumbf';
import { truncate } from './text';

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
  signature?: { valid: boolean; reason?: string; alg?: string; notChecked: string[] };
  /** Who signed (certificate subject organisation, as c2patool shows "issuer"). */
  issuer?: string;
  /** Who issued the signing certificate. */
  certificateIssuer?: string;
  /** Signing certificate serial number, decimal (as c2patool prints it). */
  certSerial?: string;
  integrityProblems: string[];
  aiAssertions: C2paAiAssertion[];
  /** The other manifests in the store (ingredients' histories), each with its own signature check. */
  ingredientManifests?: { label: string; claimGenerator?: string; signatureValid: boolean; reason?: string }[];
  /** Why the manifest counts as a camera capture, when it does. */
  cameraCapture?: string;
  problems?: string[];
}

export function noC2pa(): C2paSignal {
  return { kind: 'c2pa', summary: 'No C2PA Content Credentials', present: false, integrityProblems: [], aiAssertions: [] };
}

export async function readC2pa(jumbf: Uint8Array, file: Uint8Array): Promise<C2paSignal> {
  let manifests: C2paManifest[];
  try {
    manifests = await readManifestStore(parseJumbf(jumbf), file);
  } catch (e) {
    const why = e instanceof JumbfError ? e.message : `unreadable (${(e as Error).message})`;
    return { ...noC2pa(), present: true, summary: `C2PA manifest store is malformed: ${why}`, problems: [why] };
  }
  const active = manifests.at(-1);
  if (!active) return { ...noC2pa(), present: true, summary: 'C2PA manifest store holds no manifest', problems: ['no manifest'] };
  const aiAssertions = manifests.flatMap((m) => aiAssertionsOf(m, m !== active));
  const signal: C2paSignal = {
    kind: 'c2pa',
    summary: '',
    present: true,
    activeManifest: active.label,
    claimGenerator: active.claimGenerator,
    signature: { valid: active.signature.valid, reason: active.signature.reason, alg: active.signature.alg, notChecked: active.signature.notChecked },
    issuer: active.signature.signer,
    certificateIssuer: active.signature.issuer,
    ...(active.signature.certSerial ? { certSerial: BigInt(`0x${active.signature.certSerial}`).toString() } : {}),
    integrityProblems: [...active.assertionProblems, ...(active.hardBinding && !active.hardBinding.matched ? [`hard binding: ${active.hardBinding.reason}`] : [])],
    aiAssertions,
    ingredientManifests: manifests.slice(0, -1).map((m) => ({
      label: m.label,
      claimGenerator: m.claimGenerator,
      signatureValid: m.signature.valid,
      ...(m.signature.reason || m.assertionProblems.length ? { reason: m.signature.reason ?? m.assertionProblems[0] } : {}),
    })),
  };
  const capture = cameraCaptureOf(active);
  if (capture && aiAssertions.length === 0) signal.cameraCapture = capture;
  signal.summary = summarize(signal);
  return signal;
}

/**
 * Signed validly and every assertion matches its hash in the claim: what the manifest says is
 * authentic. (Whether it describes these exact pixels is the hard binding, checked separately.)
 */
function isIntact(m: C2paManifest): boolean {
  return m.signature.valid && m.assertionProblems.length === 0;
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

function aiAssertionsOf(m: C2paManifest, ingredient: boolean): C2paAiAssertion[] {
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
      trustworthy: isIntact(m),
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
  if (!isIntact(m) || !m.hardBinding?.matched) return undefined;
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

function summarize(s: C2paSignal): string {
  const by = s.issuer ? ` by ${s.issuer}` : '';
  const gen = s.claimGenerator ? ` (${truncate(s.claimGenerator, 60)})` : '';
  const sig = s.signature?.valid
    ? s.integrityProblems.length
      ? `signed${by}, but ${s.integrityProblems[0]}`
      : `valid signature${by}, issuer not checked against a trust list`
    : `signature not valid: ${s.signature?.reason ?? 'unknown'}`;
  const ai = s.aiAssertions.find((a) => a.trustworthy) ?? s.aiAssertions[0];
  const what = ai
    ? `; declares ${ai.digitalSourceType}${ai.softwareAgent ? ` by ${ai.softwareAgent}` : ''}${ai.ingredient ? ' in an ingredient' : ''}`
    : s.cameraCapture
      ? `; ${s.cameraCapture}`
      : '';
  return `C2PA Content Credentials${gen}: ${sig}${what}`;
}
