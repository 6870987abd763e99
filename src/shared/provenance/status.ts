// C2PA validation status codes (C2PA spec, "Standard status codes"), named as the reference validator
// c2pa-rs emits them, so DualSight's reading can be compared with c2patool's code for code.

export interface ValidationStatus {
  code: string;
  /** The JUMBF URI of what was checked ("self#jumbf=/c2pa/<manifest>/c2pa.signature"). */
  url?: string;
  explanation?: string;
  /** success, informational or failure, as c2pa-rs sorts them. */
  kind: 'success' | 'informational' | 'failure';
}

const FAILURE = new Set([
  'claimSignature.mismatch',
  'claimSignature.missing',
  'claimSignature.outsideValidity',
  'signingCredential.untrusted',
  'signingCredential.invalid',
  'signingCredential.expired',
  'timeStamp.mismatch',
  'timeStamp.malformed',
  'assertion.hashedURI.mismatch',
  'assertion.missing',
  'assertion.dataHash.mismatch',
  'assertion.dataHash.malformed',
  'claim.missing',
  'claim.malformed',
  'algorithm.unsupported',
  'ingredient.manifest.mismatch',
  'ingredient.manifest.missing',
  'ingredient.claimSignature.mismatch',
  'ingredient.hashedURI.mismatch',
]);
const INFORMATIONAL = new Set(['timeStamp.untrusted', 'ingredient.unknownProvenance', 'assertion.dataHash.notChecked']);

export function status(code: string, url?: string, explanation?: string): ValidationStatus {
  const kind = FAILURE.has(code) ? 'failure' : INFORMATIONAL.has(code) ? 'informational' : 'success';
  return { code, ...(url ? { url } : {}), ...(explanation ? { explanation } : {}), kind };
}

export const failures = (s: ValidationStatus[]): ValidationStatus[] => s.filter((x) => x.kind === 'failure');
