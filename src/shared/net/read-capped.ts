// Reads a response body chunk by chunk and gives up as soon as it passes `max` bytes: a declared
// Content-Length can be absent or wrong, and a body read whole before the check could be any size.
// Shared by the extension (offscreen document, Firefox background page) and the CLI.

export async function readCapped(res: Response, max: number, tooLarge: (detail: string) => Error): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > max) throw tooLarge(`${declared} bytes; the limit is ${max}`);
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(`over ${max} bytes`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
