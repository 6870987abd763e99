// How the background reaches the model: through the offscreen document (Chrome) or in-process
// (Firefox, which has no offscreen API). Both implement this interface.
import type { BackendChoice, BackgroundToOffscreen, EngineStatus } from '../shared/messages';

export type InferRequest = BackgroundToOffscreen['infer']['req'];
export type InferReply = BackgroundToOffscreen['infer']['res'];

export interface InferenceClient {
  infer(req: InferRequest): Promise<InferReply>;
  status(backend: BackendChoice): Promise<EngineStatus>;
  /** Loads and runs a model once without making it active. */
  checkModel(id: string): Promise<{ ok: true } | { ok: false; error: string }>;
  /** Drops the running model so the next request loads the active one again. */
  reset(): Promise<void>;
}
