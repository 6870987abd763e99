#!/usr/bin/env bash
# `npm run model:int8`: an int8 variant of models/dualsight-lite, measured against float32 on the val
# split (agreement, balanced accuracy) and for speed (onnxruntime-web WASM and onnxruntime-node, 1 thread).
# Output in .cache/quantize/ (model.int8.onnx, report.json); nothing in models/ changes.
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=/usr/bin/python3
OUT=.cache/quantize
MODEL=models/dualsight-lite
mkdir -p "$OUT"
$PY tools/quantize/int8.py expose "$MODEL/model.onnx" "$OUT/exposed.onnx" "$OUT/names.json"
MODEL_DIR="$MODEL" node tools/quantize/evaluate.mjs calibrate "$OUT/exposed.onnx" "$OUT/names.json" "$OUT/ranges.json" "${CALIBRATION_IMAGES:-64}"
$PY tools/quantize/int8.py quantize "$MODEL/model.onnx" "$OUT/ranges.json" "$OUT/model.int8.onnx"
node tools/quantize/evaluate.mjs compare "$MODEL" "$OUT/model.int8.onnx" "$OUT/report.json"
