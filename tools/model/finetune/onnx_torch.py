"""Runs the converted backbone graph (models/_build/centernet-features.onnx) in PyTorch, with its conv
weights as trainable parameters, so the backbone can be fine-tuned and the new weights written back into
the same ONNX graph (`write_back`). Only the operators that graph uses are supported; anything else is
refused by name. The graph is executed node by node in its stored (topological) order.

Parity with onnxruntime: train_backbone.py records this module's features for a few images, and
tools/model/finetune/parity.mjs compares them with onnxruntime-node's on the written graph (the build
stops if they differ). On the unchanged graph the two agree to ~1e-5 (features up to ~25)."""

from __future__ import annotations

import numpy as np
import onnx
import torch
import torch.nn.functional as F
from onnx import numpy_helper


def _attrs(node) -> dict:
    return {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}


def _upsample2_asymmetric(x: torch.Tensor) -> torch.Tensor:
    """Resize x2 (linear, coordinate_transformation_mode=asymmetric): out[2i] = in[i],
    out[2i+1] = (in[i] + in[i+1]) / 2, the last position repeating its edge."""
    for dim in (2, 3):
        nxt = torch.cat([x.narrow(dim, 1, x.shape[dim] - 1), x.narrow(dim, x.shape[dim] - 1, 1)], dim)
        mid = (x + nxt) * 0.5
        x = torch.stack([x, mid], dim + 1).flatten(dim, dim + 1)
    return x


class OnnxNet(torch.nn.Module):
    def __init__(self, path: str, outputs: list[str]):
        super().__init__()
        self.model = onnx.load(path)
        g = self.model.graph
        self.input_name = g.input[0].name
        self.outputs = outputs
        self.consts: dict[str, torch.Tensor] = {}
        self.params = torch.nn.ParameterDict()
        self.param_of: dict[str, str] = {}  # graph value (fp32 after Cast) -> parameter key
        self.fp16_source: dict[str, str] = {}  # parameter key -> fp16 initializer name
        inits = {i.name: numpy_helper.to_array(i) for i in g.initializer}
        conv_inputs = {n.input[k] for n in g.node if n.op_type == 'Conv' for k in (1, 2) if len(n.input) > k}
        # Spatial size of each Resize input for the size the graph was built at (shape inference).
        shapes = {v.name: [d.dim_value for d in v.type.tensor_type.shape.dim]
                  for v in onnx.shape_inference.infer_shapes(self.model).graph.value_info}
        self.built_sizes = {n.output[0]: shapes[n.input[0]][2:] for n in g.node if n.op_type == 'Resize'}
        self.nodes = []
        for n in g.node:
            if n.op_type == 'Cast' and n.input[0] in inits:
                arr = inits[n.input[0]].astype(np.float32)
                if n.output[0] in conv_inputs:
                    key = f'p{len(self.params)}'
                    self.params[key] = torch.nn.Parameter(torch.from_numpy(arr.copy()))
                    self.param_of[n.output[0]] = key
                    self.fp16_source[key] = n.input[0]
                else:
                    self.consts[n.output[0]] = torch.from_numpy(arr.copy())
                continue
            self.nodes.append(n)
        for name, arr in inits.items():
            if name in conv_inputs and arr.dtype == np.float32:
                key = f'p{len(self.params)}'
                self.params[key] = torch.nn.Parameter(torch.from_numpy(arr.copy()))
                self.param_of[name] = key
            elif arr.dtype != np.float16:
                self.consts[name] = torch.from_numpy(np.array(arr, dtype=np.float32 if arr.dtype.kind == 'f' else arr.dtype))
        needed = set(outputs)
        keep = []
        for n in reversed(self.nodes):  # drop nodes no requested output depends on
            if any(o in needed for o in n.output):
                keep.append(n)
                needed.update(i for i in n.input if i)
        self.nodes = list(reversed(keep))
        self.attrs = [_attrs(n) for n in self.nodes]  # read once, not on every forward pass

    def value(self, env: dict, name: str) -> torch.Tensor:
        if name in env:
            return env[name]
        if name in self.param_of:
            return self.params[self.param_of[name]]
        return self.consts[name]

    def forward(self, x: torch.Tensor) -> dict[str, torch.Tensor]:
        env = {self.input_name: x}
        for n, a in zip(self.nodes, self.attrs):
            ins = [self.value(env, i) if i else None for i in n.input]
            op = n.op_type
            if op == 'Conv':
                t, l, b, r = a.get('pads', [0, 0, 0, 0])
                inp = ins[0]
                if (t, l) != (b, r):
                    inp = F.pad(inp, (l, r, t, b))
                    pad = 0
                else:
                    pad = (t, l)
                y = F.conv2d(inp, ins[1], ins[2] if len(ins) > 2 else None, a.get('strides', [1, 1]), pad,
                             a.get('dilations', [1, 1]), a.get('group', 1))
            elif op == 'Add':
                y = ins[0] + ins[1]
            elif op == 'Sub':
                y = ins[0] - ins[1]
            elif op == 'Mul':
                y = ins[0] * ins[1]
            elif op == 'Relu':
                y = F.relu(ins[0])
            elif op == 'Clip':
                y = torch.clamp(ins[0], float(ins[1]), float(ins[2]))
            elif op == 'Sigmoid':
                y = torch.sigmoid(ins[0])
            elif op == 'Sqrt':
                y = torch.sqrt(torch.clamp(ins[0], min=1e-12))
            elif op == 'ReduceMean':
                y = ins[0].mean(dim=tuple(a['axes']), keepdim=bool(a.get('keepdims', 1)))
            elif op == 'AveragePool':
                if any(a.get('pads', [0])) or a.get('strides', [1, 1]) != [1, 1]:
                    raise NotImplementedError(f'{n.name}: AveragePool with padding or stride')
                y = torch.nn.functional.avg_pool2d(ins[0], list(a['kernel_shape']), stride=1)
            elif op == 'ReduceMax':
                y = ins[0].amax(dim=tuple(a['axes']), keepdim=bool(a.get('keepdims', 1)))
            elif op == 'Flatten':
                y = ins[0].flatten(a.get('axis', 1))
            elif op == 'Concat':
                y = torch.cat(ins, a['axis'])
            elif op == 'Identity':
                y = ins[0]
            elif op == 'Resize':
                # The detector head doubles its feature maps; the stored sizes are for one input size,
                # the factor holds for any (training runs at a smaller size than the graph was built for).
                sizes = [int(v) for v in ins[3].tolist()]
                built = self.built_sizes[n.output[0]]
                if a.get('mode') != b'linear' or a.get('coordinate_transformation_mode') != b'asymmetric' or sizes[2:] != [2 * s for s in built]:
                    raise ValueError(f'unsupported Resize in {n.name}: only x2 linear/asymmetric is implemented')
                y = _upsample2_asymmetric(ins[0])
            else:
                raise ValueError(f'operator {op} ({n.name}) is not supported by onnx_torch')
            env[n.output[0]] = y
        return {o: env[o] for o in self.outputs}

    def write_back(self, out_path: str) -> None:
        """Saves the graph with the current parameter values (fp16 where the source was fp16)."""
        model = onnx.ModelProto()
        model.CopyFrom(self.model)
        by_name = {i.name: i for i in model.graph.initializer}
        for value_name, key in self.param_of.items():
            arr = self.params[key].detach().cpu().numpy()
            src = self.fp16_source.get(key, value_name)
            dtype = np.float16 if key in self.fp16_source else np.float32
            by_name[src].CopyFrom(numpy_helper.from_array(arr.astype(dtype), src))
        onnx.save(model, out_path)


