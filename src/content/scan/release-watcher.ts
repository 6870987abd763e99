// Releases right-click badges on sites without auto-scan, as the feed scanner releases feed badges: when
// their image leaves the document, its badge, the badge's observers and any check still waiting go
// (issue 12). It watches the document only while the checker holds a badge and the feed scanner, which
// does this itself, is not running, so a site where nothing was right-clicked pays for no observer.
// Removals are judged a frame later: a page that moves an image (remove, then insert) keeps its badge,
// which follows it.
import { isBadgeHost } from '../badge/host-element';
import type { ImageChecker } from './checker';

type Schedule = (cb: () => void) => void;

export class ReleaseWatcher {
  private observer?: MutationObserver;
  private scheduled = false;

  constructor(
    private readonly checker: ImageChecker,
    private readonly doc: Document = document,
    private readonly schedule: Schedule = (cb) => requestAnimationFrame(() => cb()),
  ) {}

  get watching(): boolean {
    return this.observer !== undefined;
  }

  /** Starts watching for removals (a right-click badge was just made); a no-op while watching. */
  watch(): void {
    if (this.observer) return;
    this.observer = new MutationObserver((records) => {
      const removed = records.some((r) => [...r.removedNodes].some((n) => n.nodeType === Node.ELEMENT_NODE && !isBadgeHost(n as Element)));
      if (removed) this.sweepSoon();
    });
    this.observer.observe(this.doc.documentElement, { childList: true, subtree: true });
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }

  private sweepSoon(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule(() => {
      this.scheduled = false;
      this.checker.sweep();
      this.checker.followMoved();
      // Nothing left to release: stop observing until the next right-click.
      if (this.checker.badgeCount === 0) this.stop();
    });
  }
}
