// The offscreen document: the only place the model runs (Chrome). Answers the background's requests.
import { listen } from '../shared/messaging';
import type { BackgroundToOffscreen } from '../shared/messages';
import { InferenceService } from './inference';

const service = new InferenceService();

listen<BackgroundToOffscreen>(
  'offscreen',
  {
    infer: ({ url, wantThumbnail, backend, aiThreshold }) => service.infer(url, wantThumbnail, backend, aiThreshold),
    'engine-status': ({ backend }) => service.status(backend),
    'model-check': ({ id }) => service.checkModel(id),
  },
  // Only the extension's own service worker talks to this document.
  (_type, sender) => sender.id === chrome.runtime.id && !sender.tab,
);
