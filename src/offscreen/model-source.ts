// Where the model comes from: the built-in default shipped in the package, or a model the user
// installed from files (options page; IndexedDB via src/shared/model-store.ts).
import browser from 'webextension-polyfill';
import { parseManifest, type ModelManifest } from '../shared/model-manifest';
import { loadActiveModel } from '../shared/model-store';

export const BUILTIN_MODEL = 'dualsight-lite';

export interface LoadedModel {
  manifest: ModelManifest;
  bytes: Uint8Array;
  source: 'builtin' | 'installed';
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Checks size and hash against the manifest, when it gives them. */
export async function verifyModelBytes(manifest: ModelManifest, bytes: Uint8Array): Promise<void> {
  if (manifest.bytes !== undefined && manifest.bytes !== bytes.byteLength) {
    throw new Error(`model file is ${bytes.byteLength} bytes but its manifest says ${manifest.bytes}`);
  }
  if (manifest.sha256 && (await sha256Hex(bytes)) !== manifest.sha256.toLowerCase()) {
    throw new Error('model file does not match the SHA-256 in its manifest');
  }
}

export async function loadBuiltinModel(): Promise<LoadedModel> {
  const base = browser.runtime.getURL(`models/${BUILTIN_MODEL}/`);
  const manifest = parseManifest(await (await fetch(`${base}manifest.json`)).json());
  const res = await fetch(base + manifest.file);
  if (!res.ok) throw new Error(`built-in model file missing (${manifest.file})`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  await verifyModelBytes(manifest, bytes);
  return { manifest, bytes, source: 'builtin' };
}

/** The model the user selected, or the built-in one. */
export async function loadModel(): Promise<LoadedModel> {
  const installed = await loadActiveModel();
  if (!installed) return loadBuiltinModel();
  const manifest = parseManifest(installed.manifest);
  const bytes = new Uint8Array(installed.bytes);
  await verifyModelBytes(manifest, bytes);
  return { manifest, bytes, source: 'installed' };
}
