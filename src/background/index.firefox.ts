// Firefox has no offscreen API: its (non-service-worker) background page runs the model itself.
import type { InferenceClient } from './inference-client';
import { startBackground } from './main';
import { InferenceService } from '../offscreen/inference';

let service = new InferenceService();

const inProcess: InferenceClient = {
  infer: ({ url, wantThumbnail, backend, aiThreshold, trust }) => service.infer(url, wantThumbnail, backend, aiThreshold, trust),
  status: (backend) => service.status(backend),
  checkModel: (id) => service.checkModel(id),
  reset: async () => {
    const old = service;
    service = new InferenceService();
    await old.dispose();
  },
};

startBackground(inProcess);
