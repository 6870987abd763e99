"""Converts DualSight PyTorch weights into a DualSight model folder (model.onnx + manifest.json).

Usage: convert.py WEIGHTS.pth obj_label_mapping.json OUT_DIR [--name N] [--version V] [--probe FILE]

The folder is what the extension and `dualsight verify` load (format: src/shared/model-manifest.ts).
Normally run through `npm run convert:dualsight`, whose wrapper (convert.mjs) also runs the exported
model in onnxruntime-web and compares it with PyTorch's outputs written to --probe.
"""
import argparse
import hashlib
import json
import math
import os
import sys

import onnx
import torch
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dualsight_model import AUTHENTICITY_CLASSES, OBJECT_CLASSES, DualSight  # noqa: E402

OPSET = 17
MODEL_FILE = 'model.onnx'
INPUT_NAME, OBJECTS_NAME, AUTHENTICITY_NAME = 'image', 'obj_logits', 'bin_logits'
SIZE, RESIZE_SHORTER = 224, 256
IMAGENET_MEAN, IMAGENET_STD = [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]
# The seed model's softmax is uncalibrated and was trained on AI art vs real art (SPEC.md), not on
# feed photos: only confident scores get a verdict, the middle band reads "unsure".
THRESHOLDS = {'ai': 0.7, 'real': 0.3, 'object': 0.1}


class ConvertError(Exception):
    pass


def read_labels(path: str) -> list:
    """obj_label_mapping.json maps name -> index; returns the names in index order, checked complete."""
    with open(path, encoding='utf-8') as f:
        mapping = json.load(f)
    if not isinstance(mapping, dict):
        raise ConvertError(f'{path}: expected a JSON object of label -> index')
    labels = [None] * OBJECT_CLASSES
    for name, index in mapping.items():
        if not isinstance(index, int) or not 0 <= index < OBJECT_CLASSES:
            raise ConvertError(f'{path}: label {name!r} has index {index!r}, not in 0..{OBJECT_CLASSES - 1}')
        if labels[index] is not None:
            raise ConvertError(f'{path}: index {index} is used by both {labels[index]!r} and {name!r}')
        labels[index] = name
    missing = [i for i, name in enumerate(labels) if name is None]
    if missing:
        raise ConvertError(f'{path}: no label for indices {missing[:10]}{"..." if len(missing) > 10 else ""}')
    return labels


def load_model(weights_path: str) -> DualSight:
    # weights_only: a .pth is a pickle; refuse anything but tensors (untrusted downloads).
    state = torch.load(weights_path, map_location='cpu', weights_only=True)
    for wrapper in ('state_dict', 'model_state_dict'):
        if isinstance(state, dict) and isinstance(state.get(wrapper), dict):
            state = state[wrapper]
    model = DualSight()
    try:
        model.load_state_dict(state, strict=True)
    except RuntimeError as e:
        raise ConvertError(f'{weights_path}: not DualSight weights: {e}') from e
    return model.eval()


def probe_input() -> torch.Tensor:
    """A fixed, smooth test pattern in the model's normalised input space (for the parity probe)."""
    ys, xs = torch.meshgrid(torch.linspace(0, 1, SIZE), torch.linspace(0, 1, SIZE), indexing='ij')
    rgb = torch.stack([xs, ys, 0.5 + 0.5 * torch.sin(6 * math.pi * xs * ys)])
    mean, std = torch.tensor(IMAGENET_MEAN).view(3, 1, 1), torch.tensor(IMAGENET_STD).view(3, 1, 1)
    return ((rgb - mean) / std).unsqueeze(0)


def export(model: DualSight, path: str) -> None:
    with torch.no_grad():
        torch.onnx.export(
            model, probe_input(), path, opset_version=OPSET, do_constant_folding=True,
            input_names=[INPUT_NAME], output_names=[OBJECTS_NAME, AUTHENTICITY_NAME],
        )


def dims(value_info) -> list:
    return [d.dim_value for d in value_info.type.tensor_type.shape.dim]


