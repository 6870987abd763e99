// Where a badge lives: a sibling right after its image (after the <picture> when there is one), so it is
// in the image's parent, scrolls and reflows with it, and is removed with it. The host covers the
// image's box using CSS anchor positioning (Chromium 125+), so it follows every layout change without
// script; elsewhere it copies the image's offset box and updates it when the image resizes.

let anchorCount = 0;

export const supportsAnchors = (): boolean => typeof CSS !== 'undefined' && CSS.supports?.('anchor-name: --a') === true;

/** The element the host is inserted after. */
function placeAfter(img: HTMLImageElement): Element {
  const parent = img.parentElement;
  return parent?.tagName === 'PICTURE' ? parent : img;
}

const HOST_BOX = 'position:absolute!important;display:block!important;margin:0!important;padding:0!important;' +
  'border:0!important;z-index:2147483000!important;pointer-events:none!important;overflow:visible!important;';

/** Inserts `host` beside `img` and keeps it over the image; returns a function that stops following. */
export function placeOver(host: HTMLElement, img: HTMLImageElement): () => void {
  const after = placeAfter(img);
  after.after(host);
  if (supportsAnchors()) {
    const existing = img.style.getPropertyValue('anchor-name');
    let name = existing.split(',').map((s) => s.trim()).find((n) => n.startsWith('--dualsight-'));
    if (!name) {
      name = `--dualsight-${++anchorCount}`;
      img.style.setProperty('anchor-name', existing ? `${existing}, ${name}` : name);
    }
    host.style.cssText = HOST_BOX + `position-anchor:${name}!important;top:anchor(top)!important;left:anchor(left)!important;` +
      'width:anchor-size(width)!important;height:anchor-size(height)!important;';
    return () => {};
  }
  const follow = (): void => {
    host.style.cssText = HOST_BOX + `top:${img.offsetTop}px!important;left:${img.offsetLeft}px!important;` +
      `width:${img.offsetWidth}px!important;height:${img.offsetHeight}px!important;`;
  };
  follow();
  if (typeof ResizeObserver === 'undefined') return () => {};
  const ro = new ResizeObserver(follow);
  ro.observe(img);
  if (img.parentElement) ro.observe(img.parentElement);
  return () => ro.disconnect();
}
