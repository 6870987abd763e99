"""Makes a half-size copy of a model folder: weights stored as float16, computed in float32.

Usage: fp16_weights.py IN_MODEL_DIR OUT_MODEL_DIR

Each large float32 initializer is stored as float16 and cast back by a Cast node in front of the
graph; onnxruntime folds those casts once at session creation, so inference runs the same float32
kernels (WASM has no fast float16 arithmetic) while the download and the stored copy halve.
The manifest is copied with the new file's bytes and sha256, and "-fp16" appended to its version.
"""
import hashlib
import json
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

# Small tensors (biases, scalars) gain nothing from halving and are where rounding would hurt most.
MIN_ELEMENTS = 1024
FP16_MAX = float(np.finfo(np.float16).max)


def halve_weights(model: onnx.ModelProto) -> onnx.ModelProto:
    graph = model.graph
    kept, casts = [], []
    for init in graph.initializer:
        values = numpy_helper.to_array(init)
        if init.data_type != TensorProto.FLOAT or values.size < MIN_ELEMENTS:
            kept.append(init)
            continue
        if np.abs(values).max() > FP16_MAX:
            raise ValueError(f'initializer {init.name} exceeds the float16 range; keep this model in float32')
        half = numpy_helper.from_array(values.astype(np.float16), f'{init.name}__fp16')
        kept.append(half)
        casts.append(helper.make_node('Cast', [half.name], [init.name], to=TensorProto.FLOAT, name=f'{init.name}__to_fp32'))
    del graph.initializer[:]
    graph.initializer.extend(kept)
    nodes = casts + list(graph.node)
    del graph.node[:]
    graph.node.extend(nodes)
    onnx.checker.check_model(model, full_check=True)
    return model


def main(in_dir: str, out_dir: str) -> None:
    with open(os.path.join(in_dir, 'manifest.json'), encoding='utf-8') as f:
        manifest = json.load(f)
    model = halve_weights(onnx.load(os.path.join(in_dir, manifest['file'])))
    os.makedirs(out_dir, exist_ok=True)
    out_file = os.path.join(out_dir, manifest['file'])
    onnx.save(model, out_file)
    with open(out_file, 'rb') as f:
        data = f.read()
    manifest.update(bytes=len(data), sha256=hashlib.sha256(data).hexdigest(), version=f"{manifest['version']}-fp16")
    with open(os.path.join(out_dir, 'manifest.json'), 'w', encoding='utf-8') as f:
        json.dump(manifest, f, indent=2)
        f.write('\n')
    print(f'wrote {out_file} ({len(data)} bytes, {manifest["name"]}@{manifest["version"]})')


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
