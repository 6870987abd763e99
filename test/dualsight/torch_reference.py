"""PyTorch's own view of images for the parity test: converts each input to PNG (so both sides decode
identical pixels), then prints one JSON line per image with the PNG path, torchvision's 224x224
pre-processed pixels (file of raw RGB bytes) and the logits of both heads.

Usage: torch_reference.py WEIGHTS.pth OUT_DIR IMAGE...
"""
import json
import os
import sys

import numpy as np
import torch
from PIL import Image
from torchvision import transforms

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'tools', 'dualsight'))
from dualsight_model import DualSight  # noqa: E402

# SPEC.md's inference transform, as the model's authors run it.
CROP = transforms.Compose([transforms.Resize(256), transforms.CenterCrop(224)])
TO_INPUT = transforms.Compose([
    transforms.ToTensor(),
    transforms.Normalize(mean=[0.485, 0.456, 0.406], std=[0.229, 0.224, 0.225]),
])


def main(weights: str, out_dir: str, images: list) -> None:
    model = DualSight()
    model.load_state_dict(torch.load(weights, map_location='cpu', weights_only=True), strict=True)
    model.eval()
    for path in images:
        name = os.path.splitext(os.path.basename(path))[0]
        png = os.path.join(out_dir, name + '.png')
        Image.open(path).convert('RGB').save(png)
        cropped = CROP(Image.open(png).convert('RGB'))
        pixels = os.path.join(out_dir, name + '.rgb')
        np.asarray(cropped, dtype=np.uint8).tofile(pixels)
        with torch.no_grad():
            obj, bin_ = model(TO_INPUT(cropped).unsqueeze(0))
        print(json.dumps({'png': png, 'pixels': pixels, 'obj_logits': obj[0].tolist(), 'bin_logits': bin_[0].tolist()}))


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
