"""The DualSight network as its authors define it (see ../shared/dualsight/SPEC.md).

Shared by the converter and by the tests that build a random-weights copy, so both use exactly
the same module names and therefore the same state-dict keys as the published weights.
"""
import torch
from torch import nn
from torchvision.models import resnet50

OBJECT_CLASSES = 494
AUTHENTICITY_CLASSES = 2


class DualSight(nn.Module):
    """ResNet-50 backbone (fc removed) feeding two linear heads: objects and authenticity."""

    def __init__(self) -> None:
        super().__init__()
        self.backbone = resnet50(weights=None)
        self.backbone.fc = nn.Identity()
        self.obj_head = nn.Linear(2048, OBJECT_CLASSES)
        self.bin_head = nn.Linear(2048, AUTHENTICITY_CLASSES)

    def forward(self, x: torch.Tensor):
        features = self.backbone(x)
        return self.obj_head(features), self.bin_head(features)
