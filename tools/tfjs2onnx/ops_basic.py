"""Element-wise, reduction, shape and resize TF ops -> ONNX. Each handler keeps 4-D values in NCHW
when it can (element-wise ops, reductions and concat remap their axes) and falls back to the TF
layout only where the op's meaning depends on memory order (Reshape)."""

from __future__ import annotations

import numpy as np

from onnx_builder import NHWC_AXIS_IN_NCHW, NHWC_TO_NCHW, ConversionError, OnnxBuilder, Value, to_nchw_shape

_UNARY = {'Relu': 'Relu', 'Sigmoid': 'Sigmoid', 'Tanh': 'Tanh', 'Elu': 'Elu', 'Exp': 'Exp', 'Neg': 'Neg',
          'Sqrt': 'Sqrt', 'Abs': 'Abs'}
_BINARY = {'Add': 'Add', 'AddV2': 'Add', 'BiasAdd': 'Add', 'Sub': 'Sub', 'Mul': 'Mul', 'RealDiv': 'Div',
           'Maximum': 'Max', 'Minimum': 'Min'}
_REDUCE = {'Mean': 'ReduceMean', 'Max': 'ReduceMax', 'Min': 'ReduceMin', 'Sum': 'ReduceSum'}


def identity(b: OnnxBuilder, node, ins: list[Value]) -> list[Value]:
    v = ins[0]
    return [Value(v.shape, v.name, v.nchw, v.const, tf_name=v.tf_name)]


def unary(b: OnnxBuilder, node, ins: list[Value]) -> list[Value]:
    x = ins[0]
    name = b.as_nchw(x) if x.nchw else b.as_tf(x)
    y = b.node(_UNARY[node.op], [name], node.name)[0]
    return [Value(x.shape, y, x.nchw, tf_name=node.name)]


def relu6(b: OnnxBuilder, node, ins: list[Value]) -> list[Value]:
    x = ins[0]
    lo, hi = b.constant(np.array(0, np.float32), f'{node.name}/min'), b.constant(np.array(6, np.float32), f'{node.name}/max')
    y = b.node('Clip', [b.as_nchw(x) if x.nchw else b.as_tf(x), lo, hi], node.name)[0]
    return [Value(x.shape, y, x.nchw, tf_name=node.name)]


def _in_nchw(b: OnnxBuilder, v: Value) -> str:
    """`v` for broadcasting against a 4-D NCHW tensor: left-pad to rank 4 (TF broadcasting), then NCHW."""
    if v.rank == 4:
        return b.as_nchw(v)
    if v.const is not None:
        return b.constant(v.const.reshape([1] * (4 - v.rank) + list(v.shape)).transpose(NHWC_TO_NCHW), f'{v.tf_name}__nchw')
    axes = b.constant(np.arange(4 - v.rank, dtype=np.int64), f'{v.tf_name}/pad_axes')
    padded = b.node('Unsqueeze', [b.as_tf(v), axes], f'{v.tf_name}__rank4')[0]
    return b.node('Transpose', [padded], f'{v.tf_name}__nchw', perm=NHWC_TO_NCHW)[0]


def binary(b: OnnxBuilder, node, ins: list[Value]) -> list[Value]:
    if node.attr.get('data_format', 'NHWC') != 'NHWC':
        raise ConversionError(f'{node.name} ({node.op}): only data_format NHWC is supported')
    x, y = ins
    shape = list(np.broadcast_shapes(tuple(x.shape), tuple(y.shape)))
    if x.const is not None and y.const is not None:
        fold = {'Add': np.add, 'Sub': np.subtract, 'Mul': np.multiply, 'Div': np.divide, 'Max': np.maximum, 'Min': np.minimum}
        return [Value(shape, const=fold[_BINARY[node.op]](x.const, y.const), tf_name=node.name)]
    nchw = len(shape) == 4 and (x.nchw or y.nchw)
    names = [_in_nchw(b, v) for v in (x, y)] if nchw else [b.as_tf(x), b.as_tf(y)]
    out = b.node(_BINARY[node.op], names, node.name)[0]
    return [Value(shape, out, nchw, tf_name=node.name)]


def _axes(node, v: Value) -> list[int]:
    if v.const is None:
        raise ConversionError(f'{node.name} ({node.op}): the axis must be a constant')
    return [int(a) for a in np.atleast_1d(v.const)]


