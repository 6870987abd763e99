// Models the user installed from files, in IndexedDB "dualsight-models": object store "models"
// (key "name@version", value { manifest, bytes, installedAt }) and object store "meta" holding the
// active model id ("builtin" or "name@version").
//
// The active id lives in IndexedDB rather than storage.local because the offscreen document, which
// loads the model, can use no extension API but runtime (developer.chrome.com/docs/extensions/
// reference/api/offscreen); IndexedDB is shared by all the extension's pages, so loadActiveModel()
// works there, in the background and on the options page, and reads id and model in one transaction.
import type { DBSchema } from 'idb';
import { lazyConnection } from './idb-connection';
import { modelId, parseManifest, type ModelManifest } from './model-manifest';

export const BUILTIN_MODEL_ID = 'builtin';
/** The folder under models/ that the build copies into the extension as the built-in model. */
export const BUILTIN_MODEL_DIR = 'dualsight-lite';
const DB_NAME = 'dualsight-models';
const ACTIVE_KEY = 'activeModel';

export interface StoredModel {
  manifest: ModelManifest;
  bytes: ArrayBuffer;
  /** Epoch milliseconds. */
  installedAt: number;
}

export interface InstalledModelInfo {
  id: string;
  manifest: ModelManifest;
  size: number;
  installedAt: number;
}

interface ModelDb extends DBSchema {
  models: { key: string; value: StoredModel };
  meta: { key: string; value: string };
}

const connection = lazyConnection<ModelDb>(DB_NAME, 1, (database) => {
  database.createObjectStore('models');
  database.createObjectStore('meta');
});
const db = connection.get;

/** Closes the connection (the next call reopens it). For tests and for other contexts' upgrades. */
export const closeModelDb = connection.close;

export async function sha256Hex(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as ArrayBuffer);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Checks size and SHA-256 against the manifest, when it gives them. */
export async function verifyModelBytes(manifest: ModelManifest, bytes: ArrayBuffer | Uint8Array): Promise<void> {
  if (manifest.bytes !== undefined && manifest.bytes !== bytes.byteLength) {
    throw new Error(`the model file is ${bytes.byteLength} bytes but its manifest says ${manifest.bytes}`);
  }
  if (manifest.sha256 && (await sha256Hex(bytes)) !== manifest.sha256.toLowerCase()) {
    throw new Error('the model file does not match the SHA-256 in its manifest');
  }
}

/**
 * Validates a manifest and model file chosen by the user, before anything is stored. A file whose
 * name differs from the manifest's is accepted only when the manifest's SHA-256 proves it is the one.
 */
export async function checkModelFiles(manifestJson: unknown, bytes: ArrayBuffer, fileName: string): Promise<ModelManifest> {
  const manifest = parseManifest(manifestJson);
  if (bytes.byteLength === 0) throw new Error(`${fileName} is empty`);
  await verifyModelBytes(manifest, bytes);
  if (fileName !== manifest.file && !manifest.sha256) {
    throw new Error(`the manifest describes "${manifest.file}" but the chosen file is "${fileName}" (and it gives no SHA-256 to prove they are the same)`);
  }
  return manifest;
}

/** Stores a checked model (not yet active). Refuses an id that is already installed. */
export async function installModel(manifest: ModelManifest, bytes: ArrayBuffer): Promise<string> {
  const id = modelId(manifest);
  if (id === BUILTIN_MODEL_ID) throw new Error(`"${id}" is a reserved name`);
  const tx = (await db()).transaction('models', 'readwrite');
  if (await tx.store.getKey(id)) throw new Error(`${id} is already installed; delete it first to replace it`);
  await tx.store.put({ manifest, bytes, installedAt: Date.now() }, id);
  await tx.done;
  return id;
}

export async function listInstalledModels(): Promise<InstalledModelInfo[]> {
  const tx = (await db()).transaction('models', 'readonly');
  const list: InstalledModelInfo[] = [];
  for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
    const { manifest, bytes, installedAt } = cursor.value;
    list.push({ id: cursor.key, manifest, size: bytes.byteLength, installedAt });
  }
  return list.sort((a, b) => b.installedAt - a.installedAt);
}

export async function getActiveModelId(): Promise<string> {
  return (await (await db()).get('meta', ACTIVE_KEY)) ?? BUILTIN_MODEL_ID;
}

/**
 * Makes `id` the active model. Callers check first that it loads (the background's model:activate
 * does, in the context that runs the model), so a broken model never becomes active.
 */
export async function setActiveModelId(id: string): Promise<void> {
  const tx = (await db()).transaction(['models', 'meta'], 'readwrite');
  if (id !== BUILTIN_MODEL_ID && !(await tx.objectStore('models').getKey(id))) throw new Error(`${id} is not installed`);
  await tx.objectStore('meta').put(id, ACTIVE_KEY);
  await tx.done;
}

/** Deletes an installed model; the active one cannot be deleted (switch to another first). */
export async function deleteModel(id: string): Promise<void> {
  const tx = (await db()).transaction(['models', 'meta'], 'readwrite');
  if ((await tx.objectStore('meta').get(ACTIVE_KEY)) === id) throw new Error(`${id} is the active model; switch to another one first`);
  await tx.objectStore('models').delete(id);
  await tx.done;
}

/** One installed model, or null when it is not installed. */
export async function loadModelById(id: string): Promise<StoredModel | null> {
  return (await (await db()).get('models', id)) ?? null;
}

/** The active installed model, or null for the built-in one. */
export async function loadActiveModel(): Promise<{ manifest: ModelManifest; bytes: ArrayBuffer } | null> {
  const tx = (await db()).transaction(['models', 'meta'], 'readonly');
  const id = (await tx.objectStore('meta').get(ACTIVE_KEY)) ?? BUILTIN_MODEL_ID;
  if (id === BUILTIN_MODEL_ID) return null;
  const stored = await tx.objectStore('models').get(id);
  if (!stored) {
    console.warn(`models: active model ${id} is not installed any more; using the built-in one`);
    return null;
  }
  return { manifest: stored.manifest, bytes: stored.bytes };
}
