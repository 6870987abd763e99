#!/usr/bin/env node
// Extraction for the trials in this folder (README.md), into .cache/model/trials/ (git-ignored).
//   forensic: the forensic statistics (forensic-features.mjs) of every view the build planned, in index.json order.
//   crops:    backbone features of five 80%-side crops (centre, four corners; no recompression) of every val image
//             and of every image of the ten largest AI families (leave-one-generator-out needs them).
// Run after `npm run model` (it needs .cache/model/index.json and models/_build/).
// Usage: node tools/model/trials/extract.mjs forensic|crops
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import sharp from 'sharp';
import { CACHE_DIR, loadDataset } from '../dataset.mjs';
import { planViews } from '../views.mjs';
import { renderView } from '../render.mjs';
import { createSession, inputSpec, readBackbone } from '../backbone.mjs';
import { importShared } from '../shared-code.mjs';
import { FORENSIC_DIM, FORENSIC_GROUPS, forensicFeatures } from './forensic-features.mjs';

const OUT = join(CACHE_DIR, 'trials');
const CROP_SIDE = 0.8;
const which = process.argv[2];
mkdirSync(OUT, { recursive: true });
const rows = loadDataset();
const t0 = performance.now();

if (which === 'forensic') {
  const index = JSON.parse(readFileSync(join(CACHE_DIR, 'index.json'), 'utf8'));
  const views = planViews(rows, index.views.filter((v) => v.kind === 'aug').length / rows.filter((r) => r.split === 'train').length);
  views.forEach((v, i) => {
    if (rows[v.row].file !== index.views[i]?.file || v.kind !== index.views[i].kind) throw new Error(`view ${i} is not the one index.json holds: run npm run model first`);
  });
  const out = new Float32Array(views.length * FORENSIC_DIM);
  const ahead = [];
  let next = 0;
  const fill = () => { while (ahead.length < 4 && next < views.length) { const v = views[next++]; ahead.push(renderView(rows[v.row].path, v)); } };
  fill();
  for (let i = 0; i < views.length; i++) {
    const img = await ahead.shift();
    fill();
    out.set(forensicFeatures(img), i * FORENSIC_DIM);
  }
  writeFileSync(join(OUT, 'forensic.f32'), Buffer.from(out.buffer));
  writeFileSync(join(OUT, 'forensic.json'), JSON.stringify({ dim: FORENSIC_DIM, groups: FORENSIC_GROUPS, count: views.length }));
} else if (which === 'crops') {
  const { modelPixels, toTensorData, tensorDims } = await importShared('preprocess');
  const backbone = readBackbone();
  const spec = inputSpec(backbone.meta);
  const session = await createSession(ort, backbone.bytes, 2);
  const D = backbone.meta.outputs.features.shape[1];
  const counts = new Map();
  for (const r of rows) if (r.label === 'ai' && !r.file.startsWith('synth/')) counts.set(r.group, (counts.get(r.group) ?? 0) + 1);
  const families = new Set([...counts].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([g]) => g));
  const pick = rows.filter((r) => r.split === 'val' || (r.label === 'ai' && families.has(r.group)));
  const out = [];
  for (const r of pick) {
    const { width, height } = await sharp(r.path).metadata();
    const cw = Math.round(width * CROP_SIDE), ch = Math.round(height * CROP_SIDE);
    const corners = [[(width - cw) >> 1, (height - ch) >> 1], [0, 0], [width - cw, 0], [0, height - ch], [width - cw, height - ch]];
    for (const [left, top] of corners) {
      const img = await renderView(r.path, { kind: 'aug', aug: { crop: { left, top, width: cw, height: ch }, resize: null, format: null } });
      const res = await session.run({ [spec.name]: new ort.Tensor('float32', toTensorData(modelPixels(img, spec), spec), tensorDims(spec)) });
      out.push(Buffer.from(Float32Array.from(res.features.data).buffer));
    }
  }
  writeFileSync(join(OUT, 'crops.f32'), Buffer.concat(out));
  writeFileSync(join(OUT, 'crops.json'), JSON.stringify({ files: pick.map((r) => r.file), crops: 5, dim: D, backboneSha256: backbone.sha256 }));
} else {
  console.error('usage: node tools/model/trials/extract.mjs forensic|crops');
  process.exit(2);
}
console.log(`trials/${which}: ${((performance.now() - t0) / 1000).toFixed(0)} s`);
