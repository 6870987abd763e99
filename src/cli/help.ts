import { DEFAULT_OBJECT_LIMIT, MAX_OBJECT_LIMIT } from './args';

// README's CLI section quotes this text; change both together.
export const HELP = `Usage: dualsight verify [options] INPUT...

Checks images with the DualSight model: how likely each is AI-generated, and what is in it.
Same pre-processing, model and post-processing as the browser extension; one image at a time,
each result printed as soon as it is ready.

INPUT is an image file, a folder (searched recursively for .jpg .jpeg .png .webp .gif .avif
.tif .tiff files), or an http(s) URL.

Options:
  -m, --model DIR      model folder (manifest.json + ONNX file); default: the package's
                       models/dualsight-lite
  -b, --backend NAME   native (default): onnxruntime-node's CPU kernels;
                       wasm: onnxruntime-web's WebAssembly, the extension's own runtime
      --json           one JSON object per line:
                         {"input","ai":{"probability","verdict"},"kind","kindProbability",
                          "objects":[{"label","score"}],"model","backend","ms","modelMs",
                          "provenance":{"declared","signals","problems"}}
                       or, on failure, {"input","error"}; "verdict" is ai, unsure, real, or
                       none when the image's kind is not scored; "kind" is photo, artwork,
                       graphic (screenshot, chart, text: not scored) or composite (picture
                       with text); "provenance" is what the file itself
                       declares (C2PA, IPTC/XMP, generator parameters, EXIF); its C2PA signal
                       carries "trust" (trusted, user, untrusted, invalid) and "validationStatus"
                       (c2pa-rs codes: claimSignature.validated, signingCredential.untrusted, ...)
      --raw            with --json, add "raw": every class's model output and probability
  -k, --limit N        objects per image, 0-${MAX_OBJECT_LIMIT} (default ${DEFAULT_OBJECT_LIMIT}); only objects above the
                       model's object threshold are listed
  -t, --threads N      threads for the model (default: the number of cores, at most 4)
      --trust-list FILE
                       the C2PA Trust List (C2PA-TRUST-LIST.pem or .json from
                       github.com/c2pa-org/conformance-public, trust-list/); without it no C2PA
                       signer is trusted and no image is "Camera-signed"
      --tsa-trust-list FILE
                       the C2PA TSA Trust List (time-stamping authorities)
      --trust-anchor FILE
                       your own anchor certificates (PEM), "trusted by you"; may be repeated
  -h, --help           this text

Exit status: 0 when every input was checked; 1 when any input failed (a missing file, a folder
with no images, a download or decode error; the other inputs are still checked); 2 for a usage
error or a model that cannot be loaded.
`;
