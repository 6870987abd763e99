"""Trains and selects the authenticity head on the cached backbone outputs (extract.mjs), calibrates it
and sets its thresholds, and writes every figure the report needs.

Honest protocol: design choice, Platt calibration and thresholds use only out-of-fold predictions on the
train split (5 folds by image, stratified by group); the val split is scored once per design.
Outputs under .cache/model/: head.npz (the chosen head, for assemble.py), results.json.

Usage: /usr/bin/python3 tools/model/train.py
"""
import json
import os
import sys
import time

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(__file__))
from cache import CACHE_DIR, PHOTOREAL_AI_GROUPS, load_backbone_meta, load_views  # noqa: E402
from heads import Design, fit  # noqa: E402
from metrics import expected_calibration_error, platt, rates, roc_auc, threshold_for_real_accuracy  # noqa: E402

SEED = 20240601
FOLDS = 5
REAL_ACC_TARGET = 0.95  # required real-photo accuracy on val
OOF_REAL_ACC_TARGET = 0.96  # set on out-of-fold predictions, with a margin for the step to val
UNSURE_AI_RECALL = 0.90  # `real` threshold: 90% of AI views score above it
LOGO_GROUPS = ['dalle3', 'stylegan', 'sdxl', 'sd3', 'gpt-image', 'sd1']

torch.set_num_threads(2)


def sample_weights(v, idx):
    """Per-view weights: 1/sqrt(images in the view's group), then each class sums to the same total,
    so SD 1.x art (half the AI images) and the ten-athlete press set do not dominate."""
    w = np.zeros(len(idx))
    for g in np.unique(v.group[idx]):
        m = v.group[idx] == g
        w[m] = 1 / np.sqrt(len(np.unique(v.image[idx][m])))
    for c in (0, 1):
        m = v.y[idx] == c
        w[m] *= 0.5 / w[m].sum()
    return w * len(idx)


def image_folds(v, idx, k, seed):
    """Fold number per view: images dealt round-robin within each group after a seeded shuffle."""
    rng = np.random.default_rng(seed)
    fold_of_image = {}
    for g in sorted(np.unique(v.group[idx])):
        images = np.unique(v.image[idx][v.group[idx] == g])
        rng.shuffle(images)
        offset = rng.integers(k)
        for j, im in enumerate(images):
            fold_of_image[im] = (j + offset) % k
    return np.array([fold_of_image[im] for im in v.image[idx]])


def source(v, design):
    return v.features if design.source == 'features' else v.objects


def summary(y, p, threshold):
    r = rates(y, p, threshold)
    r['auc'] = roc_auc(y, p)
    r['n_ai'], r['n_real'] = int(np.sum(y == 1)), int(np.sum(y == 0))
    return r


def breakdown(v, idx, p, threshold):
    """Metrics overall, on the photoreal AI groups vs all real photos, per group and per generator."""
    y = v.y[idx]
    real = y == 0
    out = {'overall': summary(y, p, threshold)}
    photo = real | np.isin(v.group[idx], PHOTOREAL_AI_GROUPS)
    out['photoreal'] = summary(y[photo], p[photo], threshold)
    for key, col in (('group', v.group[idx]), ('generator', v.generator[idx])):
        out[key] = {}
        for g in sorted(np.unique(col[~real] if key == 'generator' else col)):  # real photos have no generator
            m = (col == g) & (~real if key == 'generator' else True)
            is_ai = bool(y[m][0])
            # AUC of a group: its views against all views of the other class.
            other = ~real if not is_ai else real
            both = m | other
            out[key][g] = {'label': 'ai' if is_ai else 'real', 'n': int(m.sum()),
                           'accuracy': float(np.mean((p[m] >= threshold) == is_ai)),
                           'auc': roc_auc(y[both], p[both])}
    return out


def cross_validated_logits(v, design, tr, folds):
    oof = np.zeros(len(tr))
    for f in range(FOLDS):
        fit_idx, held = tr[folds != f], folds == f
        head = fit(design, source(v, design)[fit_idx], v.y[fit_idx], sample_weights(v, fit_idx), seed=SEED + f)
        oof[held] = head.logit(source(v, design)[tr[held]])
    return oof


