import { describe, expect, it } from 'vitest';
import { GAP, MARGIN, placeCard, type Box } from './card-placement';

const view = { width: 1000, height: 800 };
const card = { width: 300, height: 400 };
const badge = (left: number, top: number): Box => ({ left, top, width: 120, height: 22 });

/** The card's box never overlaps the badge's box. */
const clearOf = (b: Box, p: { top: number; maxHeight?: number }, h: number) =>
  p.top + Math.min(h, p.maxHeight ?? h) <= b.top || p.top >= b.top + b.height;

describe('placeCard', () => {
  it('opens below the badge when the card fits there', () => {
    const b = badge(100, 50);
    expect(placeCard(b, card, view)).toEqual({ left: 100, top: 50 + 22 + GAP });
  });

  it('flips above a badge in the lower half, clear of it', () => {
    const b = badge(100, 600);
    const p = placeCard(b, card, view);
    expect(p).toEqual({ left: 100, top: 600 - GAP - 400 });
    expect(clearOf(b, p, card.height)).toBe(true);
  });

  it('stays inside the viewport horizontally', () => {
    expect(placeCard(badge(900, 50), card, view).left).toBe(1000 - MARGIN - 300);
    expect(placeCard(badge(-40, 50), card, view).left).toBe(MARGIN);
  });

  it('caps a card taller than the viewport to it, scrolling inside', () => {
    const p = placeCard(badge(100, 300), { width: 300, height: 2000 }, view);
    expect(p).toEqual({ left: 100, top: MARGIN, maxHeight: 800 - 2 * MARGIN });
  });

  it('fitting neither side, takes the larger one and scrolls inside, still clear of the badge', () => {
    const tall = { width: 300, height: 500 };
    const low = badge(100, 450); // 444 px above, 322 below
    const p = placeCard(low, tall, view);
    expect(p).toEqual({ left: 100, top: MARGIN, maxHeight: 450 - GAP - MARGIN });
    expect(clearOf(low, p, tall.height)).toBe(true);
    const high = badge(100, 320); // 306 px above, 444 below
    const q = placeCard(high, tall, view);
    expect(q).toEqual({ left: 100, top: 320 + 22 + GAP, maxHeight: 800 - MARGIN - (320 + 22 + GAP) });
    expect(q.top + q.maxHeight!).toBeLessThanOrEqual(800 - MARGIN);
  });

  it('keeps every row reachable: the card never runs past the bottom', () => {
    for (let top = 0; top < 800; top += 37) {
      for (const h of [120, 400, 700, 1500]) {
        const p = placeCard(badge(10, top), { width: 300, height: h }, view);
        expect(p.top).toBeGreaterThanOrEqual(MARGIN - 1e-9);
        expect(p.top + Math.min(h, p.maxHeight ?? h)).toBeLessThanOrEqual(800 - MARGIN);
      }
    }
  });
});
