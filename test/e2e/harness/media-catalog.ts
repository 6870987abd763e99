// The images the fixture sites show, named ds01..dsNN so that fixture pages can refer to them on any
// media host (pbs.twimg.com/media/ds01, i.redd.it/ds01.jpeg, ...). Where the project's shared data
// exists they are the first validation images of each class of ../shared/datasets/ai-vs-real, read at
// test time (never copied into the repository); on a fresh clone, pictures the tests draw themselves,
// which exercise the feed just as well (the feed tests ask for verdicts, not for right ones).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { drawImages } from '../../fixtures/drawn-images';
import { datasetDir, hasShared } from '../../shared-data';
import { repoRoot } from './paths';

export interface MediaImage {
  id: string;
  file: string;
  /** Dataset truth; "drawn" for the project's own drawings. */
  label: 'ai' | 'real' | 'drawn';
}

const PER_CLASS = 12;
/** Where the drawings are kept between runs (gitignored). */
export const DRAWN_MEDIA_DIR = join(repoRoot, '.cache/test-media');

let catalog: Promise<Map<string, MediaImage>> | undefined;

const mediaId = (n: number): string => `ds${String(n).padStart(2, '0')}`;

function datasetCatalog(): Map<string, MediaImage> {
  const [header, ...rows] = readFileSync(join(datasetDir, 'manifest.csv'), 'utf8').trim().split('\n');
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
  const out = new Map<string, MediaImage>();
  // Interleave the classes so that any run of ids has both.
  for (let i = 0; i < PER_CLASS; i++) {
    for (const label of ['ai', 'real'] as const) {
      const file = picked[label][i];
      if (!file) continue;
      const id = mediaId(out.size + 1);
      out.set(id, { id, file: join(datasetDir, 'images', label, file), label });
    }
  }
  return out;
}

async function drawnCatalog(): Promise<Map<string, MediaImage>> {
  const files = await drawImages(DRAWN_MEDIA_DIR, 2 * PER_CLASS);
  return new Map(files.map((file, i) => [mediaId(i + 1), { id: mediaId(i + 1), file, label: 'drawn' as const }]));
}

export function mediaCatalog(): Promise<Map<string, MediaImage>> {
  catalog ??= hasShared ? Promise.resolve(datasetCatalog()) : drawnCatalog();
  return catalog;
}
