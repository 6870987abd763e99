"""Codec-only baseline (issue 10): can the class be told from how the file is stored, without looking at
what is pictured? Features per image as stored: file size, bytes per pixel, width, height, aspect,
JPEG quantisation (luma and chroma table means), chroma subsampling and 8x8 blockiness. A logistic
regression on them, 5-fold CV over train images and once on val. A score well above 50% would mean the
data has a shortcut (the dataset was normalised to prevent one: README "every image was normalised").

Writes .cache/model/codec.json. Usage: /usr/bin/python3 tools/model/codec_baseline.py
"""
import json
import os
import sys

import numpy as np
from PIL import Image

sys.path.insert(0, os.path.dirname(__file__))
from cache import CACHE_DIR, load_manifest  # noqa: E402
from heads import Design, fit  # noqa: E402
from metrics import rates, roc_auc  # noqa: E402

NAMES = ['log_bytes', 'bytes_per_pixel', 'width', 'height', 'aspect', 'q_luma', 'q_chroma', 'subsampling', 'blockiness']


def codec_features(path):
    size = os.path.getsize(path)
    with Image.open(path) as im:
        w, h = im.size
        q = getattr(im, 'quantization', None) or {}
        luma = float(np.mean(q[0])) if 0 in q else 0.0
        chroma = float(np.mean(q[1])) if 1 in q else 0.0
        try:
            from PIL import JpegImagePlugin
            sub = float(JpegImagePlugin.get_sampling(im)) if im.format == 'JPEG' else -1.0
        except Exception:  # noqa: BLE001 - not a JPEG or no sampling info
            sub = -1.0
        g = np.asarray(im.convert('L'), dtype=np.float32)
    # Blockiness: mean step across 8-pixel column/row boundaries over the mean step elsewhere.
    dx = np.abs(np.diff(g, axis=1))
    dy = np.abs(np.diff(g, axis=0))
    at_x = dx[:, 7::8].mean() if dx.shape[1] > 8 else 0.0
    at_y = dy[7::8, :].mean() if dy.shape[0] > 8 else 0.0
    blockiness = float((at_x + at_y) / (dx.mean() + dy.mean() + 1e-6))
    return [np.log(size), size / (w * h), w, h, w / h, luma, chroma, sub, blockiness]


def main():
    rows = [r for r in load_manifest().values()]
    cached = os.path.join(CACHE_DIR, 'codec-features.npz')
    files = np.array([r['file'] for r in rows])
    if os.path.exists(cached) and np.array_equal(np.load(cached)['files'], files):
        x = np.load(cached)['x']
    else:
        x = np.array([codec_features(r['path']) for r in rows], dtype=np.float64)
        np.savez(cached, files=files, x=x)
    y = np.array([r['label'] == 'ai' for r in rows], dtype=np.int64)
    split = np.array([r['split'] for r in rows])
    group = np.array([r['group'] for r in rows])
    tr, va = np.flatnonzero(split == 'train'), np.flatnonzero(split == 'val')
    # Balanced class weights; folds dealt per group so a group's images stay together in a fold.
    w = np.where(y == 1, 0.5 / max(1, y[tr].sum()), 0.5 / max(1, (1 - y[tr]).sum())) * len(tr)
    rng = np.random.default_rng(7)
    fold = np.zeros(len(rows), dtype=int)
    for g in np.unique(group[tr]):
        idx = tr[group[tr] == g]
        rng.shuffle(idx)
        fold[idx] = (np.arange(len(idx)) + rng.integers(5)) % 5
    design = Design('codec-lr', 'codec', None, l2=1e-3)

    def evaluate(cols):
        oof = np.zeros(len(rows))
        for f in range(5):
            fit_idx, held = tr[fold[tr] != f], tr[fold[tr] == f]
            oof[held] = fit(design, x[fit_idx][:, cols], y[fit_idx], w[fit_idx], seed=f).logit(x[held][:, cols])
        s_val = fit(design, x[tr][:, cols], y[tr], w[tr], seed=0).logit(x[va][:, cols])
        # Balanced class weights put the decision at logit 0.
        return {'features': [NAMES[c] for c in cols],
                'cv': {**rates(y[tr], oof[tr], 0.0), 'auc': roc_auc(y[tr], oof[tr])},
                'val': {**rates(y[va], s_val, 0.0), 'auc': roc_auc(y[va], s_val)}}

    geometry = [NAMES.index(n) for n in ('width', 'height', 'aspect')]
    out = {'images': {'train': int(len(tr)), 'val': int(len(va))},
           'all': evaluate(list(range(len(NAMES)))),
           'geometry': evaluate(geometry),
           'without_geometry': evaluate([c for c in range(len(NAMES)) if c not in geometry])}
    with open(os.path.join(CACHE_DIR, 'codec.json'), 'w') as f:
        json.dump(out, f, indent=1)
    for k in ('all', 'geometry', 'without_geometry'):
        print(f"codec-only baseline ({k}): CV balanced {out[k]['cv']['balanced_acc']:.3f} (AUC {out[k]['cv']['auc']:.3f}), "
              f"val balanced {out[k]['val']['balanced_acc']:.3f} (AUC {out[k]['val']['auc']:.3f})")


if __name__ == '__main__':
    main()
