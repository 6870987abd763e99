// Seeded helpers for the synthetic-data generator: every choice comes from one of these, so a seed
// fixes the output. Built on the model build's own PRNG and string hash (../views.mjs).
import { hash32, prng } from '../views.mjs';

export { hash32 };

/** A seeded source of choices. */
export function rng(seed) {
  const r = prng(seed);
  const int = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
  return {
    r,
    int,
    /** Uniform float in [lo, hi). */
    num: (lo, hi) => lo + r() * (hi - lo),
    pick: (arr) => arr[Math.floor(r() * arr.length)],
    chance: (p) => r() < p,
    /** A shuffled copy (Fisher-Yates). */
    shuffle(arr) {
      const a = [...arr];
      for (let i = a.length - 1; i > 0; i--) {
        const j = Math.floor(r() * (i + 1));
        [a[i], a[j]] = [a[j], a[i]];
      }
      return a;
    },
    /** n distinct items (or all when fewer). */
    sample(arr, n) { return this.shuffle(arr).slice(0, n); },
  };
}
