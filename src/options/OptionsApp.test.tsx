// @vitest-environment happy-dom
// The options page over the real model store (fake IndexedDB). The background's load check is the one
// thing stood in for: `activate` refuses models named "broken-*", as the background does for a model
// that fails to load.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetFakeBrowser } from '../../test/unit/fake-browser';
import type { EngineStatus } from '../shared/messages';
import { checkModelFiles, closeModelDb, deleteModel, getActiveModelId, installModel, listInstalledModels, setActiveModelId, sha256Hex } from '../shared/model-store';
import type { OptionsData } from './data';
import { OptionsApp } from './OptionsApp';
import { testManifest } from '../../test/unit/model-fixtures';

// Stored as opaque bytes; nothing here runs them.
const MODEL_BYTES = new TextEncoder().encode('bytes of model.onnx');

function manifest(name: string, over: Record<string, unknown> = {}) {
  return testManifest({ name, ...over });
}

function storeBackedData(): OptionsData & { activations: string[] } {
  let status: EngineStatus = { model: 'dualsight-lite@0.1.0', backend: 'wasm' };
  const activations: string[] = [];
  return {
    activations,
    builtinManifest: async () => null,
    listModels: listInstalledModels,
    activeModelId: getActiveModelId,
    engineStatus: async () => status,
    install: async (json, bytes, fileName) => installModel(await checkModelFiles(json, bytes, fileName), bytes),
    async activate(id) {
      activations.push(id);
      if (id.startsWith('broken-')) throw new Error('model has no output "objects" (it has: logits).');
      await setActiveModelId(id);
      status = { model: id === 'builtin' ? 'dualsight-lite@0.1.0' : id, backend: 'webgpu' };
      return status;
    },
    remove: deleteModel,
  };
}

let root: HTMLElement;
beforeEach(async () => {
  await closeModelDb();
  resetFakeBrowser();
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

async function until<T>(probe: () => T | null | undefined | false, what: string): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const got = probe();
    if (got) return got;
    await act(() => new Promise((r) => setTimeout(r, 20)));
  }
  throw new Error(`timed out waiting for ${what}; page says: ${root.textContent}`);
}

const statusText = () => root.querySelector('[role="status"]')?.textContent ?? '';
const alertText = () => root.querySelector('[role="alert"]')?.textContent ?? '';
const activeRow = () => root.querySelector<HTMLElement>('li.model.active')?.dataset.modelId;

async function chooseFiles(manifestText: string, modelName = 'model.onnx', bytes: Uint8Array = MODEL_BYTES) {
  const pick = async (id: string, file: File) => {
    const input = root.querySelector<HTMLInputElement>(`#${id}`)!;
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await act(() => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
  };
  await pick('manifest-file', new File([manifestText], 'manifest.json', { type: 'application/json' }));
  await pick('model-file', new File([bytes as BlobPart], modelName));
  const submit = root.querySelector<HTMLButtonElement>('button[type="submit"]')!;
  expect(submit.disabled).toBe(false);
  await act(() => {
    root.querySelector('form.install')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
}

async function mount(data = storeBackedData(), confirm = () => true) {
  await act(() => render(<OptionsApp data={data} confirm={confirm} />, root));
  await until(() => activeRow(), 'model list');
  return data;
}

describe('options page', () => {
  it('shows the built-in model as active with the backend in use', async () => {
    await mount();
    expect(activeRow()).toBe('builtin');
    expect(root.querySelector('.active-model')?.textContent).toContain('WASM');
    expect(root.querySelector('label[for="manifest-file"]')).not.toBeNull();
    expect(root.querySelector('label[for="model-file"]')).not.toBeNull();
  });

  it('installs a valid model and switches to it', async () => {
    const data = await mount();
    const sha256 = await sha256Hex(MODEL_BYTES);
    await chooseFiles(JSON.stringify(manifest('mine', { bytes: MODEL_BYTES.byteLength, sha256 })));
    await until(() => activeRow() === 'mine@1.0.0', 'new active model');
    expect(statusText()).toBe('Now using mine@1.0.0 on WEBGPU.');
    expect(data.activations).toEqual(['mine@1.0.0']);
    expect(root.querySelector('.active-model')?.textContent).toContain('19 B');
  });

  it('refuses files that do not match the manifest, keeping the current model', async () => {
    await mount();
    await chooseFiles(JSON.stringify(manifest('mine', { sha256: 'ab'.repeat(32) })));
    await until(() => alertText(), 'refusal');
    expect(alertText()).toMatch(/SHA-256/);
    expect(await listInstalledModels()).toEqual([]);
    expect(activeRow()).toBe('builtin');
  });

  it('refuses a manifest that is not JSON', async () => {
    await mount();
    await chooseFiles('{ not json');
    await until(() => alertText(), 'refusal');
    expect(alertText()).toBe('manifest.json is not valid JSON.');
  });

  it('refuses a model that does not load: not kept, the previous model stays active', async () => {
    await mount();
    await chooseFiles(JSON.stringify(manifest('broken-one')));
    await until(() => alertText(), 'refusal');
    expect(alertText()).toContain('broken-one@1.0.0 could not be used: model has no output "objects"');
    expect(alertText()).toContain('The previous model (builtin) stays active.');
    expect(await listInstalledModels()).toEqual([]);
    expect(await getActiveModelId()).toBe('builtin');
  });

  it('switches back to the built-in model and deletes the installed one', async () => {
    const data = storeBackedData();
    const bytes = MODEL_BYTES.buffer.slice(0) as ArrayBuffer;
    await setActiveModelId(await installModel(await checkModelFiles(manifest('mine'), bytes, 'model.onnx'), bytes));
    await mount(data);
    expect(activeRow()).toBe('mine@1.0.0');
    const deleteMine = root.querySelector<HTMLButtonElement>('[data-model-id="mine@1.0.0"] button.danger-quiet')!;
    expect(deleteMine.disabled).toBe(true); // the active model cannot be deleted
    await act(() => root.querySelector<HTMLButtonElement>('[data-model-id="builtin"] button')!.click());
    await until(() => activeRow() === 'builtin', 'built-in active');
    await act(() => root.querySelector<HTMLButtonElement>('[data-model-id="mine@1.0.0"] button.danger-quiet')!.click());
    await until(() => !root.querySelector('[data-model-id="mine@1.0.0"]'), 'deleted');
    expect(statusText()).toBe('Deleted mine@1.0.0.');
  });
});
