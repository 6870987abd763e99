// At most `max` checks in flight per tab. The background queues inference anyway; holding the rest here
// keeps each request's timeout about its own image, not about a whole feed's worth queued before it.
// Waiting feed checks start newest first: the image that came near the viewport last is the one the
// reader is looking at. A waiting check can be withdrawn (its image scrolled away): it gives up its place
// and never runs.

/** What `run` rejects with when its signal aborts before the task started. */
export class Withdrawn extends Error {
  constructor() {
    super('withdrawn before it started');
    this.name = 'Withdrawn';
  }
}

export class Limiter {
  private running = 0;
  /** A user's right-clicks, first come first served, ahead of everything else. */
  private readonly urgent: (() => void)[] = [];
  /** Feed checks, served last in first out. */
  private readonly feed: (() => void)[] = [];

  constructor(private readonly max: number) {}

  /** Checks waiting for a slot. */
  get waiting(): number {
    return this.urgent.length + this.feed.length;
  }

  /** Runs `task` when a slot is free; if `signal` aborts first, rejects with `Withdrawn` and the task never runs. */
  async run<T>(task: () => Promise<T>, urgent = false, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) throw new Withdrawn();
    if (this.running >= this.max) await this.wait(urgent ? this.urgent : this.feed, signal);
    else this.running++;
    try {
      return await task();
    } finally {
      const next = this.urgent.shift() ?? this.feed.pop();
      if (next) next(); // the slot passes straight to the next task
      else this.running--;
    }
  }

  private wait(queue: (() => void)[], signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        const i = queue.indexOf(granted);
        if (i >= 0) queue.splice(i, 1);
        reject(new Withdrawn());
      };
      const granted = (): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      queue.push(granted);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}
