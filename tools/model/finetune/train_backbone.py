#!/usr/bin/env python3
"""Fine-tunes the converted detector backbone end to end for the authenticity task, keeping its object
heatmap close to the original detector's (distillation), and writes the result as a drop-in replacement
for models/_build/centernet-features.onnx (same graph, same outputs, new conv weights).

    /usr/bin/python3 tools/model/finetune/train_backbone.py [--epochs 4] [--size 256] [--holdout gpt-image,nano-banana,midjourney]

- Data: the train split of ../shared/datasets/ai-vs-real plus the build's synthetic images; never val.
  AI images of the --holdout families are left out, so the head's leave-one-generator-out figures
  for those families (train.py) still measure families the whole model never saw.
- Each epoch: every AI image once, and as many human-made images drawn at random, each through one
  random feed-like augmentation (views.mjs's recipe: shared aspect crops, downscale, JPEG/WebP once
  or twice, phone filter, blur), identical for both classes, stretched to --size.
- Loss: BCE of a linear authenticity head on the standardised pooled features, plus --distill x the
  soft BCE between the student's and the frozen teacher's heatmap (objects stay named), plus an L2
  pull towards the starting weights (L2-SP).
The result replaces models/_build/centernet-features.onnx (its JSON gains a `finetune` record; the
converted original stays beside it as centernet-features.frozen.onnx). Cached under
.cache/model/finetune/, keyed on the original's sha256, this script and its arguments: a rerun with
nothing changed installs the cached result without training."""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import math
import os
import random
import re
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image, ImageEnhance, ImageFilter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from cache import CACHE_DIR, REPO_ROOT, load_manifest  # noqa: E402
from onnx_torch import OnnxNet  # noqa: E402

OUT_DIR = os.path.join(CACHE_DIR, 'finetune')
ASPECTS = [1, 4 / 3, 3 / 4, 3 / 2, 2 / 3]


def encode(img: Image.Image, fmt: str, quality: int) -> Image.Image:
    buf = io.BytesIO()
    img.save(buf, format='JPEG' if fmt == 'jpeg' else 'WEBP', quality=quality)
    buf.seek(0)
    return Image.open(buf).convert('RGB')


def augment(img: Image.Image, rnd: random.Random) -> Image.Image:
    """One feed-like view (the recipe of tools/model/views.mjs, applied with PIL)."""
    w, h = img.size
    aspect = rnd.choice(ASPECTS)
    cw, ch = w, round(w / aspect)
    if ch > h:
        ch, cw = h, round(h * aspect)
    area = 0.55 + 0.45 * rnd.random()
    cw, ch = max(16, round(cw * math.sqrt(area))), max(16, round(ch * math.sqrt(area)))
    left, top = rnd.randint(0, max(0, w - cw)), rnd.randint(0, max(0, h - ch))
    img = img.crop((left, top, left + cw, top + ch))
    if rnd.random() < 0.7:
        s = 0.6 + 0.4 * rnd.random()
        img = img.resize((max(16, round(cw * s)), max(16, round(ch * s))), Image.BILINEAR)
    if rnd.random() < 0.2:
        img = ImageEnhance.Color(img).enhance(1 + 0.4 * rnd.random())
        img = ImageEnhance.Brightness(img).enhance(0.92 + 0.16 * rnd.random())
        if rnd.random() < 0.5:
            img = img.filter(ImageFilter.SHARPEN)
    if rnd.random() < 0.15:
        img = img.filter(ImageFilter.GaussianBlur(0.4 + 0.8 * rnd.random()))
    r = rnd.random()
    fmt = 'jpeg' if r < 0.5 else 'webp' if r < 0.8 else None
    if fmt:
        img = encode(img, fmt, round(35 + 60 * rnd.random()))
        if rnd.random() < 0.35:
            s = 0.7 + 0.3 * rnd.random()
            img = img.resize((max(16, round(img.width * s)), max(16, round(img.height * s))), Image.BILINEAR)
            img = encode(img, 'jpeg', round(50 + 45 * rnd.random()))
    return img


def tensor_of(img: Image.Image, size: int) -> torch.Tensor:
    img = img.resize((size, size), Image.BILINEAR)  # the model's "stretch" pre-processing
    return torch.from_numpy(np.asarray(img, dtype=np.float32).transpose(2, 0, 1).copy())


