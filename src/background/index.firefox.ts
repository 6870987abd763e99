// Firefox has no offscreen API: its (non-service-worker) background page runs the model itself.
import type { InferenceClient } from './inference-client';
import { startBackground } from './main';
import { InferenceService } from '../offscreen/inference';
import { LIMITS } from '../shared/limits';
import { withTimeout } from '../shared/messaging';

let service = new InferenceService();

const inProcess: InferenceClient = {
  // The same budget as the offscreen document's: the queue asks once more, then says so in words.
  infer: (req) => withTimeout(service.infer(req), LIMITS.checkMs, 'infer'),
  status: (backend) => service.status(backend),
  checkModel: (id) => service.checkModel(id),
  reset: async () => {
    const old = service;
    service = new InferenceService();
    await old.dispose();
  },
};

startBackground(inProcess);
