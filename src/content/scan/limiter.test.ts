import { describe, expect, it } from 'vitest';
import { Limiter } from './limiter';

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
});
