// "Before" of the box-copy placement: the badge host follows its image with CSS anchor positioning
// (Chromium 125+), no script after insertion.
let anchorCount = 0;

const HOST_BOX = 'position:absolute!important;display:block!important;margin:0!important;padding:0!important;' +
  'border:0!important;z-index:2147483000!important;pointer-events:none!important;overflow:visible!important;';

export function placeOver(host: HTMLElement, img: HTMLImageElement): () => void {
  (img.parentElement?.tagName === 'PICTURE' ? img.parentElement : img).after(host);
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
