import { describe, expect, it } from 'vitest';
import { Limiter, Place, Withdrawn } from './limiter';

/** A task that finishes when the test says so. */
function held() {
  let release!: () => void;
  const done = new Promise<void>((r) => (release = r));
  return { task: () => done, release };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('Limiter', () => {
  it('runs at most `max` at once, right-clicks first, then the newest feed checks', async () => {
    const limiter = new Limiter(1);
    const order: string[] = [];
    let release!: () => void;
    const first = limiter.run(() => new Promise<void>((r) => (release = r)).then(() => void order.push('first')));
    const runs = [
      limiter.run(async () => void order.push('feed-1')),
      limiter.run(async () => void order.push('feed-2')),
      limiter.run(async () => void order.push('click'), { urgent: true }),
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
    const withdrawn = limiter.run(async () => void order.push('withdrawn'), { signal: gone.signal });
    const kept = limiter.run(async () => void order.push('kept'));
    await flush();
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
    await expect(limiter.run(async () => 1, { signal: gone.signal })).rejects.toBeInstanceOf(Withdrawn);
  });

  it('runs deferred checks (images that scrolled away) after every check of an image in view, newest deferred first', async () => {
    const limiter = new Limiter(1);
    const order: string[] = [];
    const busy = held();
    const first = limiter.run(busy.task);
    const places = { a: new Place(), b: new Place(), c: new Place() };
    const runs = Object.entries(places).map(([name, place]) => limiter.run(async () => void order.push(name), { place }));
    await flush();
    // a and b scrolled away in that order; c is still in view and a new image d comes into view.
    expect(limiter.defer(places.a)).toBe(true);
    expect(limiter.defer(places.b)).toBe(true);
    runs.push(limiter.run(async () => void order.push('d')));
    expect(limiter.deferred).toBe(2);
    busy.release();
    await Promise.all([first, ...runs]);
    expect(order).toEqual(['d', 'c', 'b', 'a']);
    expect(limiter.waiting).toBe(0);
  });

  it('puts a deferred check back in front when its image returns, and defers only what still waits', async () => {
    const limiter = new Limiter(1);
    const order: string[] = [];
    const busy = held();
    const place = new Place();
    const first = limiter.run(busy.task, { place });
    await flush();
    expect(limiter.defer(place)).toBe(false); // running: nothing to defer
    const back = new Place();
    const runs = [limiter.run(async () => void order.push('back'), { place: back }), limiter.run(async () => void order.push('newer'))];
    await flush();
    expect(limiter.defer(back)).toBe(true);
    expect(limiter.resume(back)).toBe(true);
    expect(limiter.resume(back)).toBe(false); // already in front
    busy.release();
    await Promise.all([first, ...runs]);
    expect(order).toEqual(['back', 'newer']);
    expect(limiter.defer(back)).toBe(false); // done
  });

  it('keeps the backlog bounded: the oldest deferred check is withdrawn', async () => {
    const limiter = new Limiter(1, 2);
    const busy = held();
    const first = limiter.run(busy.task);
    const places = [new Place(), new Place(), new Place()];
    const order: number[] = [];
    const runs = places.map((place, i) => limiter.run(async () => void order.push(i), { place }));
    await flush();
    for (const p of places) limiter.defer(p);
    await expect(runs[0]).rejects.toBeInstanceOf(Withdrawn);
    expect(limiter.deferred).toBe(2);
    busy.release();
    await Promise.all([first, runs[1], runs[2]]);
    expect(order).toEqual([2, 1]);
  });

  it('gives the backlog at most `backlogSlots` slots, so an image coming into view starts at once', async () => {
    const limiter = new Limiter(3, 100, 1);
    const started: string[] = [];
    const blockers = [held(), held(), held()];
    const busy = blockers.map((b) => limiter.run(b.task));
    const places = [new Place(), new Place()];
    const deferred = places.map((place, i) => {
      const h = held();
      return { h, run: limiter.run(() => (started.push(`deferred-${i}`), h.task()), { place }) };
    });
    await flush();
    for (const p of places) limiter.defer(p);
    blockers[0]!.release();
    blockers[1]!.release();
    await flush();
    expect(started).toEqual(['deferred-1']); // one backlog slot; the other free slot stays for the feed
    const inView = held();
    const visible = limiter.run(() => (started.push('in-view'), inView.task()));
    await flush();
    expect(started).toEqual(['deferred-1', 'in-view']);
    blockers[2]!.release();
    deferred[1]!.h.release();
    await flush();
    expect(started).toEqual(['deferred-1', 'in-view', 'deferred-0']);
    inView.release();
    deferred[0]!.h.release();
    await Promise.all([...busy, visible, ...deferred.map((d) => d.run)]);
  });
});
