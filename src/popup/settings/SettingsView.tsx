// The settings tab. Each control saves at once through the background (which validates and
// serialises); the saved settings it answers with are what the controls show next.
import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../../shared/settings';
import { errorText, type Announce } from '../announce';
import type { PopupData } from '../data';
import { BackendChoiceField } from './BackendChoiceField';
import { MarkField } from './MarkField';
import { PrivacyField } from './PrivacyField';
import { SitesField } from './SitesField';
import { ThresholdField } from './ThresholdField';
import type { SaveSettings } from './save';

interface Props {
  data: PopupData;
  announce: Announce;
  backendInUse: string | null;
}

export function SettingsView({ data, announce, backendInUse }: Props) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [host, setHost] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    Promise.all([data.getSettings(), data.activeHost().catch(() => null)]).then(
      ([s, h]) => {
        setSettings(s);
        setHost(h);
      },
      (err: unknown) => setLoadError(errorText(err)),
    );
  }, [data]);

  const save: SaveSettings = async (patch, done) => {
    try {
      setSettings(await data.updateSettings(patch));
      announce(done);
    } catch (err) {
      announce(`Not saved: ${errorText(err)}`);
      setSettings(await data.getSettings().catch(() => settings));
    }
  };

  if (loadError) return <p class="error-text" role="alert">Could not load the settings: {loadError}</p>;
  if (!settings) return <p class="empty">Loading…</p>;
  return (
    <form class="settings" onSubmit={(e) => e.preventDefault()}>
      <SitesField settings={settings} host={host} save={save} />
      <ThresholdField value={settings.aiThreshold} save={save} />
      <fieldset>
        <legend>Display</legend>
        <label class="check">
          <input type="checkbox" checked={settings.blurAi} onChange={(e) => save({ blurAi: e.currentTarget.checked }, e.currentTarget.checked ? 'Likely-AI images will be blurred.' : 'Blurring turned off.')} />
          Blur images that are likely AI (click a blurred image to reveal it)
        </label>
      </fieldset>
      <MarkField value={settings.mark} save={save} />
      <PrivacyField settings={settings} save={save} />
      <BackendChoiceField value={settings.backend} inUse={backendInUse} save={save} />
    </form>
  );
}
