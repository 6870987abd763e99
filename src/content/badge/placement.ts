// Where a badge lives: a sibling right after its image (after the <picture> when there is one), so it is
// in the image's parent, scrolls and reflows with it, and is removed with it. The host copies the image's
// offset box and updates it when the image or its parent resizes (ResizeObserver).
// CSS anchor positioning would follow the image without script, but it made the page's frames long:
// 100-image feed at a reader's pace with one core busy, 27 long tasks and 1,438 ms of style and layout
// in long frames with anchors, 3 and 173 ms with this (npm run bench -- --phases compare --prototypes
// anchor-placement, bench/results/2026-11-26-placement-under-load.json).
// A page may move the image to another container (issue 12: the badge stayed behind, over whichever
// image took the old place, with the moved image's verdict): keepBeside() moves the host after it again.
// The whole inline style is rewritten on each move, so the guard (host-element.ts) is written with it.

import { HOST_GUARD } from './host-element';

/** The element the host is inserted after. */
function placeAfter(img: HTMLImageElement): Element {
  const parent = img.parentElement;
  return parent?.tagName === 'PICTURE' ? parent : img;
}

export interface Placement {
  /** Stops following the image (its observers are disconnected). */
  stop(): void;
  /** Moves the host back right after its image when the page moved the image (or the host) elsewhere. */
  keepBeside(): void;
}

/** Inserts `host` beside `img` and keeps it over the image. */
export function placeOver(host: HTMLElement, img: HTMLImageElement): Placement {
  let stopFollowing = attach(host, img);
  return {
    stop: () => stopFollowing(),
    keepBeside: () => {
      if (!img.isConnected || placeAfter(img).nextElementSibling === host) return;
      stopFollowing();
      stopFollowing = attach(host, img);
    },
  };
}

/** Puts `host` right after `img` and follows its box; returns a function that stops following. */
function attach(host: HTMLElement, img: HTMLImageElement): () => void {
  const anchor = placeAfter(img);
  // An image slotted into a component's shadow root (<x-media><img slot="media">) is drawn through that
  // slot; a sibling without the same slot name is not drawn at all.
  const slot = anchor.getAttribute('slot');
  if (slot !== null) host.setAttribute('slot', slot);
  else host.removeAttribute('slot');
  anchor.after(host);
  const follow = (): void => {
    host.style.cssText = HOST_GUARD + `top:${img.offsetTop}px!important;left:${img.offsetLeft}px!important;` +
      `width:${img.offsetWidth}px!important;height:${img.offsetHeight}px!important;`;
  };
  follow();
  if (typeof ResizeObserver === 'undefined') return () => {};
  const ro = new ResizeObserver(follow);
  ro.observe(img);
  if (img.parentElement) ro.observe(img.parentElement);
  return () => ro.disconnect();
}
