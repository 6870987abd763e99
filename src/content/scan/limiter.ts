// At most `max` checks in flight per tab. The background queues inference anyway; holding the rest here
// keeps each request's timeout about its own image, not about a whole feed's worth queued before it.

export class Limiter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly max: number) {}

  /** Runs `task` when a slot is free; `urgent` tasks (a user's right-click) go to the front of the line. */
  async run<T>(task: () => Promise<T>, urgent = false): Promise<T> {
    if (this.running >= this.max) {
      await new Promise<void>((resolve) => (urgent ? this.waiting.unshift(resolve) : this.waiting.push(resolve)));
    } else {
      this.running++;
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next(); // the slot passes straight to the next task
      else this.running--;
    }
  }
}
