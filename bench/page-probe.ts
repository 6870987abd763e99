// Instrumentation that runs in the feed page itself (its main world), so that every time is in the
// page's clock: when each photo enters and leaves the viewport (IntersectionObserver, threshold 0,
// no margin), when its badge appears and settles (MutationObserver on data-dualsight), and the page's
// long tasks and long animation frames. The bench reads window.__bench.

export interface ImageTimes {
  /** First time any pixel of the photo was in the viewport. */
  enter?: number;
  /** First time it left the viewport after entering. */
  exit?: number;
  /** Badge host appeared ("checking"). */
  checking?: number;
  /** Badge reached "done" or "failed". */
  settled?: number;
  state?: string;
}

/** A Long Animation Frame over 50 ms, with the scripts that ran in it (sourceURL says whose). */
export interface LongFrame {
  start: number;
  duration: number;
  /** Time from the frame's style-and-layout start, and from its render start, to its end. */
  styleLayoutMs: number;
  renderMs: number;
  scripts: { source: string; invoker: string; duration: number }[];
}

export interface PageRecord {
  images: Record<string, ImageTimes>;
  longTasks: { start: number; duration: number }[];
  longFrames: LongFrame[];
}

/** Serialised into a <script> of the feed page; must not reference anything outside itself. */
export function pageProbe(): void {
  const rec: PageRecord = { images: {}, longTasks: [], longFrames: [] };
  (window as unknown as { __bench: PageRecord }).__bench = rec;
  const times = (url: string | null): ImageTimes => (rec.images[url ?? ''] ??= {});
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) rec.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  // Long Animation Frames (Chromium 123+) name the scripts that ran: the content script is chrome-extension://.
  type Loaf = PerformanceEntry & { renderStart: number; styleAndLayoutStart: number; scripts: { sourceURL: string; invoker: string; duration: number }[] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as Loaf[]) {
      if (e.duration <= 50) continue;
      const end = e.startTime + e.duration;
      rec.longFrames.push({
        start: e.startTime, duration: e.duration,
        styleLayoutMs: e.styleAndLayoutStart > 0 ? end - e.styleAndLayoutStart : 0,
        renderMs: e.renderStart > 0 ? end - e.renderStart : 0,
        scripts: e.scripts.map((x) => ({ source: x.sourceURL, invoker: x.invoker, duration: x.duration })) });
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
  const io = new IntersectionObserver((entries) => {
    for (const e of entries) {
      const t = times((e.target as HTMLImageElement).src);
      if (e.isIntersecting) t.enter ??= e.time;
      else if (t.enter !== undefined) t.exit ??= e.time;
    }
  });
  const mo = new MutationObserver((records) => {
    const now = performance.now();
    for (const m of records) {
      const host = m.target as Element;
      if (!host.hasAttribute('data-dualsight-src')) continue;
      const t = times(host.getAttribute('data-dualsight-src'));
      const state = host.getAttribute('data-dualsight');
      if (state === 'checking') t.checking ??= now;
      else if ((state === 'done' || state === 'failed') && t.settled === undefined) {
        t.settled = now;
        t.state = state;
      }
    }
  });
  document.addEventListener('DOMContentLoaded', () => {
    for (const img of document.querySelectorAll<HTMLImageElement>('[data-testid="tweetPhoto"] img')) io.observe(img);
    mo.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-dualsight'] });
  });
}
