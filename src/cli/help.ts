import { DEFAULT_OBJECT_LIMIT, MAX_OBJECT_LIMIT } from './args';

export const HELP = `Usage: dualsight verify [options] INPUT...

Checks images with the DualSight model: how likely each is AI-generated, and what is in it.
Runs the same pre-processing, model runtime (onnxruntime-web, WASM) and post-processing as the
browser extension, one image at a time, printing each result as soon as it is ready.

INPUT is an image file, a folder (searched recursively for .jpg .jpeg .png .webp .gif .avif
.tif .tiff files), or an http(s) URL.

Options:
  -m, --model DIR    model folder (manifest.json + ONNX file); default: the package's
                     models/dualsight-lite
      --json         one JSON object per line:
                       {"input","ai":{"probability","verdict"},"objects":[{"label","score"}],
                        "model","ms","modelMs","provenance":{"declared","signals","problems"}}
                     or, on failure, {"input","error"}; "provenance" is what the file itself
                     declares (C2PA, IPTC/XMP, generator parameters, EXIF)
      --raw          with --json, add "raw": every class's model output and probability
  -k, --limit N      objects per image, 0-${MAX_OBJECT_LIMIT} (default ${DEFAULT_OBJECT_LIMIT}); only objects above the
                     model's object threshold are listed
  -t, --threads N    WASM threads (default: the number of cores, at most 4)
  -h, --help         this text

Exit status: 0 when every input was checked, 1 when any input failed (the others are still
checked), 2 for a usage error or a model that cannot be loaded.
`;
