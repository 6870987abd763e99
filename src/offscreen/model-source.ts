// Where the model comes from: the built-in default shipped in the package, or a model the user
// installed from files (options page; IndexedDB via src/shared/model-store.ts).
import browser from 'webextension-polyfill';
import { parseManifest, type ModelManifest } from '../shared/model-manifest';
import { BUILTIN_MODEL_DIR, BUILTIN_MODEL_ID, loadActiveModel, loadModelById, verifyModelBytes } from '../shared/model-store';


export interface LoadedModel {
  manifest: ModelManifest;
  bytes: Uint8Array;
  source: 'builtin' | 'installed';
}

export async function loadBuiltinModel(): Promise<LoadedModel> {
  const base = browser.runtime.getURL(`models/${BUILTIN_MODEL_DIR}/`);
  const res = await fetch(`${base}manifest.json`).catch(() => null);
  if (!res?.ok) throw new Error('the built-in model is missing from this build');
  const manifest = parseManifest(await res.json());
  const file = await fetch(base + manifest.file);
  if (!file.ok) throw new Error(`built-in model file missing (${manifest.file})`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  await verifyModelBytes(manifest, bytes);
  return { manifest, bytes, source: 'builtin' };
}

async function installed(stored: { manifest: unknown; bytes: ArrayBuffer }): Promise<LoadedModel> {
  const manifest = parseManifest(stored.manifest);
  const bytes = new Uint8Array(stored.bytes);
  await verifyModelBytes(manifest, bytes);
  return { manifest, bytes, source: 'installed' };
}

/** The model the user selected, or the built-in one. */
export async function loadModel(): Promise<LoadedModel> {
  const active = await loadActiveModel();
  return active ? installed(active) : loadBuiltinModel();
}

/** A given model ("builtin" or "name@version"), to check it before it becomes the active one. */
export async function loadModelFor(id: string): Promise<LoadedModel> {
  if (id === BUILTIN_MODEL_ID) return loadBuiltinModel();
  const stored = await loadModelById(id);
  if (!stored) throw new Error(`model ${id} is not installed`);
  return installed(stored);
}
