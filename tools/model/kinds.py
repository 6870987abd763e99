"""The image-kind head (issue 10): photo | artwork | graphic | composite, a small softmax MLP on the same
pooled backbone features as the authenticity head. A graphic (screenshot, chart, diagram, document) is
not given an AI score; everything else is.

Labels come from the dataset's `kind` column (and the build's generated set). AI images of the first
rounds carry no kind; they still teach the head one thing: they are not graphics (a partial label,
-log(1 - P(graphic))), so the gate does not swallow AI images it never saw labelled.
"""
import numpy as np
import torch

from heads import BATCH, LR

KINDS = ['photo', 'artwork', 'graphic', 'composite']
GRAPHIC = KINDS.index('graphic')
NOT_GRAPHIC = -1  # partial label: some kind other than graphic
SKIP = -2

# The dataset's kind vocabulary -> the four kinds the product shows.
KIND_OF = {
    'photo': 'photo', 'photoreal': 'photo',
    'painting': 'artwork', 'illustration': 'artwork', 'anime': 'artwork', 'comic': 'artwork', 'render3d': 'artwork',
    'screenshot': 'graphic', 'chart': 'graphic', 'diagram': 'graphic', 'document': 'graphic',
    'meme': 'composite',
}
HUMAN_MADE_GRAPHIC_KINDS = ['screenshot', 'chart', 'diagram', 'document', 'meme']


def kind_targets(label, dataset_kind):
    """Per view: index into KINDS, NOT_GRAPHIC, or SKIP. Real rows of the first rounds have no kind
    and are photographs (dataset README); unlabelled AI rows are only known not to be graphics."""
    out = np.full(len(label), SKIP)
    for i, (lab, k) in enumerate(zip(label, dataset_kind)):
        if k in KIND_OF:
            out[i] = KINDS.index(KIND_OF[k])
        elif k == '' and lab == 0:
            out[i] = KINDS.index('photo')
        elif lab == 1 and k in ('', 'other'):
            out[i] = NOT_GRAPHIC
    return out


def kind_weights(t):
    """Each kind (and the partial-label set) sums to the same total weight."""
    w = np.zeros(len(t))
    classes = [c for c in list(range(len(KINDS))) + [NOT_GRAPHIC] if np.any(t == c)]
    for c in classes:
        m = t == c
        w[m] = 1.0 / m.sum()
    return w * len(t) / max(1, len(classes))


class KindHead:
    def __init__(self, mean, std, params):
        self.mean, self.std, self.params = mean, std, params

    def logits(self, x):
        h = (x.astype(np.float64) - self.mean) / self.std
        for i, (w, b) in enumerate(self.params):
            h = h @ w.T + b
            if i < len(self.params) - 1:
                h = np.maximum(h, 0)
        return h

    def probs(self, x):
        z = self.logits(x)
        z = z - z.max(1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(1, keepdims=True)

    def layers(self):
        """Layers with the standardisation folded into the first (for assemble.py)."""
        (w0, b0), rest = self.params[0], self.params[1:]
        return [(w0 / self.std, b0 - (w0 / self.std) @ self.mean)] + [(w.copy(), b.copy()) for w, b in rest]


def fit_kind(x, t, seed=0, hidden=128, epochs=30, wd=1e-2):
    keep = t != SKIP
    x, t = x[keep], t[keep]
    mean, std = x.mean(0), x.std(0)
    std = np.where(std < 1e-6, 1.0, std)
    torch.manual_seed(seed)
    xt = torch.tensor((x - mean) / std, dtype=torch.float32)
    tt = torch.tensor(t, dtype=torch.long)
    wt = torch.tensor(kind_weights(t), dtype=torch.float32)
    net = torch.nn.Sequential(torch.nn.Dropout(0.2), torch.nn.Linear(x.shape[1], hidden), torch.nn.ReLU(),
                              torch.nn.Dropout(0.3), torch.nn.Linear(hidden, len(KINDS)))
    opt = torch.optim.AdamW(net.parameters(), lr=LR, weight_decay=wd)
    gen = torch.Generator().manual_seed(seed)
    for _ in range(epochs):
        net.train()
        for batch in torch.randperm(len(xt), generator=gen).split(BATCH):
            opt.zero_grad()
            logp = torch.log_softmax(net(xt[batch]), 1)
            tb, wb = tt[batch], wt[batch]
            full = tb >= 0
            loss = torch.zeros(len(batch))
            loss[full] = -logp[full, tb[full].clamp(min=0)]
            # Partial label: the probability mass outside "graphic".
            p_graphic = logp[~full, GRAPHIC].exp().clamp(max=1 - 1e-6)
            loss[~full] = -torch.log1p(-p_graphic)
            (wb * loss).mean().backward()
            opt.step()
    net.eval()
    mods = [m for m in net if isinstance(m, torch.nn.Linear)]
    return KindHead(mean, std, [(m.weight.detach().double().numpy(), m.bias.detach().double().numpy()) for m in mods])


def gate_threshold(p_graphic_oof, t, max_ai_gated=0.03):
    """unscoredAt: the lowest P(graphic) at which at most `max_ai_gated` of the out-of-fold non-graphic
    views (AI images and every non-graphic kind) would lose their score; graphics above it are withheld."""
    not_graphic = (t != GRAPHIC) & (t != SKIP)
    s = np.sort(p_graphic_oof[not_graphic])
    k = int(np.floor(len(s) * (1 - max_ai_gated)))
    return float(max(0.5, s[min(k, len(s) - 1)]))


def gated(probs, unscored_at):
    """Whether each view's score is withheld: graphic is the most likely kind and P(graphic) >= unscoredAt."""
    return (probs.argmax(1) == GRAPHIC) & (probs[:, GRAPHIC] >= unscored_at)
