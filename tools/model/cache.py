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

    def where(self, mask):
        return np.flatnonzero(mask)


def load_manifest():
    with open(os.path.join(DATASET_DIR, 'manifest.csv'), newline='') as f:
        return {r['file']: r for r in csv.DictReader(f)}


def load_views():
    with open(os.path.join(CACHE_DIR, 'index.json')) as f:
        index = json.load(f)
    n, d, k = index['count'], index['featureDim'], index['objectDim']
    feats = np.fromfile(os.path.join(CACHE_DIR, 'features.f32'), dtype='<f4')
    objs = np.fromfile(os.path.join(CACHE_DIR, 'objects.f32'), dtype='<f4')
    if feats.size != n * d or objs.size != n * k:
        raise SystemExit('feature cache is incomplete: run tools/model/extract.mjs')
    rows = load_manifest()
    vs = index['views']
    files = np.array([v['file'] for v in vs])
    ids = {f: i for i, f in enumerate(sorted(rows))}
    col = lambda name: np.array([rows[v['file']][name] for v in vs])
    return Views(
        features=feats.reshape(n, d), objects=objs.reshape(n, k),
        y=(col('label') == 'ai').astype(np.int64), split=col('split'), group=col('group'),
        generator=col('generator'), kind=np.array([v['kind'] for v in vs]), file=files,
        image=np.array([ids[f] for f in files]), index=index, rows=rows)


def load_backbone_meta():
    with open(BACKBONE_JSON) as f:
        return json.load(f)
