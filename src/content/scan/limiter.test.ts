import { describe, expect, it } from 'vitest';
import { Limiter, Withdrawn } from './limiter';

describe('Limiter', () => {
  it('runs at most `max` at once, right-clicks first, then the newest feed checks', async () => {
    const limiter = new Limiter(1);
    const order: string[] = [];
    let release!: () => void;
    const first = limiter.run(() => new Promise<void>((r) => (release = r)).then(() => void order.push('first')));
    const runs = [
      limiter.run(async () => void order.push('feed-1')),
      limiter.run(async () => void order.push('feed-2')),
      limiter.run(async () => void order.push('click'), true),
      limiter.run(async () => void order.push('feed-3')),
    ];
    await Promise.resolve();
    expect(order).toEqual([]);
    release();
    await Promise.all([first, ...runs]);
    expect(order).toEqual(['first', 'click', 'feed-3', 'feed-2', 'feed-1']);
  });

  it('withdraws a waiting task when its signal aborts: it never runs and its place goes to the next', async () => {
    const limiter = new Limiter(1);
    const order: string[] = [];
    let release!: () => void;
    const first = limiter.run(() => new Promise<void>((r) => (release = r)));
    const gone = new AbortController();
    const withdrawn = limiter.run(async () => void order.push('withdrawn'), false, gone.signal);
    const kept = limiter.run(async () => void order.push('kept'));
    expect(limiter.waiting).toBe(2);
    gone.abort();
    await expect(withdrawn).rejects.toBeInstanceOf(Withdrawn);
    expect(limiter.waiting).toBe(1);
    release();
    await Promise.all([first, kept]);
    expect(order).toEqual(['kept']);
    // The slot was returned: a new task runs at once.
    await limiter.run(async () => void order.push('after'));
    expect(order).toEqual(['kept', 'after']);
    await expect(limiter.run(async () => 1, false, gone.signal)).rejects.toBeInstanceOf(Withdrawn);
  });
});
