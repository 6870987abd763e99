// Optimisations prototyped in bench-only builds: each swaps one module the extension imports
// ("importing file:import path" -> replacement file), so src/ stays as it is. An `offscreen` prototype
// is measured on the same images checked from the service worker; a `feed` prototype (content script)
// on the same feed scrolled at a reader's pace and at full speed. A prototype may also stand for the
// code before an optimisation that src/ now has (its description starts "before:"), so both stay measurable in one run.

export interface Prototype {
  name: string;
  description: string;
  kind: 'offscreen' | 'feed';
  replace: Record<string, string>;
  define?: Record<string, string>;
}

export const PROTOTYPES: Prototype[] = [
  {
    name: 'no-withdraw',
    description: 'before: a feed check waiting for its turn stays queued after its image scrolled away',
    kind: 'feed',
    replace: { 'src/content/index.ts:./scan/checker': 'bench/prototypes/no-withdraw.ts' },
  },
  {
    name: 'anchor-placement',
    description: 'before: badges follow their image with CSS anchor positioning instead of copying its box',
    kind: 'feed',
    replace: { 'src/content/badge/badge-host.ts:./placement': 'bench/prototypes/anchor-placement.ts' },
  },
  {
    name: 'second-decode-thumbnail',
    description: 'before: the history thumbnail came from a second decode of the image',
    kind: 'offscreen',
    replace: { 'src/offscreen/check-host.ts:./decode': 'bench/prototypes/second-decode-thumbnail.ts' },
  },
  ...(['medium', 'high'] as const).map((quality) => ({
    name: `decode-at-model-size-${quality}`,
    description: `decoded by the browser straight to 512x512 (createImageBitmap resize, resizeQuality "${quality}") instead of full size + PIL-exact JS resample`,
    kind: 'offscreen' as const,
    replace: { 'src/offscreen/check-host.ts:./decode': 'bench/prototypes/decode-at-model-size.ts' },
    define: { __BENCH_RESIZE_QUALITY__: JSON.stringify(quality) },
  })),
];
