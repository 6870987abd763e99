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
        # Larger heads than the default init so the class scores are spread, not near-flat.
        model.obj_head.weight.normal_(0, 0.05)
        model.bin_head.weight.normal_(0, 0.05)
    torch.save(model.state_dict(), out)


if __name__ == '__main__':
    main(sys.argv[1])
