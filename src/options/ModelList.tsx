// The built-in model and every installed one; the active one is marked, the others can be switched to
// or (installed ones) deleted.
import type { ModelManifest } from '../shared/model-manifest';
import { BUILTIN_MODEL_ID, type InstalledModelInfo } from '../shared/model-store';
import { formatBytes, formatDate } from './format';

interface Props {
  builtin: ModelManifest | null;
  models: InstalledModelInfo[];
  activeId: string;
  busy: boolean;
  onUse: (id: string) => void;
  onDelete: (id: string) => void;
}

interface Row {
  id: string;
  title: string;
  detail: string;
  description?: string;
}

export function ModelList({ builtin, models, activeId, busy, onUse, onDelete }: Props) {
  const rows: Row[] = [
    {
      id: BUILTIN_MODEL_ID,
      title: builtin ? `${builtin.name} ${builtin.version} (built in)` : 'Built-in model',
      detail: builtin?.bytes ? formatBytes(builtin.bytes) : 'ships with DualSight',
      description: builtin?.description,
    },
    ...models.map((m) => ({
      id: m.id,
      title: `${m.manifest.name} ${m.manifest.version}`,
      detail: `${formatBytes(m.size)} · installed ${formatDate(m.installedAt)}`,
      description: m.manifest.description,
    })),
  ];
  return (
    <ul class="models" aria-label="Models">
      {rows.map((r) => {
        const active = r.id === activeId;
        return (
          <li key={r.id} class={active ? 'model active' : 'model'} data-model-id={r.id}>
            <div class="model-text">
              <strong>{r.title}</strong>
              {active && <span class="active-tag"> — active</span>}
              <div class="hint">{r.detail}</div>
              {r.description && <div class="hint">{r.description}</div>}
            </div>
            <div class="model-actions">
              {!active && (
                <button type="button" disabled={busy} onClick={() => onUse(r.id)} aria-label={`Use ${r.title}`}>
                  Use
                </button>
              )}
              {r.id !== BUILTIN_MODEL_ID && (
                <button
                  type="button"
                  class="danger-quiet"
                  disabled={busy || active}
                  title={active ? 'Switch to another model before deleting this one' : undefined}
                  onClick={() => onDelete(r.id)}
                  aria-label={`Delete ${r.title}`}
                >
                  Delete
                </button>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
