// Every cap on untrusted input, in one place, for the extension and the CLI alike.
export const LIMITS = {
  /** Bytes of one downloaded image; the body is cut off while streaming past this. */
  downloadBytes: 40 * 1024 * 1024,
  /** Pixels of one image, read from its header before anything decodes it. */
  pixels: 50_000_000,
  /** One image download, headers and body. */
  fetchMs: 20_000,
} as const;
