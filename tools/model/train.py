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
from metrics import expected_calibration_error, platt, rates, roc_auc, sigmoid, threshold_for_real_accuracy  # noqa: E402
from kinds import GRAPHIC, HUMAN_MADE_GRAPHIC_KINDS, KINDS, NOT_GRAPHIC, SKIP, fit_kind, gate_threshold, gated, kind_targets  # noqa: E402

SEED = 20240601
FOLDS = 5
REAL_ACC_TARGET = 0.95  # required real-photo accuracy on val
OOF_REAL_ACC_TARGET = 0.975  # real photos called AI <= 3% on val: set on out-of-fold photos with a margin
UNSURE_AI_RECALL = 0.90  # `real` threshold: 90% of AI views score above it
LOGO_FAMILIES = int(os.environ.get('DUALSIGHT_LOGO_FAMILIES', 10))  # leave-one-generator-out over the largest AI families

torch.set_num_threads(1)  # many small steps: a second thread costs more in waiting than it gives (measured 2x slower)


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
    lowest `ai` threshold keeping real-photo accuracy >= target on the train views as stored and, separately,
    on the augmented ones (photos as stored score higher than augmented ones, so both must hold).
    Tried and not kept: the same accuracy required of the train's human-made memes too. Out of fold, 3.5% of
    them were called AI at the photos' threshold; reaching 2.5% raised the threshold from 0.85 to 0.90 and cut
    AI recall from 56% to 47% (dualsight-lite 2.1.0 build)."""
    w = sample_weights(v, tr)
    a, b = platt(oof, v.y[tr], w)
    p = sigmoid(a * oof + b)
    real = v.y[tr] == 0
    photo = real & np.isin(v.image_kind[tr], ['', 'photo'])  # the threshold protects real photographs
    t_ai = max(threshold_for_real_accuracy(p[photo & (v.kind[tr] == k)], OOF_REAL_ACC_TARGET)
               for k in ('clean', 'aug') if np.any(photo & (v.kind[tr] == k)))
    t_real = min(t_ai, float(np.quantile(p[~real], 1 - UNSURE_AI_RECALL)))
    return a, b, p, t_ai, t_real


def kind_stage(v, tr, folds, val):
    """The kind head: 5-fold out-of-fold P(kind) on train sets the gate (unscoredAt), then one head on all
    of train; returns it with the gate and its figures."""
    t = kind_targets(v.y, v.image_kind)
    oof = np.zeros((len(tr), len(KINDS)))
    for f in range(FOLDS):
        fit_idx, held = tr[folds != f], folds == f
        head = fit_kind(v.features[fit_idx], t[fit_idx], seed=SEED + f)
        oof[held] = head.probs(v.features[tr[held]])
    unscored_at = gate_threshold(oof[:, GRAPHIC], t[tr])
    head = fit_kind(v.features[tr], t[tr], seed=SEED)
    probs = {k: head.probs(v.features[idx]) for k, idx in val.items()}
    out = {'labels': KINDS, 'unscored': ['graphic'], 'unscoredAt': unscored_at,
           'train_labelled_views': int(np.sum(t[tr] >= 0)), 'train_not_graphic_views': int(np.sum(t[tr] == NOT_GRAPHIC)),
           'oof': kind_figures(t[tr], oof, unscored_at), 'val': {}}
    for k, idx in val.items():
        out['val'][k] = kind_figures(t[idx], probs[k], unscored_at)
    print(f"kind head: unscoredAt {unscored_at:.3f}; val clean accuracy {out['val']['clean']['accuracy']:.3f}, "
          f"graphics withheld {out['val']['clean']['graphics_withheld']:.3f}, AI withheld {out['val']['clean']['not_graphic_withheld']:.3f}", flush=True)
    return head, unscored_at, probs, out


def kind_figures(t, probs, unscored_at):
    labelled = t >= 0
    pred = probs.argmax(1)
    g = gated(probs, unscored_at)
    confusion = [[int(np.sum((t == a) & (pred == b))) for b in range(len(KINDS))] for a in range(len(KINDS))]
    return {'accuracy': float(np.mean(pred[labelled] == t[labelled])) if labelled.any() else float('nan'),
            'confusion': confusion,
            'graphics_withheld': float(np.mean(g[t == GRAPHIC])) if np.any(t == GRAPHIC) else float('nan'),
            'not_graphic_withheld': float(np.mean(g[(t != GRAPHIC) & (t != SKIP)])),
            'ai_unlabelled_withheld': float(np.mean(g[t == NOT_GRAPHIC])) if np.any(t == NOT_GRAPHIC) else float('nan')}


def product_figures(v, idx, p, withheld, t_ai):
    """What users see: "likely AI" only for scored images at/above the threshold (withheld = not AI)."""
    y = v.y[idx]
    called = (~withheld) & (p >= t_ai)
    dk = v.image_kind[idx]
    photo = (y == 0) & np.isin(dk, ['', 'photo'])
    graphic = (y == 0) & np.isin(dk, HUMAN_MADE_GRAPHIC_KINDS)
    photoreal_ai = (y == 1) & (np.isin(v.group[idx], PHOTOREAL_AI_GROUPS) | (dk == 'photoreal'))
    recall = float(np.mean(called[y == 1]))
    real_ok = float(np.mean(~called[y == 0]))
    out = {'balanced_acc': (recall + real_ok) / 2, 'ai_recall': recall, 'real_acc': real_ok,
           'photos_called_ai': float(np.mean(called[photo])), 'n_photos': int(photo.sum()),
           'graphics_called_ai': float(np.mean(called[graphic])) if graphic.any() else float('nan'), 'n_graphics': int(graphic.sum()),
           'photoreal_balanced_acc': (float(np.mean(called[photoreal_ai])) + float(np.mean(~called[photo]))) / 2,
           'withheld': float(np.mean(withheld)), 'ai_withheld': float(np.mean(withheld[y == 1])),
           'per_kind': {}, 'per_group_ai': {}}
    for k in sorted(set(dk[y == 0])):
        m = (y == 0) & (dk == k)
        out['per_kind'][k or 'photo (rounds 1-2)'] = {'n': int(m.sum()), 'called_ai': float(np.mean(called[m])), 'withheld': float(np.mean(withheld[m]))}
    for g in sorted(set(v.group[idx][y == 1])):
        m = (y == 1) & (v.group[idx] == g)
        out['per_group_ai'][g] = {'n': int(m.sum()), 'recall': float(np.mean(called[m])), 'withheld': float(np.mean(withheld[m]))}
    return out


def main():
    t_start = time.time()
    v = load_views()
    meta = load_backbone_meta()
    stages = meta['outputs']['features']['slices']  # [{name, start, end, layer, ...}] in output order
    designs = [
        Design('objects-lr', 'objects', None, l2=1e-3,
               description='content-only baseline: logistic regression on the 80 COCO object scores'),
        Design('multi-layer-lr-l2=0.001', 'features', None, l2=1e-3,
               description=f'linear probe on all pooled features ({", ".join(st["name"] for st in stages)}; {v.features.shape[1]}-d), L2 0.001'),
        *[Design(f'mlp-{h}-wd={wd:g}', 'features', None, hidden=h, l2=wd,
                 description=f'MLP {v.features.shape[1]}->{h}->1 (ReLU, dropout 0.2/0.3, AdamW weight decay {wd:g}, 40 epochs)')
          for h, wd in ((128, 1e-2), (256, 1e-2))],
        # Not in the comparison since 2.1.0, to keep the build near 30 minutes: a 3-seed ensemble of mlp-256 (2.0.0:
        # LOGO 47.1% against 48.6% for one MLP, 391 s), an MLP 744->512 with weight decay 0.05 (44.3%), and the
        # spatial spread (std) of the two deep layers as 568 more features (2.1.0 trials at 352 px: LOGO +1-5 points
        # for some designs, but more photos and memes called AI on val).
        # The codec-only baseline finds the class in width/height/aspect (AI images are mostly square):
        # trained on the augmented views alone, every image is cropped to the same aspect ratios.
        Design('mlp-128-wd=0.01-aug-only', 'features', None, hidden=128, l2=1e-2, views='aug',
               description=f'MLP {v.features.shape[1]}->128->1 as above, trained on the augmented views only (shared aspect ratios)'),
    ]
    tr = np.flatnonzero((v.split == 'train') & np.isin(v.kind, ['clean', 'aug']))
    folds = image_folds(v, tr, FOLDS, SEED)
    val = {k: np.flatnonzero((v.split == 'val') & (v.kind == k)) for k in ('clean', 'web', 'hard')}
    kind_head, unscored_at, kind_probs, kind_results = kind_stage(v, tr, folds, val)
    withheld = {k: gated(kind_probs[k], unscored_at) for k in val}
    logo_groups = largest_ai_groups(v, LOGO_FAMILIES)

    results = {'seed': SEED, 'folds': FOLDS, 'train_views': int(len(tr)), 'real_acc_target': OOF_REAL_ACC_TARGET,
               'train_images': int(len(np.unique(v.image[tr]))), 'designs': [], 'kind': kind_results,
               'logo_groups': logo_groups}
    best = None
    for d in designs:
        t0 = time.time()
        keep = np.ones(len(tr), dtype=bool) if d.views == 'all' else v.kind[tr] == 'aug'
        tr_d, folds_d = tr[keep], folds[keep]
        oof = cross_validated_logits(v, d, tr_d, folds_d)
        a, b, p_oof, t_ai, t_real = calibrate_and_threshold(v, tr_d, oof)
        photo = (v.y[tr_d] == 0) | np.isin(v.group[tr_d], PHOTOREAL_AI_GROUPS)
        cv = {'overall': summary(v.y[tr_d], p_oof, t_ai), 'photoreal': summary(v.y[tr_d][photo], p_oof[photo], t_ai)}
        head = fit(d, source(v, d)[tr_d], v.y[tr_d], sample_weights(v, tr_d), seed=SEED)
        val_p = {k: sigmoid(a * head.logit(source(v, d)[idx]) + b) for k, idx in val.items()}
        logo = leave_one_group_out(v, d, tr_d, logo_groups) if d.source == 'features' else None
        entry = {'name': d.name, 'description': d.description, 'cv': cv,
                 'logo_mean_recall': float(np.mean([g['recall'] for g in logo.values()])) if logo else None,
                 'calibration': {'a': a, 'b': b}, 'thresholds': {'ai': t_ai, 'real': t_real},
                 'val': {k: {'overall': summary(v.y[val[k]], val_p[k], t_ai),
                             'product': product_figures(v, val[k], val_p[k], withheld[k], t_ai)} for k in val},
                 'seconds': round(time.time() - t0, 1)}
        results['designs'].append(entry)
        pc = entry['val']['clean']['product']
        print(f"{d.name:26s} CV bal {cv['overall']['balanced_acc']:.3f} | LOGO mean recall {entry['logo_mean_recall'] or float('nan'):.3f} | "
              f"val clean bal {pc['balanced_acc']:.3f} photos->AI {pc['photos_called_ai']:.3f} graphics->AI {pc['graphics_called_ai']:.3f} "
              f"({entry['seconds']}s)", flush=True)
        # Chosen by leave-one-generator-out recall (how it meets a generator it never saw), then CV; never val.
        score = (entry['logo_mean_recall'] or 0) + 0.5 * cv['overall']['balanced_acc']
        if d.source == 'features' and (best is None or score > best[0]):
            best = (score, d, head, a, b, t_ai, t_real, val_p, oof, logo, tr_d)

    _, d, head, a, b, t_ai, t_real, val_p, oof, logo, tr_chosen = best
    chosen = {'name': d.name, 'description': d.description, 'calibration': {'a': a, 'b': b},
              'thresholds': {'ai': t_ai, 'real': t_real}, 'logo': logo}
    chosen['val'] = {k: breakdown(v, val[k], val_p[k], t_ai) for k in val}
    for k in val:
        p, y = val_p[k], v.y[val[k]]
        chosen['val'][k]['product'] = product_figures(v, val[k], p, withheld[k], t_ai)
        chosen['val'][k]['ece'] = expected_calibration_error(y, p)
        chosen['val'][k]['ece_balanced'] = expected_calibration_error(y, p, balanced=True)
        chosen['val'][k]['bands'] = {
            'ai': float(np.mean(p >= t_ai)), 'unsure': float(np.mean((p > t_real) & (p < t_ai))), 'real': float(np.mean(p <= t_real)),
            'real_photos_called_real': float(np.mean(p[y == 0] <= t_real)), 'ai_called_ai': float(np.mean(p[y == 1] >= t_ai))}
    results['chosen'] = chosen

    layers = head.layers(a, b)
    kind_layers = kind_head.layers()
    np.savez(os.path.join(CACHE_DIR, 'head.npz'), design=json.dumps({'name': d.name, 'source': d.source}),
             **{f'w{i}': w for i, (w, _) in enumerate(layers)}, **{f'b{i}': bb for i, (_, bb) in enumerate(layers)},
             **{f'kw{i}': w for i, (w, _) in enumerate(kind_layers)}, **{f'kb{i}': bb for i, (_, bb) in enumerate(kind_layers)},
             check_views=val['clean'], check_logits=a * head.logit(source(v, d)[val['clean']]) + b,
             check_kind_logits=kind_head.logits(v.features[val['clean']]),
             oof_logits=oof, train_views=tr_chosen, **{f'val_{k}_p': p for k, p in val_p.items()})
    results['seconds'] = round(time.time() - t_start, 1)
    with open(os.path.join(CACHE_DIR, 'results.json'), 'w') as f:
        json.dump(results, f, indent=1)
    pc = chosen['val']['clean']['product']
    print(f"chosen {d.name}: ai >= {t_ai:.3f}, real <= {t_real:.3f}; val clean bal {pc['balanced_acc']:.3f}, "
          f"graphics called AI {pc['graphics_called_ai']:.3f}; {results['seconds']} s")


def largest_ai_groups(v, n):
    clean_ai = (v.kind == 'clean') & (v.y == 1) & ~np.char.startswith(v.group.astype(str), 'synth')
    groups, counts = np.unique(v.group[clean_ai], return_counts=True)
    return [str(g) for g in groups[np.argsort(-counts, kind='stable')][:n]]


def leave_one_group_out(v, d, tr, groups):
    """Train without one AI family (its train and val images held out) and score that family, clean,
    against the val real photos: AUC, and AI recall at the threshold that gives the val real photos the
    accuracy the shipped threshold is set for (OOF_REAL_ACC_TARGET)."""
    val_real = np.flatnonzero((v.split == 'val') & (v.kind == 'clean') & (v.y == 0) & np.isin(v.image_kind, ['', 'photo']))
    out = {}
    for g in groups:
        keep = tr[v.group[tr] != g]
        held = np.flatnonzero((v.group == g) & (v.kind == 'clean'))
        head = fit(d, source(v, d)[keep], v.y[keep], sample_weights(v, keep), seed=SEED)
        s_real, s_held = head.logit(source(v, d)[val_real]), head.logit(source(v, d)[held])
        t = threshold_for_real_accuracy(s_real, OOF_REAL_ACC_TARGET)
        y = np.r_[np.zeros(len(s_real)), np.ones(len(s_held))]
        out[g] = {'n': int(len(held)), 'auc': roc_auc(y, np.r_[s_real, s_held]), 'recall': float(np.mean(s_held >= t))}
        print(f"  LOGO {d.name} {g:12s} n={len(held):4d} AUC {out[g]['auc']:.3f} recall {out[g]['recall']:.3f}", flush=True)
    return out


if __name__ == '__main__':
    main()
