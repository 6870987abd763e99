// Reads a model folder (manifest.json + ONNX file) from disk for the CLI, with the same manifest
// validation as the extension and the integrity checks the manifest asks for (bytes, sha256).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseManifest, type ModelManifest } from '../shared/model-manifest';

export interface ModelFolder {
  dir: string;
  manifest: ModelManifest;
  model: Uint8Array;
}

export class ModelFolderError extends Error {
  override name = 'ModelFolderError';
}

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new ModelFolderError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ModelFolderError(`${path} is not valid JSON: ${(e as Error).message}`);
  }
}

export async function readModelFolder(dir: string): Promise<ModelFolder> {
  const root = resolve(dir);
  const manifest = parseManifest(await readJson(join(root, 'manifest.json')));
  const file = join(root, manifest.file);
  let model: Uint8Array;
  try {
    model = new Uint8Array(await readFile(file));
  } catch (e) {
    throw new ModelFolderError(`cannot read model file ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  if (manifest.bytes !== undefined && model.byteLength !== manifest.bytes) {
    throw new ModelFolderError(`${file} has ${model.byteLength} bytes, the manifest says ${manifest.bytes} (incomplete copy?)`);
  }
  if (manifest.sha256 !== undefined) {
    const actual = createHash('sha256').update(model).digest('hex');
    if (actual !== manifest.sha256.toLowerCase()) throw new ModelFolderError(`${file} SHA-256 is ${actual}, the manifest says ${manifest.sha256}`);
  }
  return { dir: root, manifest, model };
}
