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
  private page = new AbortController();
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

  start(): void {
    if (this.running) return;
    this.page = new AbortController();
    this.intersections = new IntersectionObserver((entries) => this.onIntersect(entries), { rootMargin: ROOT_MARGIN });
    this.mutations = new MutationObserver((records) => this.onMutations(records));
    this.mutations.observe(this.doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['src', 'srcset'] });
    this.rescan();
  }

  stop(): void {
    this.mutations?.disconnect();
    this.intersections?.disconnect();
    this.mutations = undefined;
    this.intersections = undefined;
    this.queue.clear();
    this.page.abort();
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
    this.queue.push(RESCAN, () => this.enqueueAll(this.doc));
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
        this.intersections?.unobserve(img);
        continue;
      }
      if (e.isIntersecting) {
        this.checker.backInView(img);
        this.enqueue(img, e.boundingClientRect);
      } else if (!this.checker.leftView(img) && this.checker.checkedUrl(img) !== undefined) this.intersections?.unobserve(img);
    }
  }

  /**
   * Decides what an image needs: wait for its load, drop a badge that no longer matches its URL, skip it,
   * watch it for the viewport (no `box` yet), or check it (`box`: it is near the viewport, this size).
   */
  private process(img: HTMLImageElement, box?: DOMRectReadOnly): void {
    if (!img.isConnected || !this.intersections) return;
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
    if (!box) return this.intersections.observe(img);
    const size = judgeSize({
      box: laidOutBox(img, box),
      natural: { width: img.naturalWidth, height: img.naturalHeight },
    });
    if (size !== 'eligible') return void this.skipped.set(img, raw);
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
