"""Reads a TF.js graph model (model.json + weight shards) into plain Python: the node list and
every Const as a dequantised numpy array.

TF.js stores all Const values in the weight shards (the shards are one byte stream, in manifest
order); quantised weights are expanded the way tfjs-core's `io.decodeWeights` does it."""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass, field

import numpy as np

_PLAIN_DTYPES = {'float32': np.float32, 'int32': np.int32, 'bool': np.bool_}
_QUANT_DTYPES = {'uint8': np.uint8, 'uint16': np.uint16, 'float16': np.float16}


@dataclass
class TfNode:
    name: str
    op: str
    inputs: list[str]
    attr: dict


@dataclass
class TfjsGraph:
    nodes: dict[str, TfNode]
    consts: dict[str, np.ndarray]
    # Signature: input name -> TF shape (NHWC for images), output names in signature order.
    input_shapes: dict[str, list[int]]
    output_names: list[str] = field(default_factory=list)


def _decode_weight(spec: dict, buf: bytes, offset: int) -> tuple[np.ndarray, int]:
    shape = spec['shape']
    count = int(np.prod(shape)) if shape else 1
    quant = spec.get('quantization')
    if quant:
        qdtype = _QUANT_DTYPES.get(quant['dtype'])
        if qdtype is None:
            raise ValueError(f"weight {spec['name']}: unsupported quantisation dtype {quant['dtype']}")
        raw = np.frombuffer(buf, dtype=qdtype, count=count, offset=offset)
        size = raw.nbytes
        if quant['dtype'] == 'float16':
            values = raw.astype(np.float32)
        else:
            # tfjs-core: value = q * scale + min (affine quantisation of the original float range).
            values = raw.astype(np.float32) * np.float32(quant['scale']) + np.float32(quant['min'])
        target = _PLAIN_DTYPES.get(quant.get('original_dtype', spec['dtype']), np.float32)
        if target is np.int32:
            values = np.round(values)
        return values.astype(target).reshape(shape), size
    dtype = _PLAIN_DTYPES.get(spec['dtype'])
    if dtype is None:
        raise ValueError(f"weight {spec['name']}: unsupported dtype {spec['dtype']}")
    raw = np.frombuffer(buf, dtype=dtype, count=count, offset=offset)
    return raw.copy().reshape(shape), raw.nbytes


def _attr_value(v: dict):
    """TF AttrValue as JSON (TF.js keeps the protobuf JSON form) -> a Python value."""
    if 'list' in v:
        lst = v['list']
        if 's' in lst:
            return [base64.b64decode(s).decode() for s in lst['s']]
        if 'i' in lst:
            return [int(i) for i in lst['i']]
        if 'f' in lst:
            return [float(f) for f in lst['f']]
        return []
    if 's' in v:
        return base64.b64decode(v['s']).decode()
    if 'i' in v:
        return int(v['i'])
    if 'f' in v:
        return float(v['f'])
    if 'b' in v:
        return bool(v['b'])
    if 'type' in v:
        return v['type']
    if 'shape' in v:
        return [int(d.get('size', -1)) for d in v['shape'].get('dim', [])]
    return None


def _shape_from_signature(entry: dict) -> list[int]:
    return [int(d.get('size', -1)) for d in entry['tensorShape']['dim']]


def load_tfjs_graph(model_json_path: str) -> TfjsGraph:
    with open(model_json_path, encoding='utf-8') as f:
        model = json.load(f)
    if model.get('format') not in (None, 'graph-model'):
        raise ValueError(f"{model_json_path}: format {model.get('format')!r} is not a TF.js graph model")
    folder = os.path.dirname(model_json_path)
    consts: dict[str, np.ndarray] = {}
    for group in model['weightsManifest']:
        buf = b''.join(open(os.path.join(folder, p), 'rb').read() for p in group['paths'])
        offset = 0
        for spec in group['weights']:
            consts[spec['name']], size = _decode_weight(spec, buf, offset)
            offset += size
        if offset != len(buf):
            raise ValueError(f"weights {group['paths']}: manifest covers {offset} of {len(buf)} bytes")

    nodes: dict[str, TfNode] = {}
    for n in model['modelTopology']['node']:
        attr = {k: _attr_value(v) for k, v in n.get('attr', {}).items()}
        # '^name' inputs are control dependencies: no data flows through them.
        inputs = [i for i in n.get('input', []) if not i.startswith('^')]
        nodes[n['name']] = TfNode(n['name'], n['op'], inputs, attr)

    signature = model.get('signature') or model.get('userDefinedMetadata', {}).get('signature') or {}
    input_shapes = {v['name'].split(':')[0]: _shape_from_signature(v) for v in signature.get('inputs', {}).values()}
    if not input_shapes:
        for n in nodes.values():
            if n.op == 'Placeholder':
                input_shapes[n.name] = n.attr.get('shape') or []
    outputs = [v['name'].split(':')[0] for v in signature.get('outputs', {}).values()]
    return TfjsGraph(nodes, consts, input_shapes, outputs)
