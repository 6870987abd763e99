// The real images the fixture sites show, read at test time from ../shared/datasets/ai-vs-real (never
// copied into the repository): the first validation images of each class, named ds01..dsNN so that
// fixture pages can refer to them on any media host (pbs.twimg.com/media/ds01, i.redd.it/ds01.jpeg, ...).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDir } from './paths';

export interface MediaImage {
  id: string;
  file: string;
  label: 'ai' | 'real';
}

const DATASET = join(sharedDir, 'datasets/ai-vs-real');
const PER_CLASS = 12;

let catalog: Map<string, MediaImage> | undefined;

export function mediaCatalog(): Map<string, MediaImage> {
  if (catalog) return catalog;
  const [header, ...rows] = readFileSync(join(DATASET, 'manifest.csv'), 'utf8').trim().split('\n');
  const cols = header!.split(',');
  const at = (name: string): number => cols.indexOf(name);
  const picked: Record<'ai' | 'real', string[]> = { ai: [], real: [] };
  for (const row of rows) {
    const f = row.split(',');
    const label = f[at('label')] as 'ai' | 'real';
    if (f[at('split')] !== 'val' || picked[label].length >= PER_CLASS) continue;
    if (Number(f[at('width')]) < 200 || Number(f[at('height')]) < 200) continue;
    picked[label].push(f[at('file')]!);
  }
  catalog = new Map();
  // Interleave the classes so that any run of ids has both.
  for (let i = 0; i < PER_CLASS; i++) {
    for (const label of ['ai', 'real'] as const) {
      const file = picked[label][i];
      if (!file) continue;
      const id = `ds${String(catalog.size + 1).padStart(2, '0')}`;
      catalog.set(id, { id, file: join(DATASET, 'images', label, file), label });
    }
  }
  return catalog;
}
