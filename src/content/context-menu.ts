// Right-click "Verify image": Chrome gives the background only the image URL, so the content script
// remembers the element the last context menu opened on and falls back to any <img> showing that URL.

const isImg = (t: unknown): t is HTMLImageElement => t instanceof Element && t.tagName === 'IMG';

/** Starts remembering the last image a context menu opened on; returns a getter. */
export function trackContextMenuTarget(signal: AbortSignal, doc: Document = document): () => HTMLImageElement | null {
  let last: HTMLImageElement | null = null;
  doc.addEventListener('contextmenu', (e) => {
    const target = e.composedPath()[0];
    last = isImg(target) ? target : null;
  }, { capture: true, signal });
  return () => last;
}

/** The image the user right-clicked for `srcUrl`. */
export function findImage(srcUrl: string, lastTarget: HTMLImageElement | null, doc: Document = document): HTMLImageElement | null {
  const shows = (img: HTMLImageElement): boolean => img.currentSrc === srcUrl || img.src === srcUrl;
  if (lastTarget?.isConnected && shows(lastTarget)) return lastTarget;
  for (const img of doc.images) if (shows(img)) return img;
  return null;
}
