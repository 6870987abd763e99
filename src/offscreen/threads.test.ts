import { describe, expect, it } from 'vitest';
import { wasmThreadsFor } from './threads';

describe('wasmThreadsFor', () => {
  it('leaves one core to the page, and does not cap a many-core laptop at the 2-core rule', () => {
    expect([1, 2, 3, 4, 8, 16].map(wasmThreadsFor)).toEqual([1, 1, 2, 3, 7, 8]);
  });
});
