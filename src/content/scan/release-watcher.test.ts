// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../shared/verdict';
import { ImageChecker, type CheckRequest } from './checker';
import { ReleaseWatcher } from './release-watcher';

const ok: CheckResult = { ok: true, ai: { probability: 0.1, verdict: 'real' }, objects: [], model: 'm@1', backend: 'wasm', modelMs: 1, ms: 2 };

/** A content script on a site without auto-scan: only right-click checks, released by the watcher. */
function setup() {
  const asked: CheckRequest[] = [];
  const cancelled: string[] = [];
  const checker = new ImageChecker(async (req) => (asked.push(req), ok), () => location.href, undefined, (u) => cancelled.push(u));
  const frames: (() => void)[] = [];
  const watcher = new ReleaseWatcher(checker, document, (cb) => frames.push(cb));
  /** Lets the observer's records arrive, then runs the frame it scheduled. */
  const nextFrame = async () => {
    await new Promise((r) => setTimeout(r, 0));
    for (const f of frames.splice(0)) f();
  };
  return { checker, watcher, nextFrame, cancelled };
}

function rightClicked(src: string): HTMLImageElement {
  const div = document.createElement('div');
  div.innerHTML = `<img src="${src}">`;
  document.body.append(div);
  return div.querySelector('img')!;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('ReleaseWatcher (right-click badges where the feed scanner does not run)', () => {
  it('releases the badge of an image that left the document, then stops watching', async () => {
    const { checker, watcher, nextFrame } = setup();
    const img = rightClicked('https://example.org/a.jpg');
    await checker.check(img, img.src, 'context-menu');
    watcher.watch();
    expect(checker.badgeCount).toBe(1);
    expect(document.querySelectorAll('dualsight-badge')).toHaveLength(1);
    img.parentElement!.remove();
    await nextFrame();
    expect(checker.badgeCount).toBe(0);
    expect(checker.checkedUrl(img)).toBeUndefined();
    expect(watcher.watching).toBe(false);
  });

  it('keeps the badge of an image the page moved to another container', async () => {
    const { checker, watcher, nextFrame } = setup();
    const img = rightClicked('https://example.org/b.jpg');
    await checker.check(img, img.src, 'context-menu');
    watcher.watch();
    const elsewhere = document.createElement('section');
    document.body.append(elsewhere);
    elsewhere.append(img); // a move: removed, inserted in the same task
    await nextFrame();
    expect(checker.badgeCount).toBe(1);
    expect(checker.checkedUrl(img)).toBe(img.src);
    expect(watcher.watching).toBe(true);
  });

  it('ignores removals that are not the images it holds', async () => {
    const { checker, watcher, nextFrame } = setup();
    const img = rightClicked('https://example.org/c.jpg');
    await checker.check(img, img.src, 'context-menu');
    watcher.watch();
    const other = document.createElement('p');
    document.body.append(other);
    other.remove();
    await nextFrame();
    expect(checker.badgeCount).toBe(1);
  });
});
