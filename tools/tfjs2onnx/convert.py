#!/usr/bin/env python3
"""TF.js graph model -> ONNX (opset 17).

    /usr/bin/python3 tools/tfjs2onnx/convert.py MODEL_JSON OUT.onnx [--outputs NAME ...]
        [--input-size H,W] [--input-layout nhwc|nchw] [--output-layout nhwc|nchw] [--fp32-weights]

Only the subgraph that the requested outputs need is converted (default: the signature's outputs).
Image tensors run NCHW inside the ONNX graph: the input is transposed once (or fed NCHW with
--input-layout nchw) and 4-D outputs are transposed back to TF's NHWC unless --output-layout nchw.
Weights that float16 holds exactly (TF.js float16-quantised models) are stored as float16 and cast
back on load, which halves the file without changing a single value.
An op without a converter stops the conversion with an error that names the op and the node."""

from __future__ import annotations

import argparse
import os
import sys

import onnx
from onnx import helper

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from onnx_builder import ConversionError, OnnxBuilder, Value, tensor_info, to_nchw_shape  # noqa: E402
from ops_basic import HANDLERS as BASIC  # noqa: E402
from ops_basic import resize  # noqa: E402
from ops_conv import HANDLERS as CONV  # noqa: E402
from tfjs_model import TfjsGraph, load_tfjs_graph  # noqa: E402

OPSET = 17
HANDLERS = {**BASIC, **CONV}


def _split_ref(ref: str) -> tuple[str, int]:
    name, _, index = ref.partition(':')
    return name, int(index) if index else 0


class Converter:
    """Converts the part of `graph` that given outputs depend on, for one static input shape."""

    def __init__(self, graph: TfjsGraph, input_shapes: dict[str, list[int]] | None = None,
                 nchw_inputs: bool = False, native_shapes: dict[str, list[int]] | None = None,
                 fp16_storage: bool = True):
        self.graph = graph
        # ONNX names for graph inputs (TF placeholder name -> ONNX name); default: the TF name.
        self.input_names: dict[str, str] = {}
        self.input_shapes = input_shapes or graph.input_shapes
        self.nchw_inputs = nchw_inputs
        # TF shapes of every value at the size the graph was frozen at (see ops_basic.resize).
        self.native_shapes = native_shapes
        self.builder = OnnxBuilder(fp16_storage)
        self.values: dict[str, list[Value]] = {}

    def value(self, ref: str) -> Value:
        name, index = _split_ref(ref)
        if name not in self.values:
            self._convert(name)
        outs = self.values[name]
        if index >= len(outs):
            raise ConversionError(f'{name}: output {index} requested, the op has {len(outs)}')
        return outs[index]

    def _convert(self, root: str) -> None:
        # Iterative post-order walk: TF graphs are deep enough to hit Python's recursion limit.
        stack = [(root, False)]
        while stack:
            name, ready = stack.pop()
            if name in self.values:
                continue
            node = self.graph.nodes.get(name)
            if node is None:
                raise ConversionError(f'node {name!r} is not in the graph')
            if not ready:
                stack.append((name, True))
                stack.extend((_split_ref(i)[0], False) for i in node.inputs if _split_ref(i)[0] not in self.values)
                continue
            self.values[name] = self._convert_node(node)

    def _convert_node(self, node) -> list[Value]:
        if node.op == 'Const':
            if node.name not in self.graph.consts:
                raise ConversionError(f'{node.name} (Const): no value in the weights manifest')
            c = self.graph.consts[node.name]
            return [Value(list(c.shape), const=c, tf_name=node.name)]
        if node.op == 'Placeholder':
            shape = self.input_shapes.get(node.name)
            if not shape or any(d < 0 for d in shape):
                raise ConversionError(f'{node.name} (Placeholder): needs a static shape, got {shape}')
            onnx_name = self.input_names.get(node.name, node.name)
            return [Value(list(shape), onnx_name, nchw=self.nchw_inputs and len(shape) == 4, tf_name=node.name)]
        handler = HANDLERS.get(node.op)
        if handler is None:
            raise ConversionError(f'{node.name}: TF op {node.op!r} is not supported by tfjs2onnx '
                                  f'(supported: {", ".join(sorted(HANDLERS))})')
        ins = [self.value(i) for i in node.inputs]
        if handler is resize and self.native_shapes is not None:
            return resize(self.builder, node, ins, self.native_shapes[_split_ref(node.inputs[0])[0]][1:3])
        return handler(self.builder, node, ins)

    def shapes(self) -> dict[str, list[int]]:
        return {name: outs[0].shape for name, outs in self.values.items() if outs}

    def graph_inputs(self) -> list:
        infos = []
        for name, shape in self.input_shapes.items():
            if name in self.values:
                nchw = self.nchw_inputs and len(shape) == 4
                infos.append(tensor_info(self.input_names.get(name, name), to_nchw_shape(shape) if nchw else shape))
        return infos

    def output(self, ref: str, out_name: str, nchw: bool) -> tuple[str, list[int]]:
        """Adds graph output `out_name` (reserved with builder.reserve) for TF value `ref` -> (name, ONNX shape)."""
        v = self.value(ref)
        as_nchw = nchw and v.rank == 4
        src = self.builder.as_nchw(v) if as_nchw else self.builder.as_tf(v)
        self.builder.output(src, out_name)
        return out_name, to_nchw_shape(v.shape) if as_nchw else v.shape

    def model(self, outputs: list[tuple[str, list[int]]], graph_name: str, doc: str = '') -> onnx.ModelProto:
        graph = self.builder.graph(graph_name, self.graph_inputs(), [tensor_info(n, s) for n, s in outputs])
        model = helper.make_model(graph, opset_imports=[helper.make_opsetid('', OPSET)], producer_name='dualsight-tfjs2onnx',
                                  doc_string=doc)
        model.ir_version = 8  # opset 17 runtimes (onnxruntime >= 1.13) read IR 8
        onnx.checker.check_model(model)
        return model


