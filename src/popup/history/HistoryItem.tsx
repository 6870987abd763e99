// One checked image: thumbnail, verdict (text + colour), AI %, objects, where and when, delete.
import type { HistoryEntry } from '../../shared/history-types';
import { declaringEvidence, kindName, scoreNote } from '../../shared/wording';
import { isWebUrl, shortPlace, timeAgo, verdictLabel } from '../format';

interface Props {
  entry: HistoryEntry;
  onDelete: (entry: HistoryEntry) => void;
}

function Details({ entry }: { entry: HistoryEntry }) {
  const r = entry.result;
  if (!r.ok) return <p class="detail error-text">{r.error}</p>;
  // The signal behind the declaration (the first signal can be an absence: "No C2PA Content Credentials").
  const declared = declaringEvidence(r)?.summary;
  // The kind leads the line unless the verdict already names it ("Graphic · not scored").
  const kind = r.ai.verdict === 'none' ? undefined : kindName(r.kind);
  const objects = r.objects.length > 0 ? r.objects.map((o) => o.label).join(', ') : 'No objects recognised';
  return (
    <>
      <p class="detail">{kind ? <><span class="kind">{kind}</span>{` · ${objects}`}</> : objects}</p>
      {declared && <p class="detail provenance">{declared}</p>}
    </>
  );
}

export function HistoryItem({ entry, onDelete }: Props) {
  const verdict = verdictLabel(entry);
  const place = shortPlace(entry.pageUrl || entry.url);
  const when = timeAgo(entry.at);
  const thumb = entry.thumbnail ? <img class="thumb" src={entry.thumbnail} alt="" width={56} height={56} /> : <span class="thumb thumb-none" aria-hidden="true" />;
  return (
    <li class={`entry tone-${verdict.tone}`} data-entry-id={entry.id}>
      {isWebUrl(entry.url) ? (
        <a href={entry.url} target="_blank" rel="noreferrer" class="thumb-link" title="Open the image" aria-label={`Open the image (${verdict.text})`}>
          {thumb}
        </a>
      ) : (
        thumb
      )}
      <div class="entry-body">
        <p class="headline">
          <span class={`verdict tone-${verdict.tone}`}>{verdict.text}</span>
          {entry.result.ok && scoreNote(entry.result) && <span class="pct">{scoreNote(entry.result)}</span>}
        </p>
        <Details entry={entry} />
        <p class="meta">
          {isWebUrl(entry.pageUrl) ? (
            <a href={entry.pageUrl} target="_blank" rel="noreferrer">
              {place}
            </a>
          ) : (
            <span>{place}</span>
          )}
          {' · '}
          <time dateTime={new Date(entry.at).toISOString()} title={new Date(entry.at).toLocaleString()}>
            {when}
          </time>
          {entry.origin === 'context-menu' && ' · right-click'}
        </p>
      </div>
      <button type="button" class="delete" aria-label={`Delete: ${verdict.text}, ${place}, ${when}`} title="Delete this entry" onClick={() => onDelete(entry)}>
        ×
      </button>
    </li>
  );
}
