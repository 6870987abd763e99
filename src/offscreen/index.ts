// The offscreen document: the only place the model runs (Chrome). Answers the background's requests.
import { listen } from '../shared/messaging';
import { backgroundToOffscreen } from '../shared/protocol-rules';
import type { BackgroundToOffscreen } from '../shared/messages';
import { InferenceService } from './inference';

const service = new InferenceService();

// Only the extension's own service worker talks to this document (protocol-rules.ts).
listen<BackgroundToOffscreen>(
  'offscreen',
  backgroundToOffscreen,
  {
    infer: ({ url, wantThumbnail, backend, aiThreshold, trust }) => service.infer(url, wantThumbnail, backend, aiThreshold, trust),
    'engine-status': ({ backend }) => service.status(backend),
    'model-check': ({ id }) => service.checkModel(id),
  },
);