def trainable(value: str, blocks: int) -> bool:
    """Whether a conv weight (graph value name) is trained: never the detection head; with blocks >= 0 only
    the stem and expanded_conv .. expanded_conv_<blocks>."""
    if 'CenternetHead' in value:
        return False
    if blocks < 0:
        return True
    m = re.search(r'MobilenetV3/(Conv|expanded_conv(?:_(\d+))?)/', value)
    return bool(m) and (m.group(1) == 'Conv' or int(m.group(2) or 0) <= blocks)


def feature_stats(net: OnnxNet, rows: list[dict], size: int, n: int = 256) -> tuple[torch.Tensor, torch.Tensor]:
    """Mean and spread of the starting backbone's features over n train images as stored (standardisation
    for the head, fixed during training)."""
    sample = random.Random(0).sample(rows, min(n, len(rows)))
    with torch.no_grad():
        f = torch.cat([net(torch.stack([tensor_of(Image.open(r['path']).convert('RGB'), size) for r in sample[i:i + 32]]))['features']
                       for i in range(0, len(sample), 32)])
    return f.mean(0), f.std(0) + 1e-6


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--backbone', default=os.path.join(REPO_ROOT, 'models', '_build', 'centernet-features.onnx'))
    p.add_argument('--epochs', type=int, default=4)
    p.add_argument('--size', type=int, default=256)
    p.add_argument('--batch', type=int, default=16)
    p.add_argument('--lr', type=float, default=1e-4)
    p.add_argument('--distill', type=float, default=1.0)
    p.add_argument('--l2sp', type=float, default=1e-3)
    p.add_argument('--holdout', default='gpt-image,nano-banana,midjourney')
    p.add_argument('--seed', type=int, default=7)
    p.add_argument('--blocks', type=int, default=-1,
                   help='train only the first conv and inverted-residual blocks 0..N (-1: the whole backbone)')
    p.add_argument('--threads', type=int, default=2)
    args = p.parse_args(argv)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    rnd = random.Random(args.seed)
    holdout = {g for g in args.holdout.split(',') if g}

    key = cache_key(args)
    cached = os.path.join(OUT_DIR, f'{key}.onnx')
    if os.path.exists(cached):
        install(args.backbone, cached, json.load(open(os.path.join(OUT_DIR, f'{key}.json'))))
        print(f'fine-tuned backbone {key} already built: installed from the cache')
        return 0

    rows = [r for r in load_manifest().values() if r['split'] == 'train']
    ai = [r for r in rows if r['label'] == 'ai' and r['group'] not in holdout]
    real = [r for r in rows if r['label'] == 'real']
    print(f'train: {len(ai)} AI (held out: {sorted(holdout)}), {len(real)} human-made', flush=True)

    source = source_of(args.backbone)
    student = OnnxNet(source, ['features', 'heatmap'])
    teacher = OnnxNet(source, ['heatmap'])
    for q in teacher.parameters():
        q.requires_grad_(False)
    frozen_keys = {k for v, k in student.param_of.items() if not trainable(v, args.blocks)}
    for k, q in student.params.items():
        q.requires_grad_(k not in frozen_keys)  # the detection head itself always stays as it was
    start = {k: q.detach().clone() for k, q in student.params.items() if q.requires_grad}
    mean, std = feature_stats(student, rows, args.size)
    head = torch.nn.Linear(mean.numel(), 1)
    opt = torch.optim.AdamW([{'params': [q for q in student.parameters() if q.requires_grad], 'lr': args.lr, 'weight_decay': 0},
                             {'params': head.parameters(), 'lr': 1e-3, 'weight_decay': 1e-2}])
    steps_per_epoch = (2 * len(ai)) // args.batch
    total = steps_per_epoch * args.epochs
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / 50) * 0.5 * (1 + math.cos(math.pi * min(s, total) / total)))
    log = {'args': vars(args), 'ai': len(ai), 'real': len(real), 'epochs': []}
    os.makedirs(OUT_DIR, exist_ok=True)
    t_start = time.time()
    for epoch in range(args.epochs):
        items = [(r, 1.0) for r in ai] + [(r, 0.0) for r in rnd.sample(real, len(ai))]
        rnd.shuffle(items)
        sums = {'bce': 0.0, 'distill': 0.0, 'l2sp': 0.0, 'acc': 0.0, 'n': 0}
        for s in range(steps_per_epoch):
            batch = items[s * args.batch:(s + 1) * args.batch]
            x = torch.stack([tensor_of(augment(Image.open(r['path']).convert('RGB'), rnd), args.size) for r, _ in batch])
            y = torch.tensor([lab for _, lab in batch])
            out = student(x)
            logit = head((out['features'] - mean) / std).squeeze(1)
            bce = F.binary_cross_entropy_with_logits(logit, y)
            with torch.no_grad():
                t_heat = teacher(x)['heatmap']
            distill = F.binary_cross_entropy(out['heatmap'].clamp(1e-6, 1 - 1e-6), t_heat) - \
                F.binary_cross_entropy(t_heat.clamp(1e-6, 1 - 1e-6), t_heat)
            l2sp = sum(((q - start[k]) ** 2).sum() for k, q in student.params.items() if q.requires_grad)
            loss = bce + args.distill * distill * 100 + args.l2sp * l2sp
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            n = len(batch)
            sums['bce'] += bce.item() * n
            sums['distill'] += distill.item() * n
            sums['l2sp'] += l2sp.item() * n
            sums['acc'] += ((logit > 0).float() == y).float().sum().item()
            sums['n'] += n
            if s % 20 == 0:
                k = sums['n']
                print(f"epoch {epoch + 1} step {s}/{steps_per_epoch}: bce {sums['bce'] / k:.3f} acc {sums['acc'] / k:.3f} "
                      f"distill {sums['distill'] / k:.5f} l2sp {sums['l2sp'] / k:.3f} ({time.time() - t_start:.0f} s)", flush=True)
        k = sums['n']
        log['epochs'].append({key: (v / k if key != 'n' else v) for key, v in sums.items()} | {'seconds': round(time.time() - t_start)})
        print(f'epoch {epoch + 1} done: {log["epochs"][-1]}', flush=True)
    tmp = cached + '.tmp'
    student.write_back(tmp)
    # Parity of the graph as written (fp16 weights where the source had them): what extraction will run.
    log['parity'] = parity_record(OnnxNet(tmp, ['features']), rows, json.load(open(args.backbone.replace('.onnx', '.json')))['input']['width'])
    json.dump(log, open(os.path.join(OUT_DIR, f'{key}.json'), 'w'), indent=1)
    os.replace(tmp, cached)
    install(args.backbone, cached, log)
    return 0


