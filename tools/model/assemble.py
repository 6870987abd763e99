"""Appends the trained authenticity and kind heads to the backbone graph: ONE ONNX file with outputs
`objects` [1,80] (the backbone's object scores through objects_eval.py's calibration: P(the name is right)),
`ai_logit` [1,1] (Platt calibration folded into the last layer, so sigmoid(ai_logit) is
the calibrated P(AI)) and `kind_logits` [1,4] (softmax = P(photo, artwork, graphic, composite)), then writes models/dualsight-lite/manifest.json (src/shared/model-manifest.ts) and
.cache/model/check.json (head logits for the val clean views, which verify.mjs compares against the
assembled model).

Usage: /usr/bin/python3 tools/model/assemble.py
"""
import hashlib
import json
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

sys.path.insert(0, os.path.dirname(__file__))
from cache import CACHE_DIR, REPO_ROOT, load_backbone_meta  # noqa: E402
from kinds import KINDS  # noqa: E402

BACKBONE_ONNX = os.path.join(REPO_ROOT, 'models', '_build', 'centernet-features.onnx')
OUT_DIR = os.path.join(REPO_ROOT, 'models', 'dualsight-lite')
NAME, VERSION = 'dualsight-lite', '2.2.0'


def load_head():
    z = np.load(os.path.join(CACHE_DIR, 'head.npz'))
    design = json.loads(str(z['design']))
    n = sum(1 for k in z.files if k.startswith('w'))
    nk = sum(1 for k in z.files if k.startswith('kw'))
    return design, [(z[f'w{i}'], z[f'b{i}']) for i in range(n)], [(z[f'kw{i}'], z[f'kb{i}']) for i in range(nk)], z


def append_mlp(g, source, layers, prefix, output):
    """Gemm(+Relu) nodes reading `source` and producing `output`."""
    x = source
    for i, (w, b) in enumerate(layers):
        last = i == len(layers) - 1
        wn, bn = f'{prefix}/w{i}', f'{prefix}/b{i}'
        g.initializer.extend([numpy_helper.from_array(w.T.astype(np.float32), wn), numpy_helper.from_array(b.astype(np.float32), bn)])
        y = output if last else f'{prefix}/h{i}'
        g.node.append(helper.make_node('Gemm', [x, wn, bn], [y if last else y + '_pre'], name=f'{prefix}/gemm{i}'))
        if not last:
            g.node.append(helper.make_node('Relu', [y + '_pre'], [y], name=f'{prefix}/relu{i}'))
        x = y


def calibrate_objects(model, cal):
    """Renames the backbone's `objects` to `objects/raw` and adds `objects` = sigmoid(a * ln(raw + eps) + b)."""
    g = model.graph
    producers = [n for n in g.node if 'objects' in n.output]
    if len(producers) != 1:
        raise SystemExit('assemble: the backbone has no single node producing `objects`')
    out = list(producers[0].output)
    out[out.index('objects')] = 'objects/raw'
    del producers[0].output[:]
    producers[0].output.extend(out)
    consts = {'objects/eps': cal['eps'], 'objects/a': cal['a'], 'objects/b': cal['b']}
    g.initializer.extend(numpy_helper.from_array(np.array(v, dtype=np.float32), k) for k, v in consts.items())
    g.node.extend([helper.make_node('Add', ['objects/raw', 'objects/eps'], ['objects/shifted'], name='objects/cal_add'),
                   helper.make_node('Log', ['objects/shifted'], ['objects/log'], name='objects/cal_log'),
                   helper.make_node('Mul', ['objects/log', 'objects/a'], ['objects/scaled'], name='objects/cal_mul'),
                   helper.make_node('Add', ['objects/scaled', 'objects/b'], ['objects/logit'], name='objects/cal_bias'),
                   helper.make_node('Sigmoid', ['objects/logit'], ['objects'], name='objects/cal_sigmoid')])
    return model


def append_head(model, source, layers, kind_layers):
    """Adds the authenticity head (-> `ai_logit`) and the kind head on the pooled features (->
    `kind_logits`); drops the intermediate `features` output so the file has exactly the outputs the
    manifest names."""
    g = model.graph
    append_mlp(g, source, layers, 'dualsight_head', 'ai_logit')
    append_mlp(g, 'features', kind_layers, 'dualsight_kind', 'kind_logits')
    keep = [o for o in g.output if o.name == 'objects']
    del g.output[:]
    g.output.extend(keep + [helper.make_tensor_value_info('ai_logit', TensorProto.FLOAT, [1, 1]),
                            helper.make_tensor_value_info('kind_logits', TensorProto.FLOAT, [1, len(KINDS)])])
    return model


def manifest(meta, spec, results, objects, model_bytes):
    chosen = results['chosen']
    return {
        'format': 'dualsight-model@1',
        'name': NAME,
        'version': VERSION,
        'description': ('COCO CenterNet (MobileNetV3) object scores plus an authenticity head '
                        f"({chosen['name']}) and an image-kind head on its pooled multi-stage features; figures in REPORT.md"),
        'file': 'model.onnx',
        'bytes': len(model_bytes),
        'sha256': hashlib.sha256(model_bytes).hexdigest(),
        'input': spec,
        'outputs': {
            'objects': {'name': 'objects', 'activation': 'none', 'labels': meta['outputs']['objects']['labels'], 'labelKind': 'single'},
            'authenticity': {'name': 'ai_logit', 'activation': 'sigmoid', 'aiIndex': 0},
            'kind': {'name': 'kind_logits', 'activation': 'softmax', 'labels': KINDS,
                     'unscored': results['kind']['unscored'], 'unscoredAt': round(results['kind']['unscoredAt'], 4)},
        },
        'thresholds': {'ai': round(chosen['thresholds']['ai'], 4), 'real': round(chosen['thresholds']['real'], 4),
                       'object': objects['threshold']},
        'report': 'REPORT.md',
    }


def main():
    meta = load_backbone_meta()
    with open(os.path.join(CACHE_DIR, 'index.json')) as f:
        index = json.load(f)
    with open(os.path.join(CACHE_DIR, 'results.json')) as f:
        results = json.load(f)
    with open(os.path.join(CACHE_DIR, 'objects.json')) as f:
        objects = json.load(f)
    with open(BACKBONE_ONNX, 'rb') as f:
        backbone_sha = hashlib.sha256(f.read()).hexdigest()
    if backbone_sha != index['backboneSha256']:
        raise SystemExit('assemble: the backbone changed since the features were extracted: rerun extract.mjs and train.py')
    design, layers, kind_layers, z = load_head()
    model = append_head(calibrate_objects(onnx.load(BACKBONE_ONNX), objects['calibration']), design['source'], layers, kind_layers)
    onnx.checker.check_model(model)
    data = model.SerializeToString()
    os.makedirs(OUT_DIR, exist_ok=True)
    with open(os.path.join(OUT_DIR, 'model.onnx'), 'wb') as f:
        f.write(data)
    with open(os.path.join(OUT_DIR, 'manifest.json'), 'w') as f:
        json.dump(manifest(meta, index['input'], results, objects, data), f, indent=2)
        f.write('\n')
    views = z['check_views']
    with open(os.path.join(CACHE_DIR, 'check.json'), 'w') as f:
        json.dump({'files': [index['views'][i]['file'] for i in views], 'logits': z['check_logits'].tolist(),
                   'kindLogits': z['check_kind_logits'].tolist()}, f)
    print(f'assembled models/dualsight-lite/model.onnx ({len(data) / 1e6:.1f} MB, head {design["name"]})')


if __name__ == '__main__':
    main()