def main(argv=None) -> int:
    """Runs a graph on one raw float32 NCHW input and prints its `features` and `objects` as JSON;
    with --step-out, also takes one gradient step on the conv weights, writes the graph back there and
    prints the trained network's features and the written graph's (fp16 weights where the source had them) (test/converter/onnx-torch.test.ts compares both with onnxruntime)."""
    import argparse
    import json
    import sys
    p = argparse.ArgumentParser(description=main.__doc__)
    p.add_argument('model')
    p.add_argument('input', help='raw float32, shape 1 x 3 x size x size')
    p.add_argument('--size', type=int, required=True)
    p.add_argument('--step-out')
    args = p.parse_args(argv)
    x = torch.from_numpy(np.fromfile(args.input, dtype=np.float32).reshape(1, 3, args.size, args.size))
    net = OnnxNet(args.model, ['features', 'objects'])
    with torch.no_grad():
        out = net(x)
    result = {k: out[k][0].tolist() for k in ('features', 'objects')}
    if args.step_out:
        # One step of size 0.01 in the largest weight (a fine-tuning step, not one that wrecks the network).
        net(x)['features'].square().mean().backward()
        grads = [q.grad for q in net.parameters() if q.grad is not None]
        scale = 0.01 / max(float(g.abs().max()) for g in grads)
        with torch.no_grad():
            for q in net.parameters():
                if q.grad is not None:
                    q -= scale * q.grad
        net.write_back(args.step_out)
        with torch.no_grad():
            result['trained_features'] = net(x)['features'][0].tolist()
            result['stepped_features'] = OnnxNet(args.step_out, ['features'])(x)['features'][0].tolist()
    json.dump(result, sys.stdout)
    return 0


if __name__ == '__main__':
    raise SystemExit(main())
