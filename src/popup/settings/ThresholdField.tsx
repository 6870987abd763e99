// Sensitivity: the P(AI) from which an image is called "likely AI". Null = the model's own threshold
// (from its manifest, measured on a validation set). The value is saved when the slider is released.
import { useEffect, useState } from 'preact/hooks';
import { percent } from '../format';
import type { SaveSettings } from './save';

/** Where the slider starts when the user leaves "model default". */
export const CUSTOM_START = 0.5;

export function ThresholdField({ value, save }: { value: number | null; save: SaveSettings }) {
  const [draft, setDraft] = useState(value ?? CUSTOM_START);
  useEffect(() => setDraft(value ?? CUSTOM_START), [value]);
  const useDefault = value === null;
  return (
    <fieldset>
      <legend>Sensitivity</legend>
      <label class="check">
        <input
          type="checkbox"
          checked={useDefault}
          onChange={(e) =>
            e.currentTarget.checked
              ? save({ aiThreshold: null }, "Using the model's default threshold.")
              : save({ aiThreshold: draft }, `Likely AI from ${percent(draft)}.`)
          }
        />
        Use the model's default threshold
      </label>
      <div class="slider">
        <label for="ai-threshold">Likely AI from P(AI) ≥</label>
        <input
          id="ai-threshold"
          type="range"
          min={0.05}
          max={0.95}
          step={0.01}
          value={draft}
          disabled={useDefault}
          aria-valuetext={percent(draft)}
          onInput={(e) => setDraft(Number(e.currentTarget.value))}
          onChange={(e) => save({ aiThreshold: Number(e.currentTarget.value) }, `Likely AI from ${percent(Number(e.currentTarget.value))}.`)}
        />
        <output for="ai-threshold">{useDefault ? 'model default' : percent(draft)}</output>
      </div>
      <p class="hint">Lower flags more images as likely AI (more false alarms); higher flags fewer.</p>
    </fieldset>
  );
}