def reduce(b: OnnxBuilder, node, ins: list[Value]) -> list[Value]:
    x = ins[0]
    axes = sorted(a % x.rank for a in _axes(node, ins[1]))
    keep = bool(node.attr.get('keep_dims', False))
    tf_shape = [1 if i in axes else d for i, d in enumerate(x.shape)] if keep else [d for i, d in enumerate(x.shape) if i not in axes]
    onnx_op = _REDUCE[node.op]
    if not x.nchw:
        y = b.node(onnx_op, [b.as_tf(x)], node.name, axes=axes, keepdims=int(keep))[0]
        return [Value(tf_shape, y, tf_name=node.name)]
    onnx_axes = sorted(NHWC_AXIS_IN_NCHW[a] for a in axes)
    y = b.node(onnx_op, [b.as_nchw(x)], node.name, axes=onnx_axes, keepdims=int(keep))[0]
    if keep:
        return [Value(tf_shape, y, nchw=True, tf_name=node.name)]
    # Without keep_dims the result is no longer an image tensor: restore TF's order of the kept dims.
    kept_nchw = [a for a in NHWC_TO_NCHW if a not in axes]  # TF axes in the order they sit in NCHW
    order = sorted(range(len(kept_nchw)), key=lambda i: kept_nchw[i])
    if order != list(range(len(order))):
        y = b.node('Transpose', [y], f'{node.name}__tf', perm=order)[0]
    return [Value(tf_shape, y, tf_name=node.name)]


def concat(b: OnnxBuilder, node, ins: list[Value]) -> list[Value]:
    parts, axis_v = ins[:-1], ins[-1]
    rank = parts[0].rank
    axis = _axes(node, axis_v)[0] % rank
    shape = list(parts[0].shape)
    for p in parts[1:]:
        if [d for i, d in enumerate(p.shape) if i != axis] != [d for i, d in enumerate(shape) if i != axis]:
            raise ConversionError(f'{node.name} (ConcatV2): shapes {[q.shape for q in parts]} differ off axis {axis}')
    shape[axis] = sum(p.shape[axis] for p in parts)
    if rank == 4 and any(p.nchw for p in parts):
        out = b.node('Concat', [b.as_nchw(p) for p in parts], node.name, axis=NHWC_AXIS_IN_NCHW[axis])[0]
        return [Value(shape, out, nchw=True, tf_name=node.name)]
    out = b.node('Concat', [b.as_tf(p) for p in parts], node.name, axis=axis)[0]
    return [Value(shape, out, tf_name=node.name)]


def reshape(b: OnnxBuilder, node, ins: list[Value]) -> list[Value]:
    x, shape_v = ins
    target = _axes(node, shape_v)
    if target.count(-1) > 1:
        raise ConversionError(f'{node.name} (Reshape): more than one -1 in {target}')
    total = int(np.prod(x.shape))
    if -1 in target:
        known = int(np.prod([d for d in target if d != -1]))
        target = [total // known if d == -1 else d for d in target]
    if int(np.prod(target)) != total:
        raise ConversionError(f'{node.name} (Reshape): cannot reshape {x.shape} to {target}')
    # Reshape follows memory order, so it runs on the TF layout.
    shape_name = b.constant(np.array(target, np.int64), f'{node.name}/shape')
    out = b.node('Reshape', [b.as_tf(x), shape_name], node.name)[0]
    return [Value(target, out, tf_name=node.name)]


def resize(b: OnnxBuilder, node, ins: list[Value], native_in_hw: list[int] | None = None) -> list[Value]:
    """ResizeBilinear / ResizeNearestNeighbor with a constant size.

    The TF graph was frozen at one input size, so an upsampling size like `shape * 2` is a folded
    constant. When converting at another input size (`native_in_hw` = this op's input size at the
    frozen size), the constant is rescaled by the integer factor it encodes."""
    x, size_v = ins
    size = _axes(node, size_v)
    in_hw = x.shape[1:3]
    if native_in_hw and list(native_in_hw) != list(in_hw):
        factors = [size[i] / native_in_hw[i] for i in range(2)]
        if any(f != round(f) and 1 / f != round(1 / f) for f in factors):
            raise ConversionError(f'{node.name} ({node.op}): size {size} for input {native_in_hw} is not a fixed factor')
        size = [round(in_hw[i] * factors[i]) for i in range(2)]
    align = bool(node.attr.get('align_corners'))
    half = bool(node.attr.get('half_pixel_centers'))
    if node.op == 'ResizeBilinear':
        mode, coord, extra = 'linear', 'align_corners' if align else 'half_pixel' if half else 'asymmetric', {}
    else:
        mode = 'nearest'
        if align:
            coord, extra = 'align_corners', {'nearest_mode': 'round_prefer_ceil'}
        elif half:
            coord, extra = 'tf_half_pixel_for_nn', {'nearest_mode': 'floor'}
        else:
            coord, extra = 'asymmetric', {'nearest_mode': 'floor'}
    tf_shape = [x.shape[0], size[0], size[1], x.shape[3]]
    sizes = b.constant(np.array(to_nchw_shape(tf_shape), np.int64), f'{node.name}/sizes')
    out = b.node('Resize', [b.as_nchw(x), '', '', sizes], node.name, mode=mode,
                 coordinate_transformation_mode=coord, **extra)[0]
    return [Value(tf_shape, out, nchw=True, tf_name=node.name)]


HANDLERS = {
    'Identity': identity,
    'Relu6': relu6,
    'ConcatV2': concat,
    'Reshape': reshape,
    'ResizeBilinear': resize,
    'ResizeNearestNeighbor': resize,
    **{op: unary for op in _UNARY},
    **{op: binary for op in _BINARY},
    **{op: reduce for op in _REDUCE},
}
