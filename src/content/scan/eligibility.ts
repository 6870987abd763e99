// The size rule: images under ~96 px (icons, avatars, emoji, old Reddit's row thumbnails) are skipped.
// An image must be at least this large both as laid out and, when it decoded, in its own pixels (an
// upscaled 32 px icon is still an icon). A broken image has no pixels: its laid-out box decides, so a
// failed post photo still gets a "could not check" badge.

export const MIN_SIDE_PX = 96;

export interface ImageSize {
  /** Laid-out box, CSS pixels. */
  box: { width: number; height: number };
  /** Decoded pixels; 0 x 0 when the image is broken or not loaded. */
  natural: { width: number; height: number };
}

export type SizeJudgement = 'eligible' | 'small' | 'no-layout';

export function judgeSize({ box, natural }: ImageSize, min = MIN_SIDE_PX): SizeJudgement {
  if (box.width === 0 && box.height === 0) return 'no-layout';
  if (Math.min(box.width, box.height) < min) return 'small';
  if (natural.width > 0 && Math.min(natural.width, natural.height) < min) return 'small';
  return 'eligible';
}
