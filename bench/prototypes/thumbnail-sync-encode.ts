// Prototype: the history thumbnail encoded with HTMLCanvasElement.toDataURL instead of
// OffscreenCanvas.convertToBlob. Measured in the offscreen document (bench, Chromium 156 headless):
// convertToBlob of a 72 px JPEG takes ~1,000 ms every time, toDataURL 0-1 ms; infer() waits for the
// thumbnail, so every verdict carried that second. The offscreen document and Firefox's background page
// both have a DOM; elsewhere the original path remains.
export { decodeImage, MAX_PIXELS } from '../../src/offscreen/decode';
import { thumbnail as offscreenCanvasThumbnail } from '../../src/offscreen/decode';

export async function thumbnail(blob: Blob, size = 72): Promise<string | undefined> {
  if (typeof document === 'undefined') return offscreenCanvasThumbnail(blob, size);
  try {
    const probe = await createImageBitmap(blob);
    const scale = size / Math.max(probe.width, probe.height);
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(probe.width * Math.min(1, scale)));
    canvas.height = Math.max(1, Math.round(probe.height * Math.min(1, scale)));
    const ctx = canvas.getContext('2d');
    if (!ctx) return undefined;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(probe, 0, 0, canvas.width, canvas.height);
    probe.close();
    return canvas.toDataURL('image/jpeg', 0.7);
  } catch {
    return undefined;
  }
}
