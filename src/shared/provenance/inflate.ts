// zlib inflate for PNG zTXt / compressed iTXt with the platform's DecompressionStream (Node 18+,
// Chrome 80+, Firefox 113+), capped so a small "zip bomb" chunk cannot allocate without bound.

const MAX_OUTPUT = 4 * 1024 * 1024;

/** Inflated bytes, or undefined when the data is not valid zlib or inflates past the cap. */
export async function inflate(data: Uint8Array): Promise<Uint8Array | undefined> {
  if (typeof DecompressionStream === 'undefined') return undefined;
  try {
    const ds = new DecompressionStream('deflate');
    const writer = ds.writable.getWriter();
    // Errors surface on the readable side; the writer's promises are observed so they do not go unhandled.
    writer.write(data.slice()).catch(() => {});
    writer.close().catch(() => {});
    const reader = ds.readable.getReader();
    const parts: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > MAX_OUTPUT) {
        reader.cancel().catch(() => {});
        return undefined;
      }
      parts.push(value);
    }
    const out = new Uint8Array(total);
    let at = 0;
    for (const p of parts) (out.set(p, at), (at += p.length));
    return out;
  } catch {
    return undefined;
  }
}
