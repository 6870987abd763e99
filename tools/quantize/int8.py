#!/usr/bin/env python3
"""Static int8 quantization (QDQ form) of a float32 ONNX model's convolutions, without onnxruntime's
Python tools (not installable here): weights int8 symmetric per output channel, biases int32, and the
activations entering and leaving every Conv uint8 asymmetric with ranges measured on calibration images
(calibrate.mjs). onnxruntime fuses DequantizeLinear -> Conv -> QuantizeLinear into QLinearConv.

  int8.py expose MODEL OUT_MODEL OUT_NAMES_JSON   # MODEL plus every Conv input/output as a graph output
  int8.py quantize MODEL RANGES_JSON OUT_MODEL    # RANGES_JSON: {tensor: [min, max]} from calibrate.mjs
"""
import json
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


def conv_tensors(graph):
    names = []
    for n in graph.node:
        if n.op_type == 'Conv':
            names += [n.input[0], n.output[0]]
    return list(dict.fromkeys(names))


def expose(src, out, names_out):
    m = onnx.load(src)
    names = conv_tensors(m.graph)
    have = {o.name for o in m.graph.output}
    for t in names:
        if t not in have:
            m.graph.output.append(helper.make_tensor_value_info(t, TensorProto.FLOAT, None))
    onnx.save(m, out)
    json.dump(names, open(names_out, 'w'))


def constant_value(graph, name):
    """A float initializer, or a Cast of one (the converted model stores weights as fp16 + Cast)."""
    inits = {i.name: i for i in graph.initializer}
    if name in inits:
        return numpy_helper.to_array(inits[name]).astype(np.float32)
    for n in graph.node:
        if n.op_type == 'Cast' and n.output[0] == name and n.input[0] in inits:
            return numpy_helper.to_array(inits[n.input[0]]).astype(np.float32)
    return None


def quantize(src, ranges_path, out):
    m = onnx.load(src)
    g = m.graph
    ranges = json.load(open(ranges_path))
    new_inits = []
    act = {}  # tensor -> (scale, zero point) for uint8

    def act_params(t):
        if t not in act:
            lo, hi = ranges[t]
            lo, hi = min(float(lo), 0.0), max(float(hi), 0.0)
            scale = max((hi - lo) / 255.0, 1e-8)
            zp = int(np.clip(round(-lo / scale), 0, 255))
            act[t] = (scale, zp)
            new_inits.append(numpy_helper.from_array(np.array(scale, np.float32), f'{t}/q_scale'))
            new_inits.append(numpy_helper.from_array(np.array(zp, np.uint8), f'{t}/q_zp'))
        return act[t]

    nodes = []
    quantized_acts = set()
    for n in g.node:
        if n.op_type != 'Conv':
            nodes.append(n)
            continue
        x, w_name = n.input[0], n.input[1]
        w = constant_value(g, w_name)
        if w is None or x not in ranges or n.output[0] not in ranges:
            nodes.append(n)
            continue
        sx, _ = act_params(x)
        act_params(n.output[0])
        quantized_acts |= {x, n.output[0]}
        # Weights: int8, symmetric, one scale per output channel.
        flat = np.abs(w.reshape(w.shape[0], -1)).max(axis=1)
        sw = np.where(flat > 0, flat / 127.0, 1.0).astype(np.float32)
        wq = np.clip(np.round(w / sw.reshape(-1, *([1] * (w.ndim - 1)))), -127, 127).astype(np.int8)
        base = n.name or n.output[0]
        new_inits += [
            numpy_helper.from_array(wq, f'{base}/w_q'),
            numpy_helper.from_array(sw, f'{base}/w_scale'),
            numpy_helper.from_array(np.zeros(w.shape[0], np.int8), f'{base}/w_zp'),
        ]
        nodes.append(helper.make_node('DequantizeLinear', [f'{base}/w_q', f'{base}/w_scale', f'{base}/w_zp'], [f'{base}/w_dq'], axis=0))
        inputs = [n.input[0], f'{base}/w_dq']
        if len(n.input) > 2 and n.input[2]:
            b = constant_value(g, n.input[2])
            sb = (sx * sw).astype(np.float64)
            bq = np.round(b / sb)
            if not np.all(np.isfinite(bq)) or np.abs(bq).max() >= 2**31:
                # The bias does not fit int32 at this scale (a near-constant input): it stays float.
                inputs.append(n.input[2])
                conv = helper.make_node('Conv', inputs, list(n.output), name=n.name)
                conv.attribute.extend(n.attribute)
                nodes.append(conv)
                continue
            sb = sb.astype(np.float32)
            bq = bq.astype(np.int32)
            new_inits += [
                numpy_helper.from_array(bq, f'{base}/b_q'),
                numpy_helper.from_array(sb, f'{base}/b_scale'),
                numpy_helper.from_array(np.zeros(w.shape[0], np.int32), f'{base}/b_zp'),
            ]
            nodes.append(helper.make_node('DequantizeLinear', [f'{base}/b_q', f'{base}/b_scale', f'{base}/b_zp'], [f'{base}/b_dq'], axis=0))
            inputs.append(f'{base}/b_dq')
        conv = helper.make_node('Conv', inputs, list(n.output), name=n.name)
        conv.attribute.extend(n.attribute)
        nodes.append(conv)

    # One QuantizeLinear -> DequantizeLinear pair per quantized activation, right after its producer;
    # every consumer reads the dequantized tensor.
    graph_outputs = {o.name for o in g.output}
    rename = {t: f'{t}/dq' for t in quantized_acts}
    final = []

    def qdq(t):
        s, z = f'{t}/q_scale', f'{t}/q_zp'
        return [helper.make_node('QuantizeLinear', [t, s, z], [f'{t}/q']), helper.make_node('DequantizeLinear', [f'{t}/q', s, z], [rename[t]])]

    for t in [i.name for i in g.input if i.name in quantized_acts]:
        final += qdq(t)
    for n in nodes:
        for i, name in enumerate(n.input):
            if name in rename:
                n.input[i] = rename[name]
        final.append(n)
        for o in n.output:
            if o in quantized_acts:
                final += qdq(o)
    for o in g.output:
        assert o.name not in quantized_acts or o.name in graph_outputs
    # Drop what the float convolutions used and nothing reads any more (fp16 weights and their Casts).
    used = {i for n in final for i in n.input} | {o.name for o in g.output}
    final = [n for n in final if not (n.op_type == 'Cast' and n.output[0] not in used)]
    used = {i for n in final for i in n.input}
    del g.node[:]
    g.node.extend(final)
    keep = [i for i in list(g.initializer) + new_inits if i.name in used]
    del g.initializer[:]
    g.initializer.extend(keep)
    onnx.checker.check_model(m)
    onnx.save(m, out)
    print(f'int8.py: {len([n for n in nodes if n.op_type == "Conv"])} convolutions, {len(quantized_acts)} activations quantized -> {out}')


if __name__ == '__main__':
    cmd, *args = sys.argv[1:]
    {'expose': expose, 'quantize': quantize}[cmd](*args)
