"""The extracted views (.cache/model/, written by extract.mjs) joined with the dataset manifest."""
import csv
import json
import os
from dataclasses import dataclass

import numpy as np

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
# Overridable so a partial extraction can be tried in a scratch folder without touching the real cache.
CACHE_DIR = os.environ.get('DUALSIGHT_MODEL_CACHE', os.path.join(REPO_ROOT, '.cache', 'model'))
# Same rule as tools/shared-dir.mjs: DUALSIGHT_SHARED, else the shared folder beside the repository.
SHARED_DIR = os.environ.get('DUALSIGHT_SHARED') or os.path.join(REPO_ROOT, '..', 'shared')
DATASET_DIR = os.path.abspath(os.path.join(SHARED_DIR, 'datasets', 'ai-vs-real'))
BACKBONE_JSON = os.path.join(REPO_ROOT, 'models', '_build', 'centernet-features.json')

# The photoreal AI groups the issue singles out (everything else AI is mostly SD 1.x art or too small).
PHOTOREAL_AI_GROUPS = ['dalle3', 'sdxl', 'sd3', 'stylegan']


@dataclass
class Views:
    features: np.ndarray  # (N, D) float32
    objects: np.ndarray  # (N, 80) float32
    y: np.ndarray  # 1 = AI
    split: np.ndarray
    group: np.ndarray
    generator: np.ndarray
    kind: np.ndarray  # clean | web | hard | aug
    file: np.ndarray
    image: np.ndarray  # integer id of the source image (all views of one image share it)
    index: dict
    rows: dict  # file -> manifest row
    image_kind: np.ndarray  # the manifest's kind column (photo, screenshot, chart, meme, ...; '' when unknown)

    def where(self, mask):
        return np.flatnonzero(mask)


SYNTH_DIR = os.path.join(CACHE_DIR, 'synth')
SYNTH_PREFIX = 'synth/'  # the file names of generated rows (tools/model/dataset.mjs does the same)


def _read_manifest(folder, prefix=''):
    with open(os.path.join(folder, 'manifest.csv'), newline='') as f:
        return {prefix + r['file']: {**r, 'file': prefix + r['file'],
                                     'path': os.path.join(folder, 'images', r['label'], r['file'])}
                for r in csv.DictReader(f)}


def load_manifest():
    """The shared dataset's rows and, when the build generated them, its own (keyed by file)."""
    rows = _read_manifest(DATASET_DIR)
    if os.path.exists(os.path.join(SYNTH_DIR, 'manifest.csv')):
        rows.update(_read_manifest(SYNTH_DIR, SYNTH_PREFIX))
    return rows


def load_views():
    with open(os.path.join(CACHE_DIR, 'index.json')) as f:
        index = json.load(f)
    n, d, k = index['count'], index['featureDim'], index['objectDim']
    store = os.path.join(CACHE_DIR, index.get('store', '.'))
    feats = np.fromfile(os.path.join(store, 'features.f32'), dtype='<f4')
    objs = np.fromfile(os.path.join(store, 'objects.f32'), dtype='<f4')
    if feats.size % d or objs.size % k:
        raise SystemExit('feature store is damaged: delete .cache/model/store and run tools/model/extract.mjs')
    feats, objs = feats.reshape(-1, d), objs.reshape(-1, k)
    vs = index['views']
    offsets = np.array([v.get('offset', i) for i, v in enumerate(vs)])
    if len(vs) != n or offsets.max(initial=-1) >= min(len(feats), len(objs)):
        raise SystemExit('feature cache is incomplete: run tools/model/extract.mjs')
    rows = load_manifest()
    files = np.array([v['file'] for v in vs])
    ids = {f: i for i, f in enumerate(sorted(rows))}
    col = lambda name: np.array([rows[v['file']].get(name, '') or '' for v in vs])
    return Views(
        features=feats[offsets], objects=objs[offsets],
        y=(col('label') == 'ai').astype(np.int64), split=col('split'), group=col('group'),
        generator=col('generator'), kind=np.array([v['kind'] for v in vs]), file=files,
        image=np.array([ids[f] for f in files]), index=index, rows=rows, image_kind=col('kind'))


def load_backbone_meta():
    with open(BACKBONE_JSON) as f:
        return json.load(f)
