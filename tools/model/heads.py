"""Authenticity head designs: a logistic regression, a small MLP or a seed ensemble of MLPs on
standardised inputs, trained with per-view weights in torch (fixed seeds, deterministic). A fitted head
exports as plain numpy layers (`Head.layers`) with the standardisation folded into the first one, which
assemble.py appends to the backbone graph. An ensemble's mean logit is itself one wider MLP (hidden
units side by side, output weights divided by the member count), so it exports the same way."""
from dataclasses import dataclass, field

import numpy as np
import torch

torch.use_deterministic_algorithms(True)
# 512 views per step at lr 2e-3: ~2.5x fewer steps than 256 at 1e-3 for the same fit on 20k+ views, which
# lets leave-one-generator-out run for every design on 2 cores.
BATCH = 512
LR = 2e-3


@dataclass
class Design:
    name: str
    source: str  # backbone output the head reads: 'features' or 'objects'
    columns: slice | None  # which of its columns (None: all)
    hidden: int = 0  # 0: logistic regression
    l2: float = 1e-3
    members: int = 1  # > 1: that many MLPs from different seeds, logits averaged
    epochs: int = 40
    description: str = ''
    views: str = 'all'  # train views: 'all' (as stored + augmented) or 'aug' (augmented only: shared aspect ratios)


@dataclass
class Head:
    design: Design
    mean: np.ndarray
    std: np.ndarray
    params: list = field(default_factory=list)  # [(W (out,in), b (out,))] in float64

    def inputs(self, views_source):
        x = views_source if self.design.columns is None else views_source[:, self.design.columns]
        return x.astype(np.float64)

    def logit(self, x_source):
        """The head's raw logit for backbone outputs (rows of the design's source)."""
        h = (self.inputs(x_source) - self.mean) / self.std
        for i, (w, b) in enumerate(self.params):
            h = h @ w.T + b
            if i < len(self.params) - 1:
                h = np.maximum(h, 0)
        return h[:, 0]

    def layers(self, a=1.0, b=0.0):
        """Layers with standardisation folded into the first and Platt scaling (a, b) into the last."""
        params = [(w.copy(), bb.copy()) for w, bb in self.params]
        w0, b0 = params[0]
        params[0] = (w0 / self.std, b0 - (w0 / self.std) @ self.mean)
        wl, bl = params[-1]
        params[-1] = (a * wl, a * bl + b)
        return params


def _standardiser(x):
    mean = x.mean(0)
    std = x.std(0)
    return mean, np.where(std < 1e-6, 1.0, std)


def fit(design: Design, x_source, y, weight, seed=0):
    """Fits a head on backbone outputs `x_source` with labels y (1 = AI) and per-view weights."""
    if design.members > 1:
        return _fit_ensemble(design, x_source, y, weight, seed)
    epochs = design.epochs
    torch.manual_seed(seed)
    head = Head(design, *_standardiser(x_source[:, design.columns] if design.columns is not None else x_source))
    x = torch.tensor((head.inputs(x_source) - head.mean) / head.std, dtype=torch.float32)
    t = torch.tensor(y, dtype=torch.float32)
    w = torch.tensor(weight / weight.mean(), dtype=torch.float32)
    bce = lambda logits, tt, ww: (ww * torch.nn.functional.binary_cross_entropy_with_logits(logits, tt, reduction='none')).mean()
    if design.hidden == 0:
        lin = torch.nn.Linear(x.shape[1], 1)
        torch.nn.init.zeros_(lin.weight)
        torch.nn.init.zeros_(lin.bias)
        opt = torch.optim.LBFGS(lin.parameters(), lr=1, max_iter=300, history_size=20, line_search_fn='strong_wolfe')

        def closure():
            opt.zero_grad()
            loss = bce(lin(x)[:, 0], t, w) + design.l2 * lin.weight.pow(2).sum()
            loss.backward()
            return loss

        opt.step(closure)
        modules = [lin]
    else:
        net = torch.nn.Sequential(torch.nn.Dropout(0.2), torch.nn.Linear(x.shape[1], design.hidden), torch.nn.ReLU(),
                                  torch.nn.Dropout(0.3), torch.nn.Linear(design.hidden, 1))
        opt = torch.optim.AdamW(net.parameters(), lr=LR, weight_decay=design.l2)
        gen = torch.Generator().manual_seed(seed)
        for _ in range(epochs):
            net.train()
            for batch in torch.randperm(len(x), generator=gen).split(BATCH):
                opt.zero_grad()
                bce(net(x[batch])[:, 0], t[batch], w[batch]).backward()
                opt.step()
        net.eval()
        modules = [m for m in net if isinstance(m, torch.nn.Linear)]
    head.params = [(m.weight.detach().double().numpy(), m.bias.detach().double().numpy()) for m in modules]
    return head


def _fit_ensemble(design: Design, x_source, y, weight, seed):
    """K MLPs, each with its own seed (initialisation, batch order, dropout), trained side by side: one
    batched step updates all members, each on its own batch. The loss is the sum of the members' losses
    and AdamW works per parameter, so each member trains as it would alone, at the cost of one."""
    k_members, h = design.members, design.hidden
    head = Head(design, *_standardiser(x_source[:, design.columns] if design.columns is not None else x_source))
    x = torch.tensor((head.inputs(x_source) - head.mean) / head.std, dtype=torch.float32)
    t = torch.tensor(y, dtype=torch.float32)
    w = torch.tensor(weight / weight.mean(), dtype=torch.float32)
    firsts, seconds = [], []
    for k in range(k_members):  # the same initialisation a lone MLP would get from its seed
        torch.manual_seed(seed + 1000 * k)
        firsts.append(torch.nn.Linear(x.shape[1], h))
        seconds.append(torch.nn.Linear(h, 1))
    w1 = torch.nn.Parameter(torch.stack([m.weight.detach() for m in firsts]))  # (K, H, D)
    b1 = torch.nn.Parameter(torch.stack([m.bias.detach() for m in firsts])[:, None, :])  # (K, 1, H)
    w2 = torch.nn.Parameter(torch.stack([m.weight.detach() for m in seconds]))  # (K, 1, H)
    b2 = torch.nn.Parameter(torch.stack([m.bias.detach() for m in seconds]))  # (K, 1)
    opt = torch.optim.AdamW([w1, b1, w2, b2], lr=LR, weight_decay=design.l2)
    gens = [torch.Generator().manual_seed(seed + 1000 * k) for k in range(k_members)]
    drop_in, drop_hidden = torch.nn.Dropout(0.2), torch.nn.Dropout(0.3)
    for _ in range(design.epochs):
        order = torch.stack([torch.randperm(len(x), generator=g) for g in gens])  # (K, N)
        for batch in order.split(BATCH, dim=1):  # (K, B)
            opt.zero_grad()
            hidden = torch.relu(torch.baddbmm(b1, drop_in(x[batch]), w1.transpose(1, 2)))
            logits = torch.bmm(drop_hidden(hidden), w2.transpose(1, 2))[:, :, 0] + b2  # (K, B)
            loss = torch.nn.functional.binary_cross_entropy_with_logits(logits, t[batch], reduction='none')
            (w[batch] * loss).mean(1).sum().backward()
            opt.step()
    d = lambda p: p.detach().double().numpy()
    head.params = [(d(w1).reshape(k_members * h, -1), d(b1).reshape(-1)),
                   (d(w2).transpose(1, 0, 2).reshape(1, -1) / k_members, d(b2).mean(0))]
    return head
