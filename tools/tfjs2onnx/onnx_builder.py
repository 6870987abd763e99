"""Accumulates ONNX nodes and initializers while the converter walks the TF graph, and keeps each
converted value's layout so that 4-D image tensors stay NCHW inside the ONNX graph and are
transposed only where an op needs the TF (NHWC) order back."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from onnx import TensorProto, helper, numpy_helper

NHWC_TO_NCHW = [0, 3, 1, 2]
NCHW_TO_NHWC = [0, 2, 3, 1]
# TF axis (NHWC) -> ONNX axis (NCHW) for a 4-D value held as NCHW.
NHWC_AXIS_IN_NCHW = {0: 0, 1: 2, 2: 3, 3: 1}


class ConversionError(Exception):
    pass


@dataclass
class Value:
    """One TF tensor as seen from the ONNX side.

    `shape` is always the TF (logical, NHWC) shape; `nchw` says that the ONNX tensor `name` holds it
    transposed to NCHW. A Const has `const` set and gets an initializer only when something uses it."""

    shape: list[int]
    name: str | None = None
    nchw: bool = False
    const: np.ndarray | None = None
    tf_name: str = ''

    @property
    def rank(self) -> int:
        return len(self.shape)


class OnnxBuilder:
    def __init__(self, fp16_storage: bool = True) -> None:
        # Store float32 constants as float16 + Cast where that is lossless (halves the file).
        self.fp16_storage = fp16_storage
        self.nodes: list = []
        self.initializers: dict[str, TensorProto] = {}
        self._used_names: set[str] = set()
        # Transposes already emitted, so that a value used by several ops is transposed once.
        self._layout_cache: dict[tuple[str, str], str] = {}
        self.reserved: set[str] = set()

    def unique(self, hint: str) -> str:
        name, i = hint, 1
        while name in self._used_names:
            i += 1
            name = f'{hint}__{i}'
        self._used_names.add(name)
        return name

    def reserve(self, names: list[str]) -> None:
        """Keeps `names` (graph inputs and outputs) from being given to internal tensors."""
        self._used_names.update(names)
        self.reserved.update(names)

    def output(self, src: str, name: str) -> str:
        """Exposes tensor `src` as graph output `name` (a name reserved before conversion)."""
        if name not in self.reserved:
            raise ConversionError(f'output name {name!r} was not reserved before conversion')
        self.nodes.append(helper.make_node('Identity', [src], [name], name=self.unique(f'{name}#out')))
        return name

    def node(self, op: str, inputs: list[str], hint: str, n_out: int = 1, **attrs) -> list[str]:
        outs = [self.unique(hint if k == 0 else f'{hint}:{k}') for k in range(n_out)]
        self.nodes.append(helper.make_node(op, inputs, outs, name=self.unique(f'{hint}#{op}'), **attrs))
        return outs

    def constant(self, array: np.ndarray, hint: str) -> str:
        name = self.unique(hint)
        if self.fp16_storage and array.dtype == np.float32 and array.size >= 64:
            half = array.astype(np.float16)
            # Only when float16 holds every value exactly (TF.js float16-quantised weights), so the
            # model computes the same numbers; onnxruntime folds the Cast away when it loads the model.
            if np.array_equal(half.astype(np.float32), array):
                stored = self.unique(f'{hint}__fp16')
                self.initializers[stored] = numpy_helper.from_array(half, stored)
                self.nodes.append(helper.make_node('Cast', [stored], [name], name=self.unique(f'{hint}#Cast'), to=TensorProto.FLOAT))
                return name
        self.initializers[name] = numpy_helper.from_array(np.ascontiguousarray(array), name)
        return name

    def as_tf(self, v: Value) -> str:
        """The ONNX name of `v` in TF (NHWC) layout."""
        if v.const is not None:
            return self._cached_const(v, 'tf', v.const)
        if not v.nchw:
            return v.name  # type: ignore[return-value]
        return self._cached_transpose(v, 'tf', NCHW_TO_NHWC)

    def as_nchw(self, v: Value) -> str:
        """The ONNX name of a 4-D `v` in NCHW layout."""
        if v.rank != 4:
            raise ConversionError(f'{v.tf_name}: expected a 4-D tensor, got shape {v.shape}')
        if v.const is not None:
            return self._cached_const(v, 'nchw', v.const.transpose(NHWC_TO_NCHW))
        if v.nchw:
            return v.name  # type: ignore[return-value]
        return self._cached_transpose(v, 'nchw', NHWC_TO_NCHW)

    def _cached_const(self, v: Value, layout: str, array: np.ndarray) -> str:
        key = (f'const:{v.tf_name}', layout)
        if key not in self._layout_cache:
            self._layout_cache[key] = self.constant(array, f'{v.tf_name}__{layout}' if layout != 'tf' else v.tf_name)
        return self._layout_cache[key]

    def _cached_transpose(self, v: Value, layout: str, perm: list[int]) -> str:
        key = (v.name or '', layout)
        if key not in self._layout_cache:
            self._layout_cache[key] = self.node('Transpose', [v.name or ''], f'{v.tf_name}__{layout}', perm=perm)[0]
        return self._layout_cache[key]

    def graph(self, name: str, inputs: list, outputs: list) -> 'onnx.GraphProto':  # noqa: F821
        used = {i for n in self.nodes for i in n.input}
        inits = [t for k, t in self.initializers.items() if k in used]
        return helper.make_graph(self.nodes, name, inputs, outputs, inits)


def tensor_info(name: str, shape: list[int]):
    return helper.make_tensor_value_info(name, TensorProto.FLOAT, shape)


def to_nchw_shape(shape: list[int]) -> list[int]:
    return [shape[i] for i in NHWC_TO_NCHW]
