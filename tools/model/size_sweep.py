"""Prints object recall / precision per input size from .cache/model/size-sweep.json (tools/model/size_sweep.mjs),
with the threshold chosen on the train COCO photos as objects_eval.py chooses it.

Usage: /usr/bin/python3 tools/model/size_sweep.py"""
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(__file__))
from cache import CACHE_DIR  # noqa: E402
from objects_eval import choose_threshold, coco_recall, ground_truth  # noqa: E402


def main():
    with open(os.path.join(CACHE_DIR, 'size-sweep.json')) as f:
        d = json.load(f)
    truths = [ground_truth(im['coco_objects']) for im in d['images']]
    train = np.array([im['split'] == 'train' for im in d['images']])
    print('| input | threshold | COCO objects (>= 5% area) named | top 3 | precision |\n|---|---|---|---|---|')
    for size, scores in d['sizes'].items():
        s = np.array(scores)
        t = choose_threshold(s[train], [g for g, k in zip(truths, train) if k], d['labels'])
        c = coco_recall(s, truths, d['labels'], t)
        print(f"| {size} px | {t:.2f} | {c['recall_all']:.1%} | {c['recall_top3']:.1%} | {c['precision']:.1%} |")


if __name__ == '__main__':
    main()
