// Checks one image and shows the result on its badge. Each image remembers the URL its badge speaks
// for; a result arriving after the image moved on to another URL (a recycled feed node, an aborted page)
// is dropped, so a badge never shows another image's verdict. A feed check still waiting for its turn when
// its image scrolls away moves to the limiter's backlog (run when nothing on screen waits) and back to the
// feed lane if the image returns. Only a check the full backlog pushes out is withdrawn: its badge goes,
// and the image is checked when it comes back.
// An image that leaves the document is released (release(), sweep()): its badge, its badge's observers
// and its waiting check go with it (issue 12: 348 detached badge hosts were still held after a feed's
// posts were removed). A check already sent and not yet answered is withdrawn from the background too
// (cancelCheck: the service worker drops it if it is still waiting in its queue).
import type { ContentToBackground, ImageOrigin } from '../../shared/messages';
import type { CheckResult, Verdict } from '../../shared/verdict';
import { BadgeHost } from '../badge/badge-host';
import { Limiter, Place, Withdrawn } from './limiter';

export type CheckRequest = ContentToBackground['check-image']['req'];
export type CheckImage = (req: CheckRequest) => Promise<CheckResult>;
/** Tells the background that a sent check of `url` is no longer wanted (cancel-check). */
export type CancelCheck = (url: string) => void;

interface Tracked {
  url: string;
  badge: BadgeHost;
  /** Aborts the wait for a slot; the request is not sent once this is aborted. */
  wait: AbortController;
  /** Its place in the limiter's lanes while it waits. */
  place: Place;
  /** The request has gone to the background (a right-click counts as sent from the start: never deferred). */
  sent: boolean;
  /** The request is with the background and not answered yet: releasing the image withdraws it there. */
  asking: boolean;
}

const MAX_IN_FLIGHT = 3;

export class ImageChecker {
  private readonly tracked = new WeakMap<HTMLImageElement, Tracked>();
  private readonly badges = new Set<BadgeHost>();
  private blurAi = false;
  private mark = '';

  constructor(
    private readonly checkImage: CheckImage,
    private readonly pageUrl: () => string = () => location.href,
    private readonly limiter = new Limiter(MAX_IN_FLIGHT),
    private readonly cancelCheck: CancelCheck = () => undefined,
  ) {}

  /** The URL this image was checked for (or is being checked for), if any. */
  checkedUrl(img: HTMLImageElement): string | undefined {
    return this.tracked.get(img)?.url;
  }

  /** Badges this checker holds (read-only, for tests of the release of removed images). */
  get badgeCount(): number {
    return this.badges.size;
  }

  /** Checks waiting for a slot (read-only, for tests). */
  get waiting(): number {
    return this.limiter.waiting;
  }

  /** The page moved the image: its badge follows it. */
  keepBeside(img: HTMLImageElement): void {
    this.tracked.get(img)?.badge.keepBeside();
  }

  /** Releases every image no longer in the document (after a rescan, when removals were not walked one by one). */
  sweep(): void {
    for (const b of [...this.badges]) if (!b.img.isConnected) this.forget(b.img);
  }

  /** Badges of images the page moved follow them (the feed scanner does this per image as it processes it). */
  followMoved(): void {
    for (const b of this.badges) if (b.img.isConnected) b.keepBeside();
  }

  /** Drops the image's badge and whatever it was waiting for. */
  forget(img: HTMLImageElement): void {
    const t = this.tracked.get(img);
    if (!t) return;
    t.wait.abort();
    if (t.asking) this.cancelCheck(t.url);
    t.badge.remove();
    this.badges.delete(t.badge);
    this.tracked.delete(img);
  }

  /**
   * The image scrolled away: if its feed check is still waiting for a slot, it moves to the backlog and
   * true is returned (keep watching the image: it is put back in front if it returns). A check already
   * sent, done, or a right-click carries on.
   */
  leftView(img: HTMLImageElement): boolean {
    const t = this.tracked.get(img);
    return t !== undefined && !t.sent && this.limiter.defer(t.place);
  }

  /** The image is near the viewport again: a check of it waiting in the backlog goes back to the front. */
  backInView(img: HTMLImageElement): void {
    const t = this.tracked.get(img);
    if (t && !t.sent) this.limiter.resume(t.place);
  }

  /** The user's mark, shown in every card (settings.mark). */
  setMark(mark: string): void {
    this.mark = mark;
    for (const b of this.badges) if (b.host.isConnected) b.setMark(mark);
  }

  setBlurAi(on: boolean): void {
    this.blurAi = on;
    for (const b of this.badges) {
      if (b.host.isConnected) b.setBlur(on);
      else this.badges.delete(b);
    }
  }

  /**
   * Badges `img` as checking, asks the background about `url` and shows the answer. When `signal` aborts
   * (SPA navigation) before the answer, the badge is removed so that a rescan can check the image again.
   */
  async check(img: HTMLImageElement, url: string, origin: ImageOrigin, signal?: AbortSignal): Promise<void> {
    this.forget(img);
    const badge = new BadgeHost(img, url);
    badge.setBlur(this.blurAi);
    badge.setMark(this.mark);
    const entry: Tracked = { url, badge, wait: new AbortController(), place: new Place(), sent: origin === 'context-menu', asking: false };
    this.tracked.set(img, entry);
    this.badges.add(badge);
    const current = (): boolean => this.tracked.get(img) === entry && !signal?.aborted;
    const onAbort = (): void => {
      if (this.tracked.get(img) === entry && entry.badge.current.kind === 'checking') this.forget(img);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const req: CheckRequest = { url, origin, pageUrl: this.pageUrl(), ...(img.alt ? { alt: img.alt.slice(0, 500) } : {}) };
    let result: CheckResult;
    try {
      result = await this.limiter.run(
        async () => {
          if (!current()) return { ok: false, error: 'superseded' };
          entry.sent = true;
          entry.asking = true;
          try {
            return await this.checkImage(req);
          } finally {
            entry.asking = false;
          }
        },
        { urgent: origin === 'context-menu', signal: entry.wait.signal, place: entry.place },
      );
    } catch (err) {
      // Withdrawn: forgotten already, or pushed out of a full backlog (its badge goes; checked if it returns).
      if (err instanceof Withdrawn) return void (this.tracked.get(img) === entry && this.forget(img));
      result = { ok: false, error: err instanceof Error ? err.message : String(err) };
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
    if (!current()) return;
    badge.show(result.ok ? { kind: 'done', verdict: verdictOf(result) } : { kind: 'failed', error: result.error || 'unknown error' });
  }
}

function verdictOf(result: CheckResult & { ok: true }): Verdict {
  const { ok: _ok, ...verdict } = result;
  return verdict;
}
