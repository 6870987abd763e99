// Auto-scan: a switch for the site in the active tab, and every site that has a setting. X/Twitter
// and Reddit are built in (they can be turned off, not removed); other sites can be removed.
import { DEFAULT_SITES, autoScanEnabled, siteKey, type Settings } from '../../shared/settings';
import type { SaveSettings } from './save';

interface Props {
  settings: Settings;
  host: string | null;
  save: SaveSettings;
}

export function SitesField({ settings, host, save }: Props) {
  const setSite = (site: string, on: boolean) =>
    save({ sites: { ...settings.sites, [site]: on } }, `Auto-scan ${on ? 'on' : 'off'} for ${site}.`);
  const removeSite = (site: string) => {
    const { [site]: _removed, ...rest } = settings.sites;
    return save({ sites: rest }, `${site} removed from the list.`);
  };
  const current = host ? siteKey(host) : null;
  const sites = Object.keys(settings.sites).sort((a, b) => Number(b in DEFAULT_SITES) - Number(a in DEFAULT_SITES) || a.localeCompare(b));
  return (
    <fieldset>
      <legend>Automatic scanning</legend>
      {current ? (
        <label class="check current-site">
          <input type="checkbox" checked={autoScanEnabled(settings, current)} onChange={(e) => setSite(current, e.currentTarget.checked)} />
          Scan images on <strong>{current}</strong> as I scroll
        </label>
      ) : (
        <p class="hint">This tab is not a web page; right-click “Verify image with DualSight” works on any site.</p>
      )}
      <ul class="sites" aria-label="Sites with a scanning setting">
        {sites.map((site) => (
          <li key={site}>
            <label class="check">
              <input type="checkbox" checked={settings.sites[site]} onChange={(e) => setSite(site, e.currentTarget.checked)} />
              {site}
            </label>
            {!(site in DEFAULT_SITES) && (
              <button type="button" class="link" aria-label={`Remove ${site}`} onClick={() => removeSite(site)}>
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