def calibrate_and_threshold(v, tr, oof):
    """Platt scaling on out-of-fold logits (class-balanced weights: P(AI) for an even mix), then the
    lowest `ai` threshold keeping real accuracy >= target on the train views as stored and, separately,
    on the augmented ones (photos as stored score higher than augmented ones, so both must hold)."""
    w = sample_weights(v, tr)
    a, b = platt(oof, v.y[tr], w)
    p = sigmoid(a * oof + b)
    real = v.y[tr] == 0
    t_ai = max(threshold_for_real_accuracy(p[real & (v.kind[tr] == k)], OOF_REAL_ACC_TARGET)
               for k in ('clean', 'aug') if np.any(real & (v.kind[tr] == k)))
    t_real = min(t_ai, float(np.quantile(p[~real], 1 - UNSURE_AI_RECALL)))
    return a, b, p, t_ai, t_real


def sigmoid(x):
    return 0.5 * (1 + np.tanh(np.asarray(x) / 2))  # no overflow for large |x|


def main():
    t_start = time.time()
    v = load_views()
    meta = load_backbone_meta()
    stages = meta['outputs']['features']['slices']  # [{name, start, end, layer, ...}] in output order
    last = stages[-1]
    last_size = last['end'] - last['start']
    designs = [
        Design('objects-lr', 'objects', None, l2=1e-3,
               description='content-only baseline: logistic regression on the 80 COCO object scores'),
        Design('last-stage-lr', 'features', slice(last['start'], last['end']), l2=1e-3,
               description=f"logistic regression on the last stage's pooled features only ({last['name']}, {last_size}-d)"),
        *[Design(f'multi-layer-lr-l2={l2:g}', 'features', None, l2=l2,
                 description=f'linear probe on all pooled features ({", ".join(st["name"] for st in stages)}; {v.features.shape[1]}-d), L2 {l2:g}')
          for l2 in (1e-3, 3e-3, 1e-2)],
        *[Design(f'mlp-{h}-wd={wd:g}', 'features', None, hidden=h, l2=wd,
                 description=f'MLP {v.features.shape[1]}->{h}->1 (ReLU, dropout 0.2/0.3, AdamW weight decay {wd:g}, 40 epochs)')
          for h, wd in ((128, 1e-2), (128, 1e-1))],
    ]
    tr = np.flatnonzero((v.split == 'train') & np.isin(v.kind, ['clean', 'aug']))
    folds = image_folds(v, tr, FOLDS, SEED)
    val = {k: np.flatnonzero((v.split == 'val') & (v.kind == k)) for k in ('clean', 'web', 'hard')}

    results = {'seed': SEED, 'folds': FOLDS, 'train_views': int(len(tr)),
               'train_images': int(len(np.unique(v.image[tr]))), 'designs': []}
    best = None
    for d in designs:
        t0 = time.time()
        oof = cross_validated_logits(v, d, tr, folds)
        a, b, p_oof, t_ai, t_real = calibrate_and_threshold(v, tr, oof)
        photo = (v.y[tr] == 0) | np.isin(v.group[tr], PHOTOREAL_AI_GROUPS)
        cv = {'overall': summary(v.y[tr], p_oof, t_ai), 'photoreal': summary(v.y[tr][photo], p_oof[photo], t_ai)}
        score = (cv['overall']['balanced_acc'] + cv['photoreal']['balanced_acc']) / 2
        head = fit(d, source(v, d)[tr], v.y[tr], sample_weights(v, tr), seed=SEED)
        val_p = {k: sigmoid(a * head.logit(source(v, d)[idx]) + b) for k, idx in val.items()}
        entry = {'name': d.name, 'description': d.description, 'cv': cv, 'cv_score': score,
                 'calibration': {'a': a, 'b': b}, 'thresholds': {'ai': t_ai, 'real': t_real},
                 'val': {k: {'overall': summary(v.y[val[k]], val_p[k], t_ai),
                             'photoreal': breakdown(v, val[k], val_p[k], t_ai)['photoreal']} for k in val},
                 'seconds': round(time.time() - t0, 1)}
        results['designs'].append(entry)
        print(f"{d.name:26s} CV bal {cv['overall']['balanced_acc']:.3f} photoreal {cv['photoreal']['balanced_acc']:.3f} | "
              f"val clean bal {entry['val']['clean']['overall']['balanced_acc']:.3f} real {entry['val']['clean']['overall']['real_acc']:.3f} "
              f"web {entry['val']['web']['overall']['balanced_acc']:.3f} ({entry['seconds']}s)", flush=True)
        if d.source == 'features' and d.columns is None and (best is None or score > best[0]):
            best = (score, d, head, a, b, t_ai, t_real, val_p, oof)

    _, d, head, a, b, t_ai, t_real, val_p, oof = best
    chosen = {'name': d.name, 'description': d.description, 'calibration': {'a': a, 'b': b},
              'thresholds': {'ai': t_ai, 'real': t_real}}
    chosen['val'] = {k: breakdown(v, val[k], val_p[k], t_ai) for k in val}
    for k in val:
        p, y = val_p[k], v.y[val[k]]
        chosen['val'][k]['ece'] = expected_calibration_error(y, p)
        chosen['val'][k]['ece_balanced'] = expected_calibration_error(y, p, balanced=True)
        chosen['val'][k]['bands'] = {
            'ai': float(np.mean(p >= t_ai)), 'unsure': float(np.mean((p > t_real) & (p < t_ai))), 'real': float(np.mean(p <= t_real)),
            'real_photos_called_real': float(np.mean(p[y == 0] <= t_real)), 'ai_called_ai': float(np.mean(p[y == 1] >= t_ai))}
    results['chosen'] = chosen
    results['logo'] = leave_one_group_out(v, d, tr)

    layers = head.layers(a, b)
    np.savez(os.path.join(CACHE_DIR, 'head.npz'), design=json.dumps({'name': d.name, 'source': d.source}),
             **{f'w{i}': w for i, (w, _) in enumerate(layers)}, **{f'b{i}': bb for i, (_, bb) in enumerate(layers)},
             check_views=val['clean'], check_logits=a * head.logit(source(v, d)[val['clean']]) + b,
             oof_logits=oof, train_views=tr, **{f'val_{k}_p': p for k, p in val_p.items()})
    results['seconds'] = round(time.time() - t_start, 1)
    with open(os.path.join(CACHE_DIR, 'results.json'), 'w') as f:
        json.dump(results, f, indent=1)
    print(f"chosen {d.name}: ai >= {t_ai:.3f}, real <= {t_real:.3f}; val clean bal {chosen['val']['clean']['overall']['balanced_acc']:.3f}")