def parity_record(net: OnnxNet, rows: list[dict], size: int, n: int = 4) -> list[dict]:
    """This module's features for n fixed train images at the graph's own input size, for parity.mjs."""
    out = []
    with torch.no_grad():
        for r in random.Random(1).sample(rows, n):
            f = net(tensor_of(Image.open(r['path']).convert('RGB'), size)[None])['features'][0]
            out.append({'path': r['path'], 'features': [round(float(v), 6) for v in f]})
    return out


def source_of(backbone: str) -> str:
    """The converted, not yet fine-tuned graph: the backbone itself after a fresh conversion, else the kept original."""
    meta = json.load(open(backbone.replace('.onnx', '.json')))
    return backbone.replace('.onnx', '.frozen.onnx') if meta.get('finetune') else backbone


def cache_key(args) -> str:
    h = hashlib.sha256()
    h.update(open(source_of(args.backbone), 'rb').read())
    for f in ('train_backbone.py', 'onnx_torch.py'):
        h.update(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), f), 'rb').read())
    h.update(json.dumps({k: v for k, v in vars(args).items() if k not in ('threads', 'backbone')}, sort_keys=True).encode())
    return h.hexdigest()[:16]


def install(backbone: str, tuned: str, log: dict) -> None:
    """Puts the fine-tuned graph where extraction and assembly read the backbone; keeps the original."""
    frozen = backbone.replace('.onnx', '.frozen.onnx')
    meta_path = backbone.replace('.onnx', '.json')
    meta = json.load(open(meta_path))
    if meta.get('finetune') is None:
        os.replace(backbone, frozen)  # a fresh conversion: keep it
    blob = open(tuned, 'rb').read()
    with open(backbone, 'wb') as f:
        f.write(blob)
    meta['bytes'] = len(blob)
    meta['sha256'] = hashlib.sha256(blob).hexdigest()
    meta['finetune'] = {'by': 'tools/model/finetune/train_backbone.py', 'args': log['args'], 'ai_images': log['ai'],
                        'epochs': log['epochs'], 'from': os.path.basename(frozen)}
    json.dump(meta, open(meta_path, 'w'), indent=2)
    json.dump(log['parity'], open(os.path.join(OUT_DIR, 'installed-parity.json'), 'w'))


if __name__ == '__main__':
    sys.exit(main())
