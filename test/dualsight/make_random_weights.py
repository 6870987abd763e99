"""Saves a seeded random-weights DualSight state dict (stand-in for the real weights, which cannot be
downloaded here). BatchNorm statistics and affine terms are randomised too, so a converter that
dropped or mis-folded them would produce different numbers. Usage: make_random_weights.py OUT.pth"""
import os
import sys

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'tools', 'dualsight'))
from dualsight_model import DualSight  # noqa: E402


def main(out: str) -> None:
    torch.manual_seed(20240607)
    model = DualSight()
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, torch.nn.BatchNorm2d):
                m.weight.uniform_(0.5, 1.5)
                m.bias.uniform_(-0.2, 0.2)
                m.running_mean.uniform_(-0.2, 0.2)
                m.running_var.uniform_(0.5, 2.0)
        # Scale each head so its logits on a test pattern spread over a few units: softmax outputs are
        # then neither one-hot nor flat, and probability comparisons mean something.
        model.eval()
        pattern = torch.linspace(-2, 2, 3 * 224 * 224).reshape(1, 3, 224, 224)
        obj, bin_ = model(pattern)
        model.obj_head.weight.mul_(3 / obj.std())
        model.bin_head.weight.mul_(1.5 / (bin_[0, 0] - bin_[0, 1]).abs().clamp(min=1e-6))
        model.obj_head.bias.zero_()
        model.bin_head.bias.zero_()
    torch.save(model.state_dict(), out)


if __name__ == '__main__':
    main(sys.argv[1])
