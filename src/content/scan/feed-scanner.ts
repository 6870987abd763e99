// Finds the images of an endless feed and checks each one once it comes near the viewport.
// - One MutationObserver for the whole document, narrowed to childList + src/srcset (observing every
//   attribute is what froze pages for Bitwarden); a burst of mutations falls back to one rescan.
// - One IntersectionObserver with a rootMargin; an image is watched until its check is sent. If it leaves
//   the margin while its check still waits for a slot, the check moves to the backlog (readers scroll past
//   faster than the model runs; the slots go to what is on screen first, then to what scrolled by), and
//   back to the front if the image returns.
// - DOM work is queued and done a bounded slice per frame (FrameQueue).
// - Page work carries an AbortSignal that SPA navigation aborts (navigated()).
// A recycled node (src/srcset swapped) loses its badge at once and is judged again for its new URL.
// Pages change images after they were first seen (issue 12):
// - An image that needs a check is watched afresh (unobserve, observe): observing a target already
//   observed gives no new entry, so an image in view whose src was swapped, or whose entry's task was
//   replaced in the queue by a later one without a box, was otherwise never checked.
// - An image skipped as too small (or not laid out) is watched by a ResizeObserver and judged again once
//   it is large enough (lazy layouts grow 80 x 60 to 400 x 300; a page resizing every frame was judged in
//   a small moment and never again).
// - An image removed from the document is released: its badge, observers and waiting check go.
// - An image moved to another container takes its badge with it.
// - Every image load is heard (one capture listener): the picture an image shows can change with no
//   src/srcset mutation (a new `sizes`, a <source media> or the window's width picking another candidate).
import { isBadgeHost } from '../badge/host-element';
import type { SiteAdapter } from '../sites';
import type { ImageChecker } from './checker';
import { judgeSize } from './eligibility';
import { FrameQueue } from './frame-queue';
import { fetchableUrl, shownUrl } from './image-url';

/** How far outside the viewport an image starts being checked. */
const ROOT_MARGIN = '400px 0px';
/** More mutation records than this at once: rescan the document instead of walking each record. */
const RESCAN_AFTER_RECORDS = 500;
const RESCAN = { task: 'rescan' };

const isImg = (n: Node): n is HTMLImageElement => n.nodeType === Node.ELEMENT_NODE && (n as Element).tagName === 'IMG';

/**
 * The box an image takes. A broken image is laid out as its alt text, so when it is the only element in
 * its wrapper (Reddit's aspect-ratio box, a link) the wrapper's box says how large the picture was meant to be.
 */
function laidOutBox(img: HTMLImageElement, box: DOMRectReadOnly): { width: number; height: number } {
  const broken = img.complete && img.naturalWidth === 0;
  const wrapper = img.parentElement;
  if (!broken || !wrapper || wrapper.childElementCount !== 1) return { width: box.width, height: box.height };
  const r = wrapper.getBoundingClientRect();
  return { width: Math.max(box.width, r.width), height: Math.max(box.height, r.height) };
}

export class FeedScanner {
  private readonly queue = new FrameQueue<object>();
  private mutations?: MutationObserver;
  private intersections?: IntersectionObserver;
  /** Images skipped as too small, watched until they grow. */
  private sizes?: ResizeObserver;
  /** Targets of `intersections` and of `sizes`, so that removed images can be let go. */
  private readonly watched = new Set<HTMLImageElement>();
  private readonly small = new Set<HTMLImageElement>();
  private page = new AbortController();
  /** Lives from start() to stop(): the document's load listener. */
  private listening = new AbortController();
  private waitingForLoad = new WeakSet<HTMLImageElement>();
  /** URL an image was judged not worth checking for (decoration, too small, not http). */
  private readonly skipped = new WeakMap<HTMLImageElement, string>();

  constructor(
    private readonly adapter: SiteAdapter,
    private readonly checker: ImageChecker,
    private readonly doc: Document = document,
  ) {}

