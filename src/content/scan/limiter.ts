// At most `max` checks in flight per tab. The background queues inference anyway; holding the rest here
// keeps each request's timeout about its own image, not about a whole feed's worth queued before it.
// Three lanes, served in this order:
// - urgent: a user's right-clicks, first come first served;
// - feed: checks of images near the viewport, newest first (the image that came near the viewport last
//   is the one the reader is looking at);
// - backlog: feed checks whose image scrolled away before their turn (issue 11: withdrawing them left
//   every image that scrolled by during the 5–9 s cold start unbadged). They run only when nothing waits
//   in the other lanes, newest first (nearest to where the reader is), in at most `backlogSlots` slots so
//   that an image coming into view waits behind few off-screen checks in the background's single
//   inference queue. The lane is bounded: past `backlogMax`, the oldest is withdrawn.
// A waiting check whose signal aborts is withdrawn: it gives up its place and never runs.

/** What `run` rejects with when the task is withdrawn before it started. */
export class Withdrawn extends Error {
  constructor() {
    super('withdrawn before it started');
    this.name = 'Withdrawn';
  }
}

type Lane = 'urgent' | 'feed' | 'backlog';

interface Waiter {
  lane: Lane;
  start: () => void;
  withdraw: () => void;
}

/** A feed check's handle, by which it is moved to the backlog and back while it waits. */
export class Place {
  /** Set while the task waits; cleared when it starts or is withdrawn. */
  waiter?: Waiter;
}

export interface RunOptions {
  urgent?: boolean;
  /** Aborting it withdraws the task if it has not started. */
  signal?: AbortSignal;
  /** Lets `defer` and `resume` find the waiting task. */
  place?: Place;
}

export class Limiter {
  private running = 0;
  private backlogRunning = 0;
  private readonly urgent: Waiter[] = [];
  /** Newest last: served from the end. */
  private readonly feed: Waiter[] = [];
  /** Newest last: served from the end, trimmed from the start. */
  private readonly backlog: Waiter[] = [];

  constructor(
    private readonly max: number,
    private readonly backlogMax = 100,
    private readonly backlogSlots = 1,
  ) {}

  /** Checks waiting for a slot, in every lane. */
  get waiting(): number {
    return this.urgent.length + this.feed.length + this.backlog.length;
  }

  /** Checks waiting in the backlog. */
  get deferred(): number {
    return this.backlog.length;
  }

  /** Runs `task` when a slot is free; if it is withdrawn first, rejects with `Withdrawn` and the task never runs. */
  async run<T>(task: () => Promise<T>, opts: RunOptions = {}): Promise<T> {
    const { urgent = false, signal, place } = opts;
    if (signal?.aborted) throw new Withdrawn();
    const lane = await this.admit(urgent ? 'urgent' : 'feed', signal, place);
    try {
      return await task();
    } finally {
      this.running--;
      if (lane === 'backlog') this.backlogRunning--;
      this.pump();
    }
  }

  /** The image left the viewport: its waiting feed check moves to the backlog. False if it is not waiting in the feed lane. */
  defer(place: Place): boolean {
    const w = place.waiter;
    if (!w || w.lane !== 'feed' || !remove(this.feed, w)) return false;
    w.lane = 'backlog';
    this.backlog.push(w);
    while (this.backlog.length > this.backlogMax) this.backlog.shift()!.withdraw();
    this.pump(); // a slot kept free for the feed lane may now go to the backlog
    return true;
  }

  /** The image is near the viewport again: its deferred check goes back to the feed lane, as the newest. */
  resume(place: Place): boolean {
    const w = place.waiter;
    if (!w || w.lane !== 'backlog' || !remove(this.backlog, w)) return false;
    w.lane = 'feed';
    this.feed.push(w);
    return true;
  }

  /** Resolves with the lane the task starts from, once it holds a slot. */
  private admit(lane: Lane, signal?: AbortSignal, place?: Place): Promise<Lane> {
    return new Promise<Lane>((resolve, reject) => {
      const onAbort = (): void => {
        if (remove(this.queue(w.lane), w)) w.withdraw();
      };
      const w: Waiter = {
        lane,
        start: () => {
          settle();
          resolve(w.lane);
        },
        withdraw: () => {
          settle();
          reject(new Withdrawn());
        },
      };
      const settle = (): void => {
        signal?.removeEventListener('abort', onAbort);
        if (place?.waiter === w) place.waiter = undefined;
      };
      if (place) place.waiter = w;
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue(lane).push(w);
      this.pump();
    });
  }

  /** Starts waiting tasks while slots are free: urgent, then feed, then backlog within its slots. */
  private pump(): void {
    while (this.running < this.max) {
      const backlogFree = this.backlogRunning < this.backlogSlots;
      const next = this.urgent.shift() ?? this.feed.pop() ?? (backlogFree ? this.backlog.pop() : undefined);
      if (!next) return;
      this.running++;
      if (next.lane === 'backlog') this.backlogRunning++;
      next.start();
    }
  }

  private queue(lane: Lane): Waiter[] {
    return lane === 'urgent' ? this.urgent : lane === 'feed' ? this.feed : this.backlog;
  }
}

function remove<T>(list: T[], item: T): boolean {
  const i = list.indexOf(item);
  if (i < 0) return false;
  list.splice(i, 1);
  return true;
}