def make_converter(graph: TfjsGraph, outputs: list[str], input_hw: list[int] | None, nchw_inputs: bool,
                   fp16_storage: bool = True) -> Converter:
    """A converter at `input_hw` (default: the signature's size), aware of the frozen-size shapes."""
    if input_hw is None:
        return Converter(graph, nchw_inputs=nchw_inputs, fp16_storage=fp16_storage)
    native = Converter(graph)
    for o in outputs:
        native.value(o)
    shapes = {name: ([s[0], *input_hw, s[3]] if len(s) == 4 else s) for name, s in graph.input_shapes.items()}
    return Converter(graph, shapes, nchw_inputs, native.shapes(), fp16_storage)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('model_json')
    p.add_argument('out_onnx')
    p.add_argument('--outputs', nargs='+', help='TF node names to export (default: signature outputs)')
    p.add_argument('--input-size', help='H,W of the image input (default: the signature size)')
    p.add_argument('--input-layout', choices=['nhwc', 'nchw'], default='nhwc')
    p.add_argument('--output-layout', choices=['nhwc', 'nchw'], default='nhwc')
    p.add_argument('--fp32-weights', action='store_true',
                   help='store all weights as float32 (default: float16 + Cast where float16 is exact)')
    args = p.parse_args(argv)

    graph = load_tfjs_graph(args.model_json)
    outputs = args.outputs or graph.output_names
    input_hw = [int(v) for v in args.input_size.split(',')] if args.input_size else None
    try:
        conv = make_converter(graph, outputs, input_hw, args.input_layout == 'nchw', not args.fp32_weights)
        conv.builder.reserve(outputs)
        outs = [conv.output(o, o, args.output_layout == 'nchw') for o in outputs]
        model = conv.model(outs, os.path.basename(args.model_json), f'converted from {os.path.basename(args.model_json)}')
    except ConversionError as e:
        print(f'tfjs2onnx: {e}', file=sys.stderr)
        return 2
    os.makedirs(os.path.dirname(os.path.abspath(args.out_onnx)), exist_ok=True)
    onnx.save(model, args.out_onnx)
    print(f'tfjs2onnx: wrote {args.out_onnx} ({os.path.getsize(args.out_onnx)} bytes, {len(model.graph.node)} nodes)')
    return 0


if __name__ == '__main__':
    sys.exit(main())