def check_exported(path: str, model: DualSight) -> None:
    """The file must be a valid, self-contained graph with the expected I/O and every weight inside."""
    proto = onnx.load(path)
    onnx.checker.check_model(proto, full_check=True)
    io = {v.name: dims(v) for v in list(proto.graph.input) + list(proto.graph.output)}
    expected = {INPUT_NAME: [1, 3, SIZE, SIZE], OBJECTS_NAME: [1, OBJECT_CLASSES], AUTHENTICITY_NAME: [1, AUTHENTICITY_CLASSES]}
    for name, shape in expected.items():
        if io.get(name) != shape:
            raise ConvertError(f'exported model: {name} has shape {io.get(name)}, expected {shape}')
    if any(t.data_location == onnx.TensorProto.EXTERNAL for t in proto.graph.initializer):
        raise ConvertError('exported model keeps weights in external files; the extension needs one file')
    # Export folds eval-mode BatchNorm into the convolutions, so count what cannot be folded away:
    # one Conv per Conv2d, one Gemm per Linear, and at least every conv/linear weight stored.
    layers = [m for m in model.modules() if isinstance(m, (nn.Conv2d, nn.Linear))]
    ops = [n.op_type for n in proto.graph.node]
    convs, linears = sum(isinstance(m, nn.Conv2d) for m in layers), sum(isinstance(m, nn.Linear) for m in layers)
    if ops.count('Conv') != convs or ops.count('Gemm') != linears:
        raise ConvertError(f'exported model has {ops.count("Conv")} Conv / {ops.count("Gemm")} Gemm nodes, '
                           f'the network has {convs} / {linears}')
    stored = sum(math.prod(t.dims) for t in proto.graph.initializer)
    needed = sum(m.weight.numel() for m in layers)
    if stored < needed:
        raise ConvertError(f'exported model holds {stored} weights, the network has {needed}')


def sha256_of(path: str) -> str:
    h = hashlib.sha256()
    with open(path, 'rb') as f:
        for block in iter(lambda: f.read(1 << 20), b''):
            h.update(block)
    return h.hexdigest()


def manifest_for(name: str, version: str, labels: list, model_path: str) -> dict:
    return {
        'format': 'dualsight-model@1',
        'name': name,
        'version': version,
        'description': 'DualSight (ResNet-50, two heads) converted from PyTorch weights by tools/dualsight/convert.py.',
        'file': os.path.basename(model_path),
        'bytes': os.path.getsize(model_path),
        'sha256': sha256_of(model_path),
        'input': {
            'name': INPUT_NAME, 'layout': 'NCHW', 'width': SIZE, 'height': SIZE,
            'resize': 'shorter-center-crop', 'resizeShorter': RESIZE_SHORTER,
            'scale': 255, 'mean': IMAGENET_MEAN, 'std': IMAGENET_STD,
        },
        'outputs': {
            'objects': {
                'name': OBJECTS_NAME, 'activation': 'softmax', 'labels': labels,
                'labelKind': 'label-sets', 'ignore': ['Unknown'],
            },
            'authenticity': {
                'name': AUTHENTICITY_NAME, 'activation': 'softmax', 'aiIndex': 0,
                'labels': ['AI-Generated', 'Real'],
            },
        },
        'thresholds': THRESHOLDS,
    }


def write_probe(model: DualSight, path: str) -> None:
    """PyTorch's own outputs on the probe pattern, for the wrapper's onnxruntime comparison."""
    x = probe_input()
    with torch.no_grad():
        obj, bin_ = model(x)
    with open(path, 'w', encoding='utf-8') as f:
        json.dump({'input': x.flatten().tolist(), OBJECTS_NAME: obj.flatten().tolist(), AUTHENTICITY_NAME: bin_.flatten().tolist()}, f)


def main(argv: list) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('weights')
    p.add_argument('labels')
    p.add_argument('out_dir')
    p.add_argument('--name', default='dualsight')
    p.add_argument('--version', help='default: "1-" + first 8 hex digits of the weights file SHA-256')
    p.add_argument('--probe', help='write PyTorch outputs on a fixed test pattern to this JSON file')
    a = p.parse_args(argv)
    try:
        labels = read_labels(a.labels)
        model = load_model(a.weights)
        os.makedirs(a.out_dir, exist_ok=True)
        model_path = os.path.join(a.out_dir, MODEL_FILE)
        export(model, model_path)
        check_exported(model_path, model)
        version = a.version or f'1-{sha256_of(a.weights)[:8]}'
        manifest = manifest_for(a.name, version, labels, model_path)
        with open(os.path.join(a.out_dir, 'manifest.json'), 'w', encoding='utf-8') as f:
            json.dump(manifest, f, indent=2)
            f.write('\n')
        if a.probe:
            write_probe(model, a.probe)
    except (ConvertError, OSError, json.JSONDecodeError) as e:
        print(f'convert: {e}', file=sys.stderr)
        return 1
    print(f'wrote {model_path} ({manifest["bytes"]} bytes, {a.name}@{version}) and manifest.json')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
