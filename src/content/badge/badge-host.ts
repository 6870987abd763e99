// One badge: a host element beside its image with a shadow root (page CSS cannot reach it, its CSS cannot
// leak; host-element.ts makes the host itself proof against page rules and page custom elements). The
// host carries the test contract (data-dualsight*) and an aria-label summary; the badge is a button that
// opens the detail card as a popover (top layer: never clipped by the feed).
import type { BadgeState } from './badge-state';
import { BADGE_CSS } from './badge-style';
import { ariaSummary, badgeText, toneOf } from './badge-text';
import { placeCardBeside, showCardBeside } from './card-placement';
import { renderCard } from './detail-card';
import { createHostElement } from './host-element';
import { placeOver, type Placement } from './placement';

/** One parsed stylesheet shared by every badge's shadow root (a feed has hundreds of badges). */
let sharedSheet: CSSStyleSheet | null | undefined;

function adoptStyles(root: ShadowRoot): void {
  if (sharedSheet === undefined) {
    try {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(BADGE_CSS);
    } catch {
      sharedSheet = null;
    }
  }
  try {
    if (sharedSheet) {
      root.adoptedStyleSheets = [sharedSheet];
      return;
    }
  } catch {
    // Firefox content scripts cannot hand an isolated-world array to the page's shadow root.
  }
  const style = document.createElement('style');
  style.textContent = BADGE_CSS;
  root.prepend(style);
}

/** Events that must not reach the page's handlers (X opens the photo viewer on click, links navigate). */
const CONTAINED_EVENTS = ['click', 'dblclick', 'auxclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'touchstart', 'touchend', 'keydown', 'keyup', 'contextmenu'];

export class BadgeHost {
  readonly host: HTMLElement;
  /**
   * The badge's closed shadow root: reachable from this content script only (its isolated world), never
   * from page scripts, which see `host.shadowRoot === null` and cannot rewrite what the badge says.
   */
  readonly root: ShadowRoot;
  private readonly badge: HTMLButtonElement;
  private readonly cover: HTMLButtonElement;
  private readonly card: HTMLElement;
  private state: BadgeState = { kind: 'checking' };
  private blurWanted = false;
  private mark = '';
  private revealed = false;
  private readonly placement: Placement;

  constructor(readonly img: HTMLImageElement, readonly url: string) {
    const { host, root } = createHostElement();
    this.host = host;
    this.root = root;
    this.host.setAttribute('role', 'group');
    const frame = document.createElement('div');
    frame.className = 'frame';
    this.cover = document.createElement('button');
    this.cover.className = 'cover';
    this.cover.type = 'button';
    this.cover.hidden = true;
    this.cover.textContent = 'Likely AI-generated — click to show';
    this.cover.addEventListener('click', () => this.reveal());
    this.badge = document.createElement('button');
    this.badge.className = 'badge';
    this.badge.type = 'button';
    this.card = document.createElement('div');
    this.card.className = 'card';
    this.card.id = 'card';
    this.card.setAttribute('popover', 'auto');
    this.card.setAttribute('role', 'dialog');
    // Opened by hand rather than with popovertarget: the image usually sits inside a link, and the
    // click must be cancelled so the page does not navigate (which also cancels popovertarget).
    this.badge.setAttribute('aria-haspopup', 'dialog');
    this.badge.setAttribute('aria-expanded', 'false');
    this.badge.addEventListener('click', () => this.toggleCard());
    this.card.addEventListener('toggle', (e) => this.badge.setAttribute('aria-expanded', String((e as ToggleEvent).newState === 'open')));
    frame.append(this.cover, this.badge, this.card);
    root.append(frame);
    adoptStyles(root);
    for (const type of CONTAINED_EVENTS) this.host.addEventListener(type, (e) => this.contain(e));
    this.placement = placeOver(this.host, img);
    this.render();
  }

  get current(): BadgeState {
    return this.state;
  }

  show(state: BadgeState): void {
    this.state = state;
    this.render();
  }

  /** The user's mark, shown at the top of the card (settings.mark); a page cannot read it. */
  setMark(mark: string): void {
    this.mark = mark;
  }

  /** Blur images judged likely AI (setting "blurAi"); the user can reveal each one. */
  setBlur(wanted: boolean): void {
    this.blurWanted = wanted;
    this.renderCover();
  }

  /** The page moved the image: the badge moves with it (never left beside another image). */
  keepBeside(): void {
    this.placement.keepBeside();
  }

  remove(): void {
    this.placement.stop();
    this.host.remove();
  }

  /** Opens the card next to its badge (the top layer ignores the badge's position), inside the viewport. */
  private toggleCard(): void {
    if (this.card.matches(':popover-open')) {
      this.card.hidePopover();
      return;
    }
    renderCard(this.card, this.state, this.url, this.mark);
    showCardBeside(this.card, this.badge);
  }

  private reveal(): void {
    this.revealed = true;
    this.renderCover();
  }

  private contain(e: Event): void {
    e.stopPropagation();
    // A click anywhere in the badge or card would otherwise activate a link around the image.
    if (e.type === 'click') e.preventDefault();
  }

  private render(): void {
    const s = this.state;
    const h = this.host;
    h.setAttribute('data-dualsight', s.kind);
    h.setAttribute('data-dualsight-src', this.url);
    h.setAttribute('aria-label', ariaSummary(s));
    for (const a of ['data-dualsight-ai', 'data-dualsight-objects', 'data-dualsight-verdict', 'data-dualsight-kind', 'data-dualsight-error']) h.removeAttribute(a);
    if (s.kind === 'done') {
      h.setAttribute('data-dualsight-ai', s.verdict.ai.probability.toFixed(2));
      h.setAttribute('data-dualsight-objects', s.verdict.objects.map((o) => o.label).join(','));
      h.setAttribute('data-dualsight-verdict', toneOf(s));
      if (s.verdict.kind) h.setAttribute('data-dualsight-kind', s.verdict.kind);
    } else if (s.kind === 'failed') {
      h.setAttribute('data-dualsight-error', s.error);
    }
    this.badge.textContent = badgeText(s);
    this.badge.dataset.tone = toneOf(s);
    this.badge.title = s.kind === 'failed' ? `Could not check: ${s.error}` : 'DualSight: details';
    this.badge.setAttribute('aria-label', ariaSummary(s));
    // The card is built when it is opened (most badges are never opened), and kept current while open.
    if (this.card.matches(':popover-open')) {
      renderCard(this.card, s, this.url, this.mark);
      placeCardBeside(this.card, this.badge);
    }
    this.renderCover();
  }

  private renderCover(): void {
    const tone = toneOf(this.state);
    this.cover.hidden = !(this.blurWanted && !this.revealed && (tone === 'ai' || tone === 'declared-ai'));
  }
}
