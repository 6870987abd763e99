// Queued DOM work done a bounded slice of time per animation frame, so that a feed appending hundreds of
// posts at once never blocks the page (the pattern of Dark Reader's utils/async-queue.ts). Keys collapse
// repeated requests for the same element into one task.

export class FrameQueue<K> {
  private readonly pending = new Map<K, () => void>();
  private scheduled = false;

  constructor(
    private readonly budgetMs = 6,
    private readonly schedule: (cb: () => void) => void = (cb) => requestAnimationFrame(() => cb()),
    private readonly now: () => number = () => performance.now(),
  ) {}

  get size(): number {
    return this.pending.size;
  }

  /** Queues `task` under `key`, replacing a task already queued under it. */
  push(key: K, task: () => void): void {
    this.pending.set(key, task);
    if (!this.scheduled) {
      this.scheduled = true;
      this.schedule(() => this.run());
    }
  }

  clear(): void {
    this.pending.clear();
  }

  private run(): void {
    this.scheduled = false;
    const start = this.now();
    for (const [key, task] of this.pending) {
      this.pending.delete(key);
      try {
        task();
      } catch (err) {
        console.warn('DualSight: queued task failed', err);
      }
      if (this.now() - start >= this.budgetMs) break;
    }
    if (this.pending.size > 0 && !this.scheduled) {
      this.scheduled = true;
      this.schedule(() => this.run());
    }
  }
}
