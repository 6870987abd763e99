// Which onnxruntime backend runs the model, with the one actually in use (auto may fall back).
import type { BackendChoice } from '../../shared/messages';
import type { SaveSettings } from './save';

const CHOICES: { value: BackendChoice; label: string; hint: string }[] = [
  { value: 'auto', label: 'Automatic', hint: 'WebGPU when it works here, else WASM' },
  { value: 'webgpu', label: 'WebGPU', hint: 'graphics card' },
  { value: 'wasm', label: 'WASM', hint: 'processor, multi-threaded' },
];

export function BackendChoiceField({ value, inUse, save }: { value: BackendChoice; inUse: string | null; save: SaveSettings }) {
  return (
    <fieldset>
      <legend>Inference backend</legend>
      {CHOICES.map((c) => (
        <label key={c.value} class="check">
          <input type="radio" name="backend" value={c.value} checked={value === c.value} onChange={() => save({ backend: c.value }, `Backend set to ${c.label}.`)} />
          {c.label} <span class="hint">({c.hint})</span>
        </label>
      ))}
      <p class="hint in-use">In use: {inUse ? inUse.toUpperCase() : 'not loaded yet'}</p>
    </fieldset>
  );
}
