// IPTC Digital Source Type vocabulary (https://cv.iptc.org/newscodes/digitalsourcetype/), shared by
// C2PA actions and XMP Iptc4xmpExt:DigitalSourceType.

/** The codes that mean the pixels came (in whole or in part) from a generative or algorithmic model. */
const AI_CODES = new Set(['trainedAlgorithmicMedia', 'compositeWithTrainedAlgorithmicMedia', 'algorithmicMedia']);

/** "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia" -> "trainedAlgorithmicMedia". */
export function sourceTypeCode(uri: string): string {
  return uri.trim().replace(/\/+$/, '').split('/').pop() ?? '';
}

export function isAiSourceType(uri: string): boolean {
  return AI_CODES.has(sourceTypeCode(uri));
}

export function isCaptureSourceType(uri: string): boolean {
  return sourceTypeCode(uri) === 'digitalCapture';
}
