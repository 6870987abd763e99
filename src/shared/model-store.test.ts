import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetFakeBrowser } from '../../test/unit/fake-browser';
import { ManifestError } from './model-manifest';
import { testManifest } from '../../test/unit/model-fixtures';
import {
  checkModelFiles,
  closeModelDb,
  deleteModel,
  getActiveModelId,
  installModel,
  listInstalledModels,
  loadActiveModel,
  setActiveModelId,
  sha256Hex,
} from './model-store';

// The store keeps model files as opaque bytes; it never runs them, so any byte content will do here.
const FILE = new TextEncoder().encode('bytes of model.onnx').buffer as ArrayBuffer;

function manifestJson(over: Record<string, unknown> = {}) {
  return testManifest({ version: '2.0.0', ...over });
}

beforeEach(async () => {
  await closeModelDb();
  resetFakeBrowser();
});
afterEach(() => vi.restoreAllMocks());

describe('checkModelFiles', () => {
  it('accepts a valid manifest whose size and SHA-256 match the file', async () => {
    const m = await checkModelFiles(manifestJson({ bytes: FILE.byteLength, sha256: await sha256Hex(FILE) }), FILE, 'model.onnx');
    expect(m.name).toBe('my-model');
  });

  it('refuses a wrong size, a wrong hash, a broken manifest and an unproven file name', async () => {
    await expect(checkModelFiles(manifestJson({ bytes: 5 }), FILE, 'model.onnx')).rejects.toThrow(/manifest says 5/);
    await expect(checkModelFiles(manifestJson({ sha256: 'ab'.repeat(32) }), FILE, 'model.onnx')).rejects.toThrow(/SHA-256/);
    await expect(checkModelFiles(manifestJson({ thresholds: { ai: 0.2, real: 0.5, object: 0.1 } }), FILE, 'model.onnx')).rejects.toThrow(ManifestError);
    await expect(checkModelFiles(manifestJson(), FILE, 'other.onnx')).rejects.toThrow(/"model.onnx" but the chosen file is "other.onnx"/);
    const proven = await checkModelFiles(manifestJson({ sha256: await sha256Hex(FILE) }), FILE, 'renamed.onnx');
    expect(proven.file).toBe('model.onnx');
  });
});

describe('model store', () => {
  it('uses the built-in model until another is activated', async () => {
    expect(await getActiveModelId()).toBe('builtin');
    expect(await loadActiveModel()).toBeNull();
  });

  it('installs, lists, activates and loads a model; survives reopening', async () => {
    const manifest = await checkModelFiles(manifestJson(), FILE, 'model.onnx');
    const id = await installModel(manifest, FILE);
    expect(id).toBe('my-model@2.0.0');
    expect(await getActiveModelId()).toBe('builtin'); // installing does not switch
    await setActiveModelId(id);
    await closeModelDb();
    const loaded = await loadActiveModel();
    expect(loaded?.manifest.name).toBe('my-model');
    expect(new Uint8Array(loaded!.bytes)).toEqual(new Uint8Array(FILE));
    const [info] = await listInstalledModels();
    expect(info).toMatchObject({ id, size: FILE.byteLength });
  });

  it('refuses a second install of the same version and activating what is not installed', async () => {
    const manifest = await checkModelFiles(manifestJson(), FILE, 'model.onnx');
    await installModel(manifest, FILE);
    await expect(installModel(manifest, FILE)).rejects.toThrow(/already installed/);
    await expect(setActiveModelId('nope@1')).rejects.toThrow(/not installed/);
    expect(await getActiveModelId()).toBe('builtin');
  });

  it('deletes only a model that is not active', async () => {
    const id = await installModel(await checkModelFiles(manifestJson(), FILE, 'model.onnx'), FILE);
    await setActiveModelId(id);
    await expect(deleteModel(id)).rejects.toThrow(/active model/);
    await setActiveModelId('builtin');
    await deleteModel(id);
    expect(await listInstalledModels()).toEqual([]);
  });
});
