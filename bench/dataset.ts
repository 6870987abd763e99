// The real pictures the bench shows: validation images of ../shared/datasets/ai-vs-real, read at run
// time (never copied), both classes interleaved, at least 200 px on each side like a feed photo.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { datasetDir } from '../tools/shared-dir.mjs';

export interface BenchImage {
  file: string;
  label: 'ai' | 'real';
  width: number;
  height: number;
}

export const DATASET_DIR = datasetDir;

export function benchImages(count: number): BenchImage[] {
  const [header, ...rows] = readFileSync(join(DATASET_DIR, 'manifest.csv'), 'utf8').trim().split('\n');
  const cols = header!.split(',');
  const at = (f: string[], name: string): string => f[cols.indexOf(name)]!;
  const byLabel: Record<'ai' | 'real', BenchImage[]> = { ai: [], real: [] };
  for (const row of rows) {
    const f = row.split(',');
    const width = Number(at(f, 'width'));
    const height = Number(at(f, 'height'));
    if (at(f, 'split') !== 'val' || !(width >= 200 && height >= 200)) continue;
    const label = at(f, 'label') as 'ai' | 'real';
    byLabel[label].push({ file: join(DATASET_DIR, 'images', label, at(f, 'file')), label, width, height });
  }
  const out: BenchImage[] = [];
  for (let i = 0; out.length < count && (i < byLabel.ai.length || i < byLabel.real.length); i++) {
    for (const label of ['ai', 'real'] as const) if (byLabel[label][i] && out.length < count) out.push(byLabel[label][i]!);
  }
  if (out.length === 0) throw new Error(`no images in ${DATASET_DIR}`);
  return out;
}
