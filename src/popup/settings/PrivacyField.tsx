// What history keeps (src/background/history-policy.ts applies it). Checks from private windows are
// never recorded, whatever is chosen here.
import type { HistoryFeed, Settings } from '../../shared/settings';
import type { SaveSettings } from './save';

const FEED: { value: HistoryFeed; label: string }[] = [
  { value: 'ai', label: 'only images judged likely AI or declared AI' },
  { value: 'all', label: 'every checked feed image' },
  { value: 'none', label: 'none' },
];

export function PrivacyField({ settings, save }: { settings: Settings; save: SaveSettings }) {
  return (
    <fieldset>
      <legend>History and privacy</legend>
      <p class="hint">Right-click checks are always kept; checks in private windows never.</p>
      <label class="check">
        Feed checks kept:{' '}
        <select value={settings.historyFeed} onChange={(e) => save({ historyFeed: e.currentTarget.value as HistoryFeed }, 'History setting saved.')}>
          {FEED.map((f) => (
            <option key={f.value} value={f.value}>{f.label}</option>
          ))}
        </select>
      </label>
      <label class="check">
        <input type="checkbox" checked={settings.historyFullPageUrl} onChange={(e) => save({ historyFullPageUrl: e.currentTarget.checked }, e.currentTarget.checked ? 'Full page addresses will be kept.' : 'Only site and path of pages will be kept.')} />
        Keep full page addresses (with search terms and other parameters)
      </label>
      <label class="check">
        <input type="checkbox" checked={settings.clearHistoryOnClose} onChange={(e) => save({ clearHistoryOnClose: e.currentTarget.checked }, e.currentTarget.checked ? 'History will be cleared when the browser closes.' : 'History will be kept across restarts.')} />
        Clear history when the browser closes
      </label>
    </fieldset>
  );
}
