// Every cap on untrusted input, in one place, for the extension and the CLI alike. The image-check
// pipeline (check/pipeline.ts) applies them; hosts never carry caps of their own.
export const LIMITS = {
  /** Bytes of one downloaded image; the body is cut off while streaming past this. */
  downloadBytes: 40 * 1024 * 1024,
  /** Bytes of one local file (CLI): refused before it is read. */
  fileBytes: 100 * 1024 * 1024,
  /** Pixels of one image, read from its header before anything decodes it (50 MP of RGBA are 200 MB). */
  pixels: 50_000_000,
  /** One image download, headers and body. */
  fetchMs: 20_000,
  /** One check's work in the model host (the first includes loading the model and, with WebGPU, its self-test). */
  checkMs: 90_000,
} as const;
