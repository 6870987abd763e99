// Reads the shared data's datasets/ai-vs-real/manifest.csv (tools/shared-dir.mjs says where) (RFC 4180: quoted fields may hold commas).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { datasetDir } from '../shared-dir.mjs';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DATASET_DIR = datasetDir;
export const CACHE_DIR = join(REPO_ROOT, '.cache/model');
export const BACKBONE_ONNX = join(REPO_ROOT, 'models/_build/centernet-features.onnx');
export const BACKBONE_JSON = join(REPO_ROOT, 'models/_build/centernet-features.json');
/** The build's own generated images (tools/model/synth/build.mjs), same manifest columns. */
export const SYNTH_DIR = join(CACHE_DIR, 'synth');
/** Row files of the generated set carry this prefix, so their names never meet the shared set's. */
export const SYNTH_PREFIX = 'synth/';

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

/** The rows of one manifest.csv as objects keyed by the header, plus the image's absolute path. */
export function loadManifest(dir, prefix = '') {
  const [header, ...rows] = parseCsv(readFileSync(join(dir, 'manifest.csv'), 'utf8'));
  return rows
    .filter((r) => r.length === header.length)
    .map((r) => {
      const rec = Object.fromEntries(header.map((h, i) => [h, r[i]]));
      rec.path = join(dir, 'images', rec.label, rec.file);
      rec.file = prefix + rec.file;
      return rec;
    });
}

/** The shared dataset's rows, then the build's generated rows when they exist (all train split). */
export function loadDataset(dir = DATASET_DIR, synthDir = SYNTH_DIR) {
  const rows = loadManifest(dir);
  return existsSync(join(synthDir, 'manifest.csv')) ? rows.concat(loadManifest(synthDir, SYNTH_PREFIX)) : rows;
}
