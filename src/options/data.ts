// What the options page reads and changes, behind one interface (the mock in the tests serves fixed
// data). Installed models live in IndexedDB (shared/model-store.ts), readable from this page directly;
// switching models goes through the background, which first checks that the model loads.
import type { EngineStatus } from '../shared/messages';
import type { ModelManifest } from '../shared/model-manifest';
import type { InstalledModelInfo } from '../shared/model-store';

export interface OptionsData {
  builtinManifest(): Promise<ModelManifest | null>;
  listModels(): Promise<InstalledModelInfo[]>;
  activeModelId(): Promise<string>;
  engineStatus(): Promise<EngineStatus>;
  /** Validates (manifest, size, SHA-256, file name) and stores; returns the new model's id. */
  install(manifestJson: unknown, bytes: ArrayBuffer, fileName: string): Promise<string>;
  /** Makes `id` (or "builtin") active once it loads; throws with the reason when it does not. */
  activate(id: string): Promise<EngineStatus>;
  remove(id: string): Promise<void>;
}
