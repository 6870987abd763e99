import { describe, expect, it } from 'vitest';
import { isFlat } from './decode';

const rgba = (pixels: number[][]) => ({ width: pixels.length, height: 1, data: new Uint8ClampedArray(pixels.flat()) });

describe('isFlat (a decode with no picture data)', () => {
  it('is true when every pixel is the same colour (Firefox: a JPEG cut before its scan data is all white)', () => {
    expect(isFlat(rgba([[255, 255, 255, 255], [255, 255, 255, 255], [255, 255, 255, 255]]))).toBe(true);
  });

  it('is false when any channel of any pixel differs, the last one included', () => {
    expect(isFlat(rgba([[255, 255, 255, 255], [255, 255, 255, 255], [255, 255, 254, 255]]))).toBe(false);
    expect(isFlat(rgba([[0, 0, 0, 255], [0, 0, 0, 0]]))).toBe(false);
  });
});
