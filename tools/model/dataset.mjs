// Reads the shared data's datasets/ai-vs-real/manifest.csv (tools/shared-dir.mjs says where) (RFC 4180: quoted fields may hold commas).
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { datasetDir } from '../shared-dir.mjs';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DATASET_DIR = datasetDir;
export const CACHE_DIR = join(REPO_ROOT, '.cache/model');
export const BACKBONE_ONNX = join(REPO_ROOT, 'models/_build/centernet-features.onnx');
export const BACKBONE_JSON = join(REPO_ROOT, 'models/_build/centernet-features.json');

/** Parses CSV text into rows of fields. */
export function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}

/** The dataset rows as objects keyed by the header, plus the image's absolute path. */
export function loadDataset(dir = DATASET_DIR) {
  const [header, ...rows] = parseCsv(readFileSync(join(dir, 'manifest.csv'), 'utf8'));
  return rows
    .filter((r) => r.length === header.length)
    .map((r) => {
      const rec = Object.fromEntries(header.map((h, i) => [h, r[i]]));
      rec.path = join(dir, 'images', rec.label, rec.file);
      return rec;
    });
}
