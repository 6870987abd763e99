// Command line of `npm run bench` (scripts/bench.mjs): run sizes, the extension build, the output file.
import { join, resolve } from 'node:path';
import { chromeDist, repoRoot } from '../test/e2e/harness/paths';

export const PHASES = ['cold', 'first-badge', 'feed', 'burst', 'throughput', 'memory', 'content-memory', 'native', 'compare'] as const;
export type Phase = (typeof PHASES)[number];

export interface Sizes {
  coldRepeats: number;
  /** The feed for per-image times and viewport -> badge latency, per thread setting. */
  feedImages: number;
  /** Each of the two throughput feeds (reader's pace, full speed). */
  throughputImages: number;
  /** Images through the offscreen document in the all-threads session, for its memory. */
  memoryImages: number;
  nativeImages: number;
  /** Images per variant in the before/after comparison of offscreen prototypes. */
  compareImages: number;
  /** Images of each feed (reader's pace, full speed) in the comparison of content-script prototypes. */
  compareFeedImages: number;
  /** Wall-clock cap of the memory top-up, ms. */
  memoryBudgetMs: number;
  /** Images in view at once, one cold browser each. */
  bursts: number[];
}

export const FULL: Sizes = { coldRepeats: 3, feedImages: 50, throughputImages: 200, memoryImages: 1000, nativeImages: 30, compareImages: 30, compareFeedImages: 100, memoryBudgetMs: 10 * 60_000, bursts: [40, 100] };
export const QUICK: Sizes = { coldRepeats: 1, feedImages: 16, throughputImages: 40, memoryImages: 120, nativeImages: 8, compareImages: 10, compareFeedImages: 30, memoryBudgetMs: 60_000, bursts: [40] };

export interface BenchArgs {
  quick: boolean;
  sizes: Sizes;
  dist: string;
  phases: Set<Phase>;
  /** JSON output; default bench/results/<date>-<machine>.json. */
  out?: string;
  /** Human pace: ms per screen. */
  screenMs: number;
  /** Prototypes the compare phase measures (default: all). */
  prototypes?: Set<string>;
}

export const USAGE = `npm run bench [-- options]
  --quick            small runs (~3 minutes): ${JSON.stringify(QUICK)}
  --dist DIR         built extension to measure (default: $DUALSIGHT_DIST or dist/chrome)
  --phases a,b       subset of ${PHASES.join(',')} (default: all)
  --screen-ms N      reader's pace: one screen per N ms (default 1500)
  --prototypes a,b   compare phase: only these prototypes (bench/prototypes/index.ts; default: all)
  --out FILE         JSON results (default bench/results/<date>-<machine>.json)`;

export function parseArgs(argv: string[]): BenchArgs {
  if (argv.includes('--help')) {
    console.log(USAGE);
    process.exit(0);
  }
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    if (i < 0) return undefined;
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value\n${USAGE}`);
    return v;
  };
  const known = new Set(['--quick', '--dist', '--phases', '--screen-ms', '--out', '--prototypes', '--help']);
  for (const a of argv) if (a.startsWith('--') && !known.has(a)) throw new Error(`unknown option ${a}\n${USAGE}`);
  const phases = new Set<Phase>();
  for (const p of (value('--phases') ?? PHASES.join(',')).split(',')) {
    if (!(PHASES as readonly string[]).includes(p)) throw new Error(`unknown phase ${p}\n${USAGE}`);
    phases.add(p as Phase);
  }
  const quick = argv.includes('--quick');
  const screenMs = Number(value('--screen-ms') ?? 1500);
  if (!(screenMs > 0)) throw new Error(`--screen-ms must be a positive number\n${USAGE}`);
  const dist = value('--dist');
  return {
    quick,
    sizes: quick ? QUICK : FULL,
    dist: dist ? resolve(dist) : chromeDist,
    phases,
    out: value('--out'),
    screenMs,
    prototypes: value('--prototypes') ? new Set(value('--prototypes')!.split(',')) : undefined,
  };
}

export const resultsDir = join(repoRoot, 'bench/results');
