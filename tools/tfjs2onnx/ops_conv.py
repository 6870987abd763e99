"""Convolution-family TF ops -> ONNX, in NCHW: Conv2D, DepthwiseConv2dNative, their TF.js fused
forms (bias + activation, fused by Grappler and the TF.js converter; batch norm is already folded
into the weights by then), MaxPool and AvgPool. TF's SAME padding is asymmetric (the extra
row/column goes at the end), so pads are computed explicitly from the static input size rather
than left to auto_pad."""

from __future__ import annotations

import math

import numpy as np

from onnx_builder import ConversionError, OnnxBuilder, Value


def same_pads(in_size: int, kernel: int, stride: int, dilation: int) -> tuple[int, int, int]:
    """TF SAME padding for one spatial dim: (pad_before, pad_after, out_size)."""
    out = math.ceil(in_size / stride)
    effective = (kernel - 1) * dilation + 1
    total = max((out - 1) * stride + effective - in_size, 0)
    return total // 2, total - total // 2, out


def _spatial(node, in_hw: list[int], kernel_hw: list[int]) -> tuple[list[int], list[int], list[int], list[int]]:
    """-> ONNX pads [top, left, bottom, right], strides, dilations, output [H, W]."""
    if node.attr.get('data_format', 'NHWC') != 'NHWC':
        raise ConversionError(f'{node.name} ({node.op}): only data_format NHWC is supported')
    strides = node.attr.get('strides', [1, 1, 1, 1])[1:3]
    dilations = (node.attr.get('dilations') or [1, 1, 1, 1])[1:3]
    padding = node.attr.get('padding', 'VALID')
    if padding == 'SAME':
        dims = [same_pads(in_hw[i], kernel_hw[i], strides[i], dilations[i]) for i in range(2)]
        pads = [dims[0][0], dims[1][0], dims[0][1], dims[1][1]]
        out = [dims[0][2], dims[1][2]]
    elif padding == 'VALID':
        pads = [0, 0, 0, 0]
        out = [(in_hw[i] - ((kernel_hw[i] - 1) * dilations[i] + 1)) // strides[i] + 1 for i in range(2)]
    elif padding == 'EXPLICIT':
        p = node.attr['explicit_paddings']  # NHWC pairs
        pads = [p[2], p[4], p[3], p[5]]
        out = [(in_hw[i] + pads[i] + pads[i + 2] - ((kernel_hw[i] - 1) * dilations[i] + 1)) // strides[i] + 1 for i in range(2)]
    else:
        raise ConversionError(f'{node.name} ({node.op}): padding {padding!r} is not supported')
    return pads, strides, dilations, out


def _const(v: Value, node, what: str) -> np.ndarray:
    if v.const is None:
        raise ConversionError(f'{node.name} ({node.op}): {what} must be a constant')
    return v.const.astype(np.float32)


def _split_fused(node, args: list[Value]) -> tuple[np.ndarray | None, str | None, list[Value]]:
    """TF.js fused_ops -> (bias, activation, remaining args). TF.js only fuses [BiasAdd, activation?]
    (its executor rejects FusedBatchNorm), so that is all a TF.js graph model can contain."""
    fused = node.attr.get('fused_ops') or []
    if not fused:
        return None, None, args
    if fused[0] != 'BiasAdd' or len(fused) > 2:
        raise ConversionError(f'{node.name} ({node.op}): fused ops {fused} are not supported')
    return _const(args[0], node, 'the bias'), (fused[1] if len(fused) > 1 else None), args[1:]


def emit_activation(b: OnnxBuilder, x: str, activation: str | None, node, args: list[Value]) -> str:
    """Activation on an NCHW tensor (the tail of a fused op)."""
    hint = node.name
    if activation is None:
        return x
    if activation == 'Relu':
        return b.node('Relu', [x], hint)[0]
    if activation == 'Relu6':
        lo, hi = b.constant(np.array(0, np.float32), f'{hint}/min'), b.constant(np.array(6, np.float32), f'{hint}/max')
        return b.node('Clip', [x, lo, hi], hint)[0]
    if activation == 'Sigmoid':
        return b.node('Sigmoid', [x], hint)[0]
    if activation == 'Elu':
        return b.node('Elu', [x], hint, alpha=1.0)[0]
    if activation == 'LeakyRelu':
        return b.node('LeakyRelu', [x], hint, alpha=float(node.attr.get('leakyrelu_alpha', 0.2)))[0]
    if activation == 'Prelu':
        if not args:
            raise ConversionError(f'{node.name} ({node.op}): Prelu needs an alpha argument')
        alpha = _const(args[0], node, 'the Prelu alpha').reshape(-1)
        slope = b.constant(alpha.reshape(1, -1, 1, 1) if alpha.size > 1 else alpha.reshape(1), f'{hint}/alpha')
        return b.node('PRelu', [x, slope], hint)[0]
    raise ConversionError(f'{node.name} ({node.op}): fused activation {activation!r} is not supported')


def _conv(b: OnnxBuilder, node, ins: list[Value], weights_oihw: np.ndarray, kernel_hw: list[int], group: int) -> list[Value]:
    x = ins[0]
    pads, strides, dilations, out_hw = _spatial(node, x.shape[1:3], kernel_hw)
    bias, activation, rest = _split_fused(node, ins[2:])
    weights = weights_oihw
    inputs = [b.as_nchw(x), b.constant(weights.astype(np.float32), f'{node.name}/W')]
    if bias is not None:
        inputs.append(b.constant(bias.astype(np.float32), f'{node.name}/B'))
    y = b.node('Conv', inputs, node.name if activation is None else f'{node.name}/conv', kernel_shape=kernel_hw,
               pads=pads, strides=strides, dilations=dilations, group=group)[0]
    y = emit_activation(b, y, activation, node, rest)
    return [Value([x.shape[0], *out_hw, weights.shape[0]], y, nchw=True, tf_name=node.name)]


def conv2d(b: OnnxBuilder, node, ins: list[Value]) -> list[Value]:
    w = _const(ins[1], node, 'the filter')  # HWIO
    if w.shape[2] != ins[0].shape[3]:
        raise ConversionError(f'{node.name} ({node.op}): grouped Conv2D (filter {list(w.shape)}) is not supported')
    return _conv(b, node, ins, w.transpose(3, 2, 0, 1), list(w.shape[:2]), group=1)


def depthwise_conv2d(b: OnnxBuilder, node, ins: list[Value]) -> list[Value]:
    w = _const(ins[1], node, 'the filter')  # [H, W, C, multiplier]; TF output channel = c * multiplier + m
    kh, kw, c, m = w.shape
    oihw = w.reshape(kh, kw, c * m).transpose(2, 0, 1)[:, None, :, :]
    return _conv(b, node, ins, oihw, [kh, kw], group=c)


def pool(b: OnnxBuilder, node, ins: list[Value]) -> list[Value]:
    x = ins[0]
    ksize = node.attr['ksize']
    if ksize[0] != 1 or ksize[3] != 1:
        raise ConversionError(f'{node.name} ({node.op}): pooling over batch or channels is not supported')
    pads, strides, _, out_hw = _spatial(node, x.shape[1:3], ksize[1:3])
    onnx_op = {'MaxPool': 'MaxPool', 'AvgPool': 'AveragePool'}[node.op]
    # AveragePool's default count_include_pad=0 matches TF, which averages only the real pixels.
    y = b.node(onnx_op, [b.as_nchw(x)], node.name, kernel_shape=ksize[1:3], pads=pads, strides=strides)[0]
    return [Value([x.shape[0], *out_hw, x.shape[3]], y, nchw=True, tf_name=node.name)]


HANDLERS = {
    'Conv2D': conv2d,
    '_FusedConv2D': conv2d,
    'DepthwiseConv2dNative': depthwise_conv2d,
    'FusedDepthwiseConv2dNative': depthwise_conv2d,
    'MaxPool': pool,
    'AvgPool': pool,
}
