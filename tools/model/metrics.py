"""Metrics for the authenticity head (labels: 1 = AI, 0 = real photo), with a self-check.

Run `python3 tools/model/metrics.py` to check them against hand-computed values (the build does).
"""
import numpy as np


def roc_auc(y, score):
    """Area under the ROC curve: P(score of a random AI view > score of a random real one), ties 1/2."""
    y = np.asarray(y).astype(bool)
    score = np.asarray(score, dtype=np.float64)
    n_pos, n_neg = int(y.sum()), int((~y).sum())
    if n_pos == 0 or n_neg == 0:
        return float('nan')
    order = np.argsort(score, kind='mergesort')
    s = score[order]
    ranks = np.empty(len(s), dtype=np.float64)
    i = 0
    while i < len(s):  # average ranks over ties
        j = i
        while j + 1 < len(s) and s[j + 1] == s[i]:
            j += 1
        ranks[i:j + 1] = (i + j) / 2 + 1
        i = j + 1
    r = np.empty_like(ranks)
    r[order] = ranks
    return float((r[y].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def rates(y, prob, threshold):
    """AI recall (AI views at/above threshold), real accuracy (real views below) and their mean."""
    y = np.asarray(y).astype(bool)
    pred = np.asarray(prob) >= threshold
    recall = float(pred[y].mean()) if y.any() else float('nan')
    real_acc = float((~pred[~y]).mean()) if (~y).any() else float('nan')
    return {'ai_recall': recall, 'real_acc': real_acc, 'balanced_acc': float(np.nanmean([recall, real_acc]))}


def threshold_for_real_accuracy(prob_real, target):
    """Smallest threshold t (verdict AI when p >= t) with at least `target` of real views below t."""
    p = np.sort(np.asarray(prob_real, dtype=np.float64))
    k = int(np.ceil(target * len(p)))  # this many must lie strictly below t
    if k <= 0:
        return float(p[0])
    return float(np.nextafter(p[k - 1], np.inf))


def sigmoid(x):
    return 0.5 * (1 + np.tanh(np.asarray(x) / 2))  # no overflow for large |x|


def platt(logit, y, weight=None, iters=100):
    """Fits p = sigmoid(a * logit + b) by weighted maximum likelihood: Newton's method with step
    halving, so very confident logits (an MLP's) cannot make it diverge."""
    x = np.asarray(logit, dtype=np.float64)
    t = np.asarray(y, dtype=np.float64)
    w = np.ones_like(x) if weight is None else np.asarray(weight, dtype=np.float64)
    nll = lambda a, b: float(np.sum(w * (np.logaddexp(0, a * x + b) - t * (a * x + b))))
    a, b = 1.0, 0.0
    for _ in range(iters):
        p = sigmoid(a * x + b)
        g = np.array([np.sum(w * (p - t) * x), np.sum(w * (p - t))])
        s = w * p * (1 - p)
        h = np.array([[np.sum(s * x * x), np.sum(s * x)], [np.sum(s * x), np.sum(s)]]) + 1e-9 * np.eye(2)
        step = np.linalg.solve(h, g)
        lam, before = 1.0, nll(a, b)
        while nll(a - lam * step[0], b - lam * step[1]) > before and lam > 1e-6:
            lam /= 2
        a, b = a - lam * step[0], b - lam * step[1]
        if np.abs(lam * step).max() < 1e-10:
            break
    return float(a), float(b)


def expected_calibration_error(y, prob, bins=10, balanced=False):
    """|mean P(AI) - share of AI| per probability bin, averaged by bin weight. `balanced` weights the
    classes equally, matching a probability calibrated for an even mix of AI images and photos."""
    y = np.asarray(y, dtype=np.float64)
    prob = np.asarray(prob, dtype=np.float64)
    w = np.where(y == 1, 0.5 / max(y.sum(), 1), 0.5 / max((1 - y).sum(), 1)) if balanced else np.full(len(y), 1 / len(y))
    idx = np.minimum((prob * bins).astype(int), bins - 1)
    err = 0.0
    for k in range(bins):
        m = idx == k
        if w[m].sum() > 0:
            err += abs(np.average(prob[m], weights=w[m]) - np.average(y[m], weights=w[m])) * w[m].sum()
    return float(err / w.sum())


def _self_check():
    y = [1, 1, 0, 0, 1, 0]
    s = [0.9, 0.4, 0.4, 0.1, 0.8, 0.7]
    # Pairs (pos, neg): 9 total; wins: 0.9 beats 3, 0.8 beats 3, 0.4 beats 0.1 and ties 0.4 (1.5) -> 7.5/9.
    assert abs(roc_auc(y, s) - 7.5 / 9) < 1e-12, roc_auc(y, s)
    assert roc_auc([1, 0], [0.2, 0.2]) == 0.5
    assert roc_auc([1, 1, 0], [0.3, 0.2, 0.1]) == 1.0
    r = rates(y, s, 0.5)  # AI: 0.9, 0.8 above, 0.4 below -> 2/3; real: 0.4, 0.1 below, 0.7 above -> 2/3
    assert abs(r['ai_recall'] - 2 / 3) < 1e-12 and abs(r['real_acc'] - 2 / 3) < 1e-12
    assert abs(r['balanced_acc'] - 2 / 3) < 1e-12
    t = threshold_for_real_accuracy([0.1, 0.2, 0.3, 0.4], 0.75)
    assert 0.3 < t <= 0.4 and rates([0, 0, 0, 0], [0.1, 0.2, 0.3, 0.4], t)['real_acc'] == 0.75
    rng = np.random.default_rng(0)
    x = rng.normal(size=20000)
    yy = rng.random(20000) < 1 / (1 + np.exp(-(2 * x - 1)))
    a, b = platt(x, yy)
    assert abs(a - 2) < 0.1 and abs(b + 1) < 0.1, (a, b)
    a, b = platt(40 * x, yy)  # overconfident logits: must shrink them, not diverge
    assert abs(a - 0.05) < 0.005 and abs(b + 1) < 0.1, (a, b)
    assert abs(expected_calibration_error([1, 0], [0.95, 0.05]) - 0.05) < 1e-12
    # Two bins: {0.25: one AI, three real} is calibrated unweighted, off by 0.5 - 0.25 when balanced.
    assert abs(expected_calibration_error([1, 0, 0, 0], [0.25] * 4)) < 1e-12
    assert abs(expected_calibration_error([1, 0, 0, 0], [0.25] * 4, balanced=True) - 0.25) < 1e-12
    print('metrics self-check: ok')


if __name__ == '__main__':
    _self_check()
