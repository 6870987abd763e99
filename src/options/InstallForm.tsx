// Install a model from two files: its manifest.json and the ONNX file it names.
import { useState } from 'preact/hooks';

interface Props {
  busy: boolean;
  onInstall: (manifest: File, model: File) => Promise<void>;
}

export function InstallForm({ busy, onInstall }: Props) {
  const [manifest, setManifest] = useState<File | null>(null);
  const [model, setModel] = useState<File | null>(null);
  return (
    <form
      class="install"
      onSubmit={(e) => {
        e.preventDefault();
        if (manifest && model) void onInstall(manifest, model);
      }}
    >
      <p class="hint">
        A model is a folder with an ONNX file with two heads (objects and authenticity) and a <code>manifest.json</code> in the{' '}
        <code>dualsight-model@1</code> format describing its input, outputs, labels and thresholds. Size and SHA-256 are checked when the manifest gives
        them, and the model must load before it replaces the current one.
      </p>
      <div class="field">
        <label for="manifest-file">Manifest (manifest.json)</label>
        <input id="manifest-file" type="file" accept=".json,application/json" required onChange={(e) => setManifest(e.currentTarget.files?.[0] ?? null)} />
      </div>
      <div class="field">
        <label for="model-file">Model file (.onnx)</label>
        <input id="model-file" type="file" accept=".onnx" required onChange={(e) => setModel(e.currentTarget.files?.[0] ?? null)} />
      </div>
      <button type="submit" disabled={busy || !manifest || !model}>
        Install and use
      </button>
    </form>
  );
}
