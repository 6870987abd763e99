// PEM certificate bundles (RFC 7468) as text: split into DER without parsing them, so the service
// worker can store and check lists without carrying the ASN.1 parsers.

export const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+?)-----END CERTIFICATE-----/g;

/** Every certificate in a PEM bundle (text outside the BEGIN/END lines, like the trust list's "Subject" lines, is ignored). */
export function certificatesFromPem(text: string): Uint8Array[] {
  return [...text.matchAll(PEM_CERTIFICATE)].map((m) => base64Bytes(m[1]!.replace(/\s+/g, '')));
}

export function base64Bytes(b64: string): Uint8Array {
  const bin = atob(b64);
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}
