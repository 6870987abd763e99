// "Clear all" asks first, inline (no window.confirm: it is unreliable in extension popups). Focus
// goes to the safe choice; Escape cancels.
import { useEffect, useRef, useState } from 'preact/hooks';

export function ClearAll({ disabled, onConfirm }: { disabled: boolean; onConfirm: () => Promise<void> }) {
  const [asking, setAsking] = useState(false);
  const cancel = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) cancel.current?.focus();
  }, [asking]);

  const close = () => {
    setAsking(false);
    queueMicrotask(() => opener.current?.focus());
  };

  if (!asking) {
    return (
      <button type="button" ref={opener} class="danger-quiet" disabled={disabled} onClick={() => setAsking(true)}>
        Clear all…
      </button>
    );
  }
  return (
    <div class="confirm" role="group" aria-label="Confirm clearing history" onKeyDown={(e) => e.key === 'Escape' && close()}>
      <span>Delete the whole history? This cannot be undone.</span>
      <button
        type="button"
        class="danger"
        onClick={async () => {
          setAsking(false);
          await onConfirm();
        }}
      >
        Delete all
      </button>
      <button type="button" ref={cancel} onClick={close}>
        Cancel
      </button>
    </div>
  );
}
