// The toolbar popup: engine line, History and Settings tabs, and one live region that announces what
// happened (deleted, exported, saved, errors) to screen readers and sighted users alike.
import { useEffect, useState } from 'preact/hooks';
import type { EngineStatus } from '../shared/messages';
import type { PopupData } from './data';
import { HistoryView } from './history/HistoryView';
import { SettingsView } from './settings/SettingsView';
import { Tabs } from './Tabs';
import { errorText } from './announce';

function EngineLine({ status }: { status: EngineStatus | null | Error }) {
  if (status === null) return <p class="engine">Model: checking…</p>;
  if (status instanceof Error) return <p class="engine engine-error">Model status unavailable: {status.message}</p>;
  if (status.error) return <p class="engine engine-error">Model error: {status.error}</p>;
  return (
    <p class="engine">
      Model <strong>{status.model ?? 'not loaded yet'}</strong>
      {status.backend && <> on <strong>{status.backend.toUpperCase()}</strong></>}
      {status.note && <span class="engine-note"> — {status.note}</span>}
    </p>
  );
}

export function App({ data }: { data: PopupData }) {
  const [status, setStatus] = useState<EngineStatus | null | Error>(null);
  const [message, setMessage] = useState('');
  const [tab, setTab] = useState<'history' | 'settings'>('history');

  useEffect(() => {
    data.engineStatus().then(setStatus, (err: unknown) => setStatus(new Error(errorText(err))));
  }, [data]);

  return (
    <div class="popup">
      <header class="top">
        <h1>DualSight</h1>
        <button type="button" class="link" onClick={() => data.openModelSettings()}>
          Models…
        </button>
      </header>
      <EngineLine status={status} />
      <Tabs
        label="DualSight"
        selected={tab}
        onSelect={setTab}
        tabs={[
          { id: 'history', title: 'History', panel: () => <HistoryView data={data} announce={setMessage} /> },
          {
            id: 'settings',
            title: 'Settings',
            panel: () => <SettingsView data={data} announce={setMessage} backendInUse={status instanceof Error ? null : (status?.backend ?? null)} />,
          },
        ]}
      />
      <p class="status" role="status" aria-live="polite">
        {message}
      </p>
    </div>
  );
}
