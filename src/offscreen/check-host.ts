// How a browser host (the offscreen document in Chrome, the background page in Firefox) fetches and
// decodes images for the shared pipeline (src/shared/check/pipeline.ts). Everything else is the pipeline's.
import type { CheckHost } from '../shared/check/pipeline';
import { refusedTarget } from '../shared/net/private-address';
import { readProvenance } from '../shared/provenance';
import { decodeImage } from './decode';

export const browserCheckHost: CheckHost = {
  fetch: {
    // No cookies: the image is fetched as a logged-out visitor would see it (privacy), and the host
    // permission lets the extension read cross-origin CDN responses. Local and private network targets
    // are refused before the request and after redirects (src/shared/net/private-address.ts).
    init: { credentials: 'omit', cache: 'force-cache' },
    refuse: refusedTarget,
  },
  decode: ({ bytes, type }, { thumbnail }) => decodeImage(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), { thumbnail }),
  provenance: readProvenance,
};
