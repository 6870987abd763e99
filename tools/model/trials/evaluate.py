#!/usr/bin/env python3
"""Scores the trials of this folder (README.md) with the build's own protocol (tools/model/train.py): the
chosen design (MLP 744->128), 5-fold out-of-fold calibration and thresholds on train, the kind gate, val
figures as users see them, and leave-one-generator-out over the ten largest AI families.

  forensic   the detector's features alone, the forensic statistics alone, both, and both without the
             co-occurrence group
  crops      one pass (the product) against logits averaged over the whole picture and 80%-side crops

Usage: /usr/bin/python3 tools/model/trials/evaluate.py forensic|crops   (after tools/model/trials/extract.mjs)
"""
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..'))
import train as T  # noqa: E402
from cache import CACHE_DIR, load_views  # noqa: E402
from heads import Design, fit  # noqa: E402
from kinds import gated  # noqa: E402
from metrics import roc_auc, threshold_for_real_accuracy  # noqa: E402

TRIALS = os.path.join(CACHE_DIR, 'trials')
NEW_SOURCES = ['gpt-image', 'nano-banana', 'midjourney']


def setup(v):
    tr = np.flatnonzero((v.split == 'train') & np.isin(v.kind, ['clean', 'aug']))
    folds = T.image_folds(v, tr, T.FOLDS, T.SEED)
    val = {k: np.flatnonzero((v.split == 'val') & (v.kind == k)) for k in ('clean', 'web', 'hard')}
    _, unscored_at, kind_probs, _ = T.kind_stage(v, tr, folds, val)  # the gate always reads the detector's features
    return tr, folds, val, {k: gated(kind_probs[k], unscored_at) for k in val}


def line(name, logo, product):
    cond = ' | '.join(f"{k} bal {p['balanced_acc']:.3f} photos->AI {p['photos_called_ai']:.3f} graphics->AI {p['graphics_called_ai']:.3f}"
                      for k, p in product.items())
    new = ' '.join(f"{g} {product['clean']['per_group_ai'][g]['recall']:.3f}" for g in NEW_SOURCES)
    print(f'== {name}: LOGO mean recall {logo:.3f} | {cond} | val recall {new}', flush=True)


def forensic(v):
    meta = json.load(open(os.path.join(TRIALS, 'forensic.json')))
    f = np.fromfile(os.path.join(TRIALS, 'forensic.f32'), dtype='<f4').reshape(meta['count'], meta['dim']).astype(np.float64)
    cooc = meta['groups'][0]['size']
    f[:, :cooc] = np.sqrt(f[:, :cooc])  # co-occurrence frequencies: square root, so rare patterns count
    detector = v.features.copy()
    tr, folds, val, withheld = setup(v)
    groups = T.largest_ai_groups(v, T.LOGO_FAMILIES)
    for name, x in (('detector', detector), ('forensic', f), ('detector+forensic', np.hstack([detector, f])),
                    ('detector+forensic without co-occurrence', np.hstack([detector, f[:, cooc:]]))):
        v.features = x.astype(np.float32)
        d = Design(name, 'features', None, hidden=128, l2=1e-2)
        oof = T.cross_validated_logits(v, d, tr, folds)
        a, b, _, t_ai, _ = T.calibrate_and_threshold(v, tr, oof)
        head = fit(d, v.features[tr], v.y[tr], T.sample_weights(v, tr), seed=T.SEED)
        product = {k: T.product_figures(v, idx, T.sigmoid(a * head.logit(v.features[idx]) + b), withheld[k], t_ai) for k, idx in val.items()}
        logo = T.leave_one_group_out(v, d, tr, groups)
        line(name, float(np.mean([g['recall'] for g in logo.values()])), product)


def crops(v):
    meta = json.load(open(os.path.join(TRIALS, 'crops.json')))
    c = np.fromfile(os.path.join(TRIALS, 'crops.f32'), dtype='<f4').reshape(len(meta['files']), meta['crops'], meta['dim'])
    at = {f: i for i, f in enumerate(meta['files'])}
    tr, folds, val, withheld = setup(v)
    schemes = {'one pass (shipped)': [], 'whole + centre crop': [0], 'whole + 5 crops': [0, 1, 2, 3, 4], 'whole + 4 corners': [1, 2, 3, 4]}

    def logits(head, idx, extra):
        whole = head.logit(v.features[idx])
        if not extra:
            return whole
        cc = c[[at[f] for f in v.file[idx]]]
        return (whole + sum(head.logit(cc[:, k]) for k in extra)) / (1 + len(extra))

    d = Design('mlp-128-wd=0.01', 'features', None, hidden=128, l2=1e-2)
    oof = T.cross_validated_logits(v, d, tr, folds)
    a, b, _, t_ai, _ = T.calibrate_and_threshold(v, tr, oof)
    head = fit(d, v.features[tr], v.y[tr], T.sample_weights(v, tr), seed=T.SEED)
    clean = val['clean']
    val_real = np.flatnonzero((v.split == 'val') & (v.kind == 'clean') & (v.y == 0) & np.isin(v.image_kind, ['', 'photo']))
    logo = {n: [] for n in schemes}
    for g in T.largest_ai_groups(v, T.LOGO_FAMILIES):
        keep = tr[v.group[tr] != g]
        held = np.flatnonzero((v.group == g) & (v.kind == 'clean'))
        h = fit(d, v.features[keep], v.y[keep], T.sample_weights(v, keep), seed=T.SEED)
        for n, extra in schemes.items():
            t = threshold_for_real_accuracy(logits(h, val_real, extra), T.OOF_REAL_ACC_TARGET)
            logo[n].append(float(np.mean(logits(h, held, extra) >= t)))
    for n, extra in schemes.items():
        lg = logits(head, clean, extra)
        # The shipped threshold was set on one-pass out-of-fold scores: val clean only (crops exist for clean views).
        product = {'clean': T.product_figures(v, clean, T.sigmoid(a * lg + b), withheld['clean'], t_ai)}
        line(f'{n} (val AUC {roc_auc(v.y[clean], lg):.4f})', float(np.mean(logo[n])), product)


if __name__ == '__main__':
    trial = sys.argv[1] if len(sys.argv) > 1 else ''
    if trial not in ('forensic', 'crops'):
        raise SystemExit(__doc__)
    {'forensic': forensic, 'crops': crops}[trial](load_views())
