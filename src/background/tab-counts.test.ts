import { describe, expect, it, vi } from 'vitest';
vi.mock('webextension-polyfill', () => ({ default: {} }));
import type { CheckResult } from '../shared/verdict';
import { counted, toolbarBadge } from './tab-counts';

const r = (verdict: 'ai' | 'unsure' | 'real', declared: 'ai' | 'camera' | null = null): CheckResult => ({
  ok: true, ai: { probability: 0.5, verdict }, objects: [], model: 'm@1', backend: 'wasm', modelMs: 1, ms: 1, provenance: { declared, signals: [] },
});

describe('tab counts', () => {
  it('counts every finished check, and as AI the likely-AI and declared-AI ones', () => {
    let c = { checked: 0, ai: 0 };
    for (const x of [r('ai'), r('real'), r('unsure'), r('real', 'ai'), { ok: false as const, error: 'x' }]) c = counted(c, x);
    expect(c).toEqual({ checked: 5, ai: 2 });
  });

  it('shows the likely-AI count on the icon, red when any, with both counts in the tooltip', () => {
    expect(toolbarBadge({ checked: 0, ai: 0 }).text).toBe('');
    expect(toolbarBadge({ checked: 12, ai: 0 })).toMatchObject({ text: '0', color: '#137333' });
    expect(toolbarBadge({ checked: 12, ai: 3 })).toEqual({
      text: '3', color: '#c5221f', title: 'DualSight: 12 images checked in this tab since the page loaded, 3 likely AI or declared AI',
    });
  });
});
