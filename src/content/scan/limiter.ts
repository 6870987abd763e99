// At most `max` checks in flight per tab. The background queues inference anyway; holding the rest here
// keeps each request's timeout about its own image, not about a whole feed's worth queued before it.
// Waiting feed checks start newest first: the image that came near the viewport last is the one the
// reader is looking at, while older ones have often scrolled past (they still get their turn).

export class Limiter {
  private running = 0;
  /** A user's right-clicks, first come first served, ahead of everything else. */
  private readonly urgent: (() => void)[] = [];
  /** Feed checks, served last in first out. */
  private readonly feed: (() => void)[] = [];

  constructor(private readonly max: number) {}

  async run<T>(task: () => Promise<T>, urgent = false): Promise<T> {
    if (this.running >= this.max) {
      await new Promise<void>((resolve) => (urgent ? this.urgent : this.feed).push(resolve));
    } else {
      this.running++;
    }
    try {
      return await task();
    } finally {
      const next = this.urgent.shift() ?? this.feed.pop();
      if (next) next(); // the slot passes straight to the next task
      else this.running--;
    }
  }
}
