// The options page's data in the extension: IndexedDB for installed models, the background for the
// active engine (model:activate loads and checks a model before it becomes active).
import browser from 'webextension-polyfill';
import { send } from '../shared/messaging';
import type { PageToBackground } from '../shared/messages';
import { parseManifest } from '../shared/model-manifest';
import { BUILTIN_MODEL_DIR, checkModelFiles, deleteModel, getActiveModelId, installModel, listInstalledModels } from '../shared/model-store';
import type { OptionsData } from './data';

/** Loading and checking a model (WebGPU shader compilation included) can take a while. */
const ACTIVATE_TIMEOUT_MS = 120_000;

export function extensionData(): OptionsData {
  return {
    async builtinManifest() {
      const res = await fetch(browser.runtime.getURL(`models/${BUILTIN_MODEL_DIR}/manifest.json`));
      return res.ok ? parseManifest(await res.json()) : null;
    },
    listModels: listInstalledModels,
    activeModelId: getActiveModelId,
    engineStatus: () => send<PageToBackground, 'engine:status'>('background', 'engine:status', {}),
    async install(manifestJson, bytes, fileName) {
      return installModel(await checkModelFiles(manifestJson, bytes, fileName), bytes);
    },
    activate: (id) => send<PageToBackground, 'model:activate'>('background', 'model:activate', { id }, ACTIVATE_TIMEOUT_MS),
    remove: deleteModel,
  };
}
