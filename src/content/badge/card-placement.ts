// Where the detail card opens: beside its badge, inside the viewport. It was pinned at window height
// − 420 px, so for a badge in the lower half the card covered its own badge, and a card taller than
// that ran off the bottom with rows no one could reach (issue 11). Pure: tested without a browser.

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface CardPlace {
  left: number;
  top: number;
  /** Set when the card is taller than the room it gets: it scrolls inside. */
  maxHeight?: number;
}

/** Space kept between the card and the badge, and between the card and the viewport's edges. */
export const GAP = 6;
export const MARGIN = 8;

/**
 * Below the badge if the card fits there, else above it if it fits there, else on the side with more
 * room with its height capped to that room (scrolling inside); a card taller than the whole viewport
 * is capped to the viewport. Horizontally aligned with the badge's left edge, clamped into the viewport.
 */
export function placeCard(badge: Box, card: { width: number; height: number }, viewport: { width: number; height: number }): CardPlace {
  const left = clamp(badge.left, MARGIN, viewport.width - MARGIN - card.width);
  const belowTop = badge.top + badge.height + GAP;
  const below = viewport.height - MARGIN - belowTop;
  const above = badge.top - GAP - MARGIN;
  if (card.height <= below) return { left, top: belowTop };
  if (card.height <= above) return { left, top: badge.top - GAP - card.height };
  // Fits on neither side: a badge near an edge (the room there is small) or a tall card.
  const room = viewport.height - 2 * MARGIN;
  if (card.height >= room) return { left, top: MARGIN, maxHeight: room };
  if (below >= above) return { left, top: belowTop, maxHeight: Math.max(below, 0) };
  return { left, top: MARGIN, maxHeight: Math.max(above, 0) };
}

function clamp(x: number, min: number, max: number): number {
  return Math.max(min, Math.min(x, max));
}

/** Opens `card` (a popover: the top layer ignores where the badge is) at `placeCard`'s place beside `anchor`. */
export function showCardBeside(card: HTMLElement, anchor: HTMLElement): void {
  card.style.position = 'fixed';
  card.style.inset = 'auto';
  card.showPopover();
  placeCardBeside(card, anchor);
}

/** (Re)places an open card: also when its content changed while open (a verdict arrived), as its height did. */
export function placeCardBeside(card: HTMLElement, anchor: HTMLElement): void {
  const s = card.style;
  s.left = '0px';
  s.top = '0px';
  s.maxHeight = 'none';
  // Measured unconstrained; the viewport without its scrollbar.
  const size = card.getBoundingClientRect();
  const view = document.documentElement;
  const place = placeCard(anchor.getBoundingClientRect(), size, { width: view.clientWidth || innerWidth, height: view.clientHeight || innerHeight });
  s.left = `${place.left}px`;
  s.top = `${place.top}px`;
  s.maxHeight = place.maxHeight === undefined ? 'none' : `${place.maxHeight}px`;
}
