// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Verdict } from '../../shared/verdict';
import { BadgeHost } from './badge-host';
import { HOST_TAG } from './host-element';

const verdict: Verdict = {
  ai: { probability: 0.874, verdict: 'ai' },
  objects: ['person', 'dog', 'car', 'kite', 'bench'].map((label, i) => ({ label, score: 0.9 - i * 0.1 })),
  model: 'dualsight-lite@1.0.0',
  backend: 'wasm',
  modelMs: 120,
  ms: 340,
  provenance: {
    declared: null,
    signals: [{ kind: 'c2pa', summary: 'No C2PA Content Credentials', present: false }, { kind: 'exif', summary: 'EXIF: Canon EOS R5' }],
  },
};

function photo(): { link: HTMLAnchorElement; img: HTMLImageElement } {
  document.body.innerHTML = '<div class="post"><a href="/status/1"><div class="frame"><img src="https://pbs.twimg.com/media/a"></div></a></div>';
  return { link: document.querySelector('a')!, img: document.querySelector('img')! };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('BadgeHost', () => {
  it('sits right after its image, in the image parent', () => {
    const { img } = photo();
    const b = new BadgeHost(img, img.src);
    expect(b.host.localName).toBe(HOST_TAG);
    expect(b.host.parentElement).toBe(img.parentElement);
    expect(img.nextElementSibling).toBe(b.host);
    expect(b.host.style.getPropertyValue('position')).toBe('absolute');
  });

  it('joins the slot its image (or its <picture>) is slotted into, so a component draws it', () => {
    document.body.innerHTML = '<x-media><picture slot="media"><img src="https://i.redd.it/a.jpg"></picture></x-media>';
    const img = document.querySelector('img')!;
    const b = new BadgeHost(img, img.src);
    expect(b.host.previousElementSibling).toBe(img.parentElement);
    expect(b.host.getAttribute('slot')).toBe('media');
  });

  it('carries the test contract through checking, done and failed', () => {
    const { img } = photo();
    const b = new BadgeHost(img, img.src);
    const h = b.host;
    expect(h.getAttribute('data-dualsight')).toBe('checking');
    expect(h.getAttribute('data-dualsight-src')).toBe(img.src);
    b.show({ kind: 'done', verdict });
    expect(h.getAttribute('data-dualsight')).toBe('done');
    expect(h.getAttribute('data-dualsight-ai')).toBe('0.87');
    expect(h.getAttribute('data-dualsight-objects')).toBe('person,dog,car,kite,bench');
    expect(h.getAttribute('aria-label')).toBe('DualSight: likely AI-generated (AI score 87%); objects: person, dog, car');
    b.show({ kind: 'failed', error: 'HTTP 404' });
    expect(h.getAttribute('data-dualsight')).toBe('failed');
    expect(h.getAttribute('data-dualsight-error')).toBe('HTTP 404');
    expect(h.hasAttribute('data-dualsight-ai')).toBe(false);
  });

  it('renders a focusable badge and a card with every object, the model, time and provenance', () => {
    const { img } = photo();
    const b = new BadgeHost(img, img.src);
    b.show({ kind: 'done', verdict });
    const root = b.root;
    const badge = root.querySelector('button.badge') as HTMLButtonElement;
    expect(badge.textContent).toBe('Likely AI 87% · person, dog, car');
    expect(badge.getAttribute('aria-haspopup')).toBe('dialog');
    const card = root.getElementById('card')!;
    expect(card.getAttribute('popover')).toBe('auto');
    // Built when opened.
    expect(card.textContent).toBe('');
    const show = vi.fn();
    Object.assign(card, { showPopover: show }); // happy-dom has no popover API
    badge.click();
    expect(show).toHaveBeenCalledOnce();
    const text = card.textContent!;
    for (const s of ['person — 90%', 'bench — 50%', 'dualsight-lite@1.0.0', '340 ms', 'EXIF: Canon EOS R5', 'estimate']) expect(text).toContain(s);
    expect(text).not.toContain('No C2PA'); // an absence is not evidence
  });

  it("shows the user's mark at the top of the card, which a page-drawn card cannot know", () => {
    const { img } = photo();
    const b = new BadgeHost(img, img.src);
    b.setMark('🦊🍋');
    b.show({ kind: 'done', verdict });
    const card = b.root.getElementById('card')!;
    Object.assign(card, { showPopover: vi.fn() });
    (b.root.querySelector('button.badge') as HTMLButtonElement).click();
    expect(card.firstElementChild?.textContent).toBe('Your DualSight mark: 🦊🍋');
  });

  it('keeps its clicks from the page and from a link around the image', () => {
    const { link, img } = photo();
    const pageClick = vi.fn();
    link.addEventListener('click', pageClick);
    const b = new BadgeHost(img, img.src);
    b.show({ kind: 'done', verdict });
    const card = b.root.getElementById('card')!;
    const click = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
    card.dispatchEvent(click);
    expect(pageClick).not.toHaveBeenCalled();
    expect(click.defaultPrevented).toBe(true);
  });

  it('blurs likely-AI images when asked, until revealed', () => {
    const { img } = photo();
    const b = new BadgeHost(img, img.src);
    const cover = b.root.querySelector('button.cover') as HTMLButtonElement;
    b.setBlur(true);
    expect(cover.hidden).toBe(true); // still checking
    b.show({ kind: 'done', verdict });
    expect(cover.hidden).toBe(false);
    cover.click();
    expect(cover.hidden).toBe(true);
    b.show({ kind: 'done', verdict: { ...verdict, ai: { probability: 0.1, verdict: 'real' } } });
    expect(cover.hidden).toBe(true);
  });

  it('goes away with remove()', () => {
    const { img } = photo();
    const b = new BadgeHost(img, img.src);
    b.remove();
    expect(document.querySelector(HOST_TAG)).toBeNull();
  });
});