def leave_one_group_out(v, d, tr):
    """Train without one AI group (train+val images of it held out) and score it against the val real
    photos: AUC, and AI recall at the threshold giving 95% accuracy on those real photos."""
    val_real = np.flatnonzero((v.split == 'val') & (v.kind == 'clean') & (v.y == 0))
    out = {}
    for g in LOGO_GROUPS:
        keep = tr[v.group[tr] != g]
        held = np.flatnonzero((v.group == g) & (v.kind == 'clean'))
        head = fit(d, source(v, d)[keep], v.y[keep], sample_weights(v, keep), seed=SEED)
        s_real, s_held = head.logit(source(v, d)[val_real]), head.logit(source(v, d)[held])
        t = threshold_for_real_accuracy(s_real, REAL_ACC_TARGET)
        y = np.r_[np.zeros(len(s_real)), np.ones(len(s_held))]
        out[g] = {'n': int(len(held)), 'auc': roc_auc(y, np.r_[s_real, s_held]), 'recall_at_95_real': float(np.mean(s_held >= t))}
        print(f"LOGO {g:10s} n={len(held):4d} AUC {out[g]['auc']:.3f} recall@95%real {out[g]['recall_at_95_real']:.3f}", flush=True)
    return out


if __name__ == '__main__':
    main()