  get running(): boolean {
    return this.mutations !== undefined;
  }

  /** Images watched for the viewport and for growth (read-only, for tests of the release of removed images). */
  get observedCount(): number {
    return this.watched.size + this.small.size;
  }

  start(): void {
    if (this.running) return;
    this.page = new AbortController();
    this.intersections = new IntersectionObserver((entries) => this.onIntersect(entries), { rootMargin: ROOT_MARGIN });
    this.sizes = new ResizeObserver((entries) => this.onResize(entries));
    this.mutations = new MutationObserver((records) => this.onMutations(records));
    this.mutations.observe(this.doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['src', 'srcset'] });
    this.listening = new AbortController();
    this.doc.addEventListener('load', (e) => this.onLoad(e), { capture: true, signal: this.listening.signal });
    this.rescan();
  }

  stop(): void {
    this.mutations?.disconnect();
    this.intersections?.disconnect();
    this.sizes?.disconnect();
    this.mutations = undefined;
    this.intersections = undefined;
    this.sizes = undefined;
    this.watched.clear();
    this.small.clear();
    this.queue.clear();
    this.page.abort();
    this.listening.abort();
  }

  /** SPA navigation: abort the old page's work (in-flight checks lose their badge) and scan what is there now. */
  navigated(): void {
    if (!this.running) return;
    this.page.abort();
    this.page = new AbortController();
    this.waitingForLoad = new WeakSet();
    this.queue.clear();
    this.rescan();
  }

  private rescan(): void {
    this.queue.push(RESCAN, () => {
      this.sweep();
      this.enqueueAll(this.doc);
    });
  }

  /** Lets go of every image no longer in the document (a rescan does not walk the removals). */
  private sweep(): void {
    for (const img of [...this.watched, ...this.small]) if (!img.isConnected) this.release(img);
    this.checker.sweep();
  }

  /** The image left the document: its badge, observers and waiting check go. */
  private release(img: HTMLImageElement): void {
    this.unwatch(img);
    this.sizes?.unobserve(img);
    this.small.delete(img);
    this.skipped.delete(img);
    this.checker.forget(img);
  }

  /** Removed nodes are let go a frame later, unless the page put them back (moved them) meanwhile. */
  private released(n: Element): void {
    if (isImg(n)) return void (n.isConnected || this.release(n));
    for (const img of n.querySelectorAll('img')) if (!img.isConnected) this.release(img);
  }

  /** Watches the image for the viewport afresh: an image observed already would get no new entry. */
  private watch(img: HTMLImageElement): void {
    this.intersections?.unobserve(img);
    this.intersections?.observe(img);
    this.watched.add(img);
  }

  private unwatch(img: HTMLImageElement): void {
    this.intersections?.unobserve(img);
    this.watched.delete(img);
  }

  /** Watches an image skipped for its size; it is judged again when it grows (onResize). */
  private watchSize(img: HTMLImageElement): void {
    this.small.add(img);
    this.sizes?.observe(img);
  }

  private enqueueAll(root: ParentNode): void {
    for (const img of root.querySelectorAll('img')) this.enqueue(img);
  }

  private enqueue(img: HTMLImageElement, box?: DOMRectReadOnly): void {
    this.queue.push(img, () => this.process(img, box));
  }

  private onMutations(records: MutationRecord[]): void {
    if (records.length > RESCAN_AFTER_RECORDS) return this.rescan();
    for (const r of records) {
      if (r.type === 'attributes') {
        const t = r.target as Element;
        if (isImg(t)) this.enqueue(t);
        // <source srcset> inside <picture> changes which URL the picture's <img> shows.
        else if (t.tagName === 'SOURCE' && t.parentElement?.tagName === 'PICTURE') {
          const img = t.parentElement.querySelector('img');
          if (img) this.enqueue(img);
        }
        continue;
      }
      for (const n of r.removedNodes) {
        if (n.nodeType !== Node.ELEMENT_NODE || isBadgeHost(n as Element)) continue;
        if (isImg(n) || (n as Element).firstElementChild) this.queue.push({ removed: n }, () => this.released(n as Element));
      }
      for (const n of r.addedNodes) {
        if (n.nodeType !== Node.ELEMENT_NODE || isBadgeHost(n as Element)) continue;
        if (isImg(n)) this.enqueue(n);
        else if ((n as Element).firstElementChild) this.queue.push(n, () => this.enqueueAll(n as Element));
      }
    }
  }

  /**
   * Near the viewport: check it (or put its deferred check back in front). Out of it again: a check still
   * waiting for its turn is deferred and the image stays watched; one sent or done needs no more watching.
   */
  private onIntersect(entries: IntersectionObserverEntry[]): void {
    for (const e of entries) {
      const img = e.target as HTMLImageElement;
      if (!img.isConnected) {
        this.release(img);
        continue;
      }
      if (e.isIntersecting) {
        this.checker.backInView(img);
        this.enqueue(img, e.boundingClientRect);
      } else if (!this.checker.leftView(img) && this.checker.checkedUrl(img) !== undefined) this.unwatch(img);
    }
  }

  /** An image loaded a picture: judged again if it is not the one its badge speaks for. */
  private onLoad(e: Event): void {
    const t = e.target as Node | null;
    if (t && isImg(t)) this.enqueue(t);
  }

  /** An image skipped as too small changed size: once large enough, it is judged again near the viewport. */
  private onResize(entries: ResizeObserverEntry[]): void {
    for (const e of entries) {
      const img = e.target as HTMLImageElement;
      if (!img.isConnected) {
        this.release(img);
        continue;
      }
      const size = judgeSize({
        box: laidOutBox(img, img.getBoundingClientRect()),
        natural: { width: img.naturalWidth, height: img.naturalHeight },
      });
      if (size !== 'eligible') continue;
      this.sizes?.unobserve(img);
      this.small.delete(img);
      this.skipped.delete(img);
      this.enqueue(img);
    }
  }

  /**
   * Decides what an image needs: wait for its load, drop a badge that no longer matches its URL, skip it,
   * watch it for the viewport (no `box` yet), or check it (`box`: it is near the viewport, this size).
   */
  private process(img: HTMLImageElement, box?: DOMRectReadOnly): void {
    if (!img.isConnected || !this.intersections) return;
    this.checker.keepBeside(img);
    const checked = this.checker.checkedUrl(img);
    if (!img.complete) {
      // A new source is loading; currentSrc switches only once it has loaded.
      if (checked !== undefined) this.checker.forget(img);
      return this.afterLoad(img);
    }
    const raw = shownUrl(img);
    if (checked === raw) return;
    if (checked !== undefined) this.checker.forget(img);
    if (this.skipped.get(img) === raw) return;
    const url = fetchableUrl(raw, this.doc.baseURI);
    if (!url || !this.adapter.isContentImage(img, url)) return void this.skipped.set(img, raw);
    if (!box) return this.watch(img);
    const size = judgeSize({
      box: laidOutBox(img, box),
      natural: { width: img.naturalWidth, height: img.naturalHeight },
    });
    if (size !== 'eligible') {
      this.skipped.set(img, raw);
      return this.watchSize(img);
    }
    void this.checker.check(img, raw, 'feed', this.page.signal);
  }

  private afterLoad(img: HTMLImageElement): void {
    if (this.waitingForLoad.has(img)) return;
    const waiting = this.waitingForLoad;
    waiting.add(img);
    const signal = this.page.signal;
    const done = (): void => {
      img.removeEventListener('load', done);
      img.removeEventListener('error', done);
      if (signal.aborted) return;
      waiting.delete(img);
      this.enqueue(img);
    };
    img.addEventListener('load', done, { signal });
    img.addEventListener('error', done, { signal });
  }
}
