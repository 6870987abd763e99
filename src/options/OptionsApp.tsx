// The options page: the model in use, the models available, and installing one from files. A model
// that fails any check (manifest, size, SHA-256, loading) is refused and the previous one stays active.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { EngineStatus } from '../shared/messages';
import type { ModelManifest } from '../shared/model-manifest';
import { BUILTIN_MODEL_ID, type InstalledModelInfo } from '../shared/model-store';
import type { OptionsData } from './data';
import { formatBytes } from './format';
import { InstallForm } from './InstallForm';
import { ModelList } from './ModelList';
import type { TrustData } from './trust-data';
import { TrustSection } from './TrustSection';
import { StatusLines } from './StatusLines';

const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err));

interface Props {
  data: OptionsData;
  /** The C2PA trust list section; absent: not shown. */
  trust?: TrustData;
  /** Asks before deleting; window.confirm in the page, a stub in tests. */
  confirm?: (question: string) => boolean;
}

function ActiveModel({ id, builtin, models, status }: { id: string; builtin: ModelManifest | null; models: InstalledModelInfo[]; status: EngineStatus | null }) {
  const installed = models.find((m) => m.id === id);
  const manifest = installed?.manifest ?? builtin;
  const size = installed?.size ?? builtin?.bytes;
  return (
    <dl class="active-model">
      <dt>Model</dt>
      <dd>{manifest ? `${manifest.name}${id === BUILTIN_MODEL_ID ? ' (built in)' : ''}` : id}</dd>
      <dt>Version</dt>
      <dd>{manifest?.version ?? 'unknown'}</dd>
      <dt>Size</dt>
      <dd>{size ? formatBytes(size) : 'unknown'}</dd>
      <dt>Backend</dt>
      <dd>
        {status === null ? 'checking…' : status.error ? `not running: ${status.error}` : (status.backend?.toUpperCase() ?? 'not loaded yet')}
        {status?.note && <span class="hint"> — {status.note}</span>}
      </dd>
    </dl>
  );
}

export function OptionsApp({ data, trust, confirm = (q) => window.confirm(q) }: Props) {
  const [builtin, setBuiltin] = useState<ModelManifest | null>(null);
  const [models, setModels] = useState<InstalledModelInfo[]>([]);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [status, setStatus] = useState<EngineStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');

  const refresh = useCallback(async () => {
    const [list, active] = await Promise.all([data.listModels(), data.activeModelId()]);
    setModels(list);
    setActiveId(active);
  }, [data]);

  useEffect(() => {
    data.builtinManifest().then(setBuiltin, () => setBuiltin(null));
    refresh().catch((err: unknown) => setError(`Could not read the installed models: ${errorText(err)}`));
    data.engineStatus().then(setStatus, (err: unknown) => setStatus({ model: null, backend: null, error: errorText(err) }));
  }, [data, refresh]);

  /** Runs one user action: busy while it runs, its outcome in the live region or the alert. */
  const act = async (working: string, action: () => Promise<string>) => {
    setBusy(true);
    setError('');
    setMessage(working);
    try {
      setMessage(await action());
    } catch (err) {
      setMessage('');
      setError(errorText(err));
    } finally {
      setBusy(false);
      await refresh().catch(() => undefined);
    }
  };

  const activate = async (id: string): Promise<string> => {
    const previous = activeId ?? BUILTIN_MODEL_ID;
    try {
      const st = await data.activate(id);
      setStatus(st);
      return `Now using ${st.model ?? id}${st.backend ? ` on ${st.backend.toUpperCase()}` : ''}.`;
    } catch (err) {
      throw new Error(`${id} could not be used: ${errorText(err)} The previous model (${previous}) stays active.`);
    }
  };

  const install = (manifestFile: File, modelFile: File) =>
    act('Checking the files…', async () => {
      let json: unknown;
      try {
        json = JSON.parse(await manifestFile.text());
      } catch {
        throw new Error(`${manifestFile.name} is not valid JSON.`);
      }
      const id = await data.install(json, await modelFile.arrayBuffer(), modelFile.name);
      setMessage(`Installed ${id}; loading it…`);
      try {
        return await activate(id);
      } catch (err) {
        // A model that does not load is not kept: nothing half-installed stays behind.
        await data.remove(id).catch(() => undefined);
        throw err;
      }
    });

  const remove = (id: string) => {
    if (!confirm(`Delete the model ${id}?`)) return;
    void act(`Deleting ${id}…`, async () => {
      await data.remove(id);
      return `Deleted ${id}.`;
    });
  };

  return (
    <main class="options">
      <h1>DualSight — models</h1>
      <section aria-labelledby="active-heading">
        <h2 id="active-heading">In use</h2>
        {activeId === null ? <p class="hint">Loading…</p> : <ActiveModel id={activeId} builtin={builtin} models={models} status={status} />}
      </section>
      <section aria-labelledby="models-heading">
        <h2 id="models-heading">Available models</h2>
        {activeId !== null && (
          <ModelList builtin={builtin} models={models} activeId={activeId} busy={busy} onUse={(id) => void act(`Loading ${id}…`, () => activate(id))} onDelete={remove} />
        )}
      </section>
      <section aria-labelledby="install-heading">
        <h2 id="install-heading">Install a model from files</h2>
        <InstallForm busy={busy} onInstall={install} />
      </section>
      <StatusLines message={message} error={error} />
      {trust && <TrustSection data={trust} />}
    </main>
  );
}
