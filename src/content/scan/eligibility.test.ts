import { describe, expect, it } from 'vitest';
import { judgeSize } from './eligibility';
import { FrameQueue } from './frame-queue';

const size = (bw: number, bh: number, nw = 0, nh = 0) => ({ box: { width: bw, height: bh }, natural: { width: nw, height: nh } });

describe('size rule', () => {
  it('skips images under 96 px as laid out or in their own pixels', () => {
    expect(judgeSize(size(500, 280, 320, 240))).toBe('eligible');
    expect(judgeSize(size(70, 52, 320, 240))).toBe('small'); // old Reddit thumbnail
    expect(judgeSize(size(40, 40, 96, 96))).toBe('small'); // avatar
    expect(judgeSize(size(128, 128, 32, 32))).toBe('small'); // upscaled icon
    expect(judgeSize(size(250, 160))).toBe('eligible'); // broken image: its box decides
    expect(judgeSize(size(0, 0))).toBe('no-layout');
  });
});

describe('FrameQueue', () => {
  it('spends a bounded time per frame and collapses repeated keys', () => {
    const frames: (() => void)[] = [];
    let clock = 0;
    const q = new FrameQueue<string>(5, (cb) => frames.push(cb), () => clock);
    const ran: string[] = [];
    for (const k of ['a', 'b', 'a', 'c']) q.push(k, () => { ran.push(k); clock += 3; });
    expect(q.size).toBe(3);
    frames.shift()!();
    expect(ran).toEqual(['a', 'b']); // 6 ms spent: the rest waits for the next frame
    frames.shift()!();
    expect(ran).toEqual(['a', 'b', 'c']);
    expect(frames).toHaveLength(0);
  });
});
