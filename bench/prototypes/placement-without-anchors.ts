// Prototype: the badge host follows its image by copying the image's offset box (ResizeObserver), the
// path the extension takes where CSS anchor positioning is missing, instead of anchor positioning.
export * from '../../src/content/badge/placement';
import { placeOver as place } from '../../src/content/badge/placement';

const supports = CSS.supports.bind(CSS);
export function placeOver(host: HTMLElement, img: HTMLImageElement): () => void {
  // placement.ts asks CSS.supports('anchor-name: --a'); answer no for this call only.
  CSS.supports = ((...args: [string, string?]) => (args[0].startsWith('anchor-name') ? false : supports(...(args as [string])))) as typeof CSS.supports;
  try {
    return place(host, img);
  } finally {
    CSS.supports = supports;
  }
}
