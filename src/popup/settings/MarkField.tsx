// The user's mark: shown at the top of every DualSight card, where no page can read or copy it, so a
// card a page draws to imitate DualSight lacks it.
import { useState } from 'preact/hooks';
import { MARK_MAX } from '../../shared/settings';
import type { SaveSettings } from './save';

export function MarkField({ value, save }: { value: string; save: SaveSettings }) {
  const [draft, setDraft] = useState(value);
  return (
    <fieldset>
      <legend>Your mark</legend>
      <p class="hint">Shown at the top of every DualSight card. A card without it was drawn by the page, not by DualSight.</p>
      <label class="check">
        Mark:{' '}
        <input
          type="text"
          value={draft}
          maxLength={MARK_MAX}
          size={10}
          onInput={(e) => setDraft(e.currentTarget.value)}
          onChange={(e) => save({ mark: e.currentTarget.value.trim() }, `Mark set to ${e.currentTarget.value.trim() || '(none)'}.`)}
        />
      </label>
    </fieldset>
  );
}
