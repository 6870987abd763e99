// The C2PA trust list on the options page: which list is in use (issue date, next update, current,
// stale or missing), importing one from a file, the daily download switch, and the user's own anchors
// ("trusted by you"). Only signers chaining to the list or to those anchors can make "Camera-signed".
import { useEffect, useState } from 'preact/hooks';
import { parseCertificate } from '../shared/provenance/trust/certificate';
import { certificatesFromPem } from '../shared/provenance/trust/pem';
import { trustListLine, type TrustListStatus } from '../shared/trust-status';
import type { TrustData } from './trust-data';
import { StatusLines } from './StatusLines';

const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err));
/** The anchors by subject, for the list under the text field; throws on a certificate that does not parse. */
export function anchorNames(pem: string): string[] {
  return certificatesFromPem(pem).map((der, i) => {
    try {
      const c = parseCertificate(der);
      return [c.subject.O, c.subject.CN].filter(Boolean).join(', ') || 'unnamed certificate';
    } catch (e) {
      throw new Error(`certificate ${i + 1} cannot be read: ${(e as Error).message}`);
    }
  });
}

const day = (ms: number | undefined): string => (ms ? new Date(ms).toISOString().slice(0, 10) : 'never');

function namesOrWhy(pem: string): string {
  try {
    return anchorNames(pem).join('; ');
  } catch (e) {
    return errorText(e);
  }
}

export function TrustSection({ data }: { data: TrustData }) {
  const [status, setStatus] = useState<TrustListStatus | null>(null);
  const [anchors, setAnchors] = useState('');
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    data.status().then(setStatus, (err: unknown) => setError(`Could not read the trust list: ${errorText(err)}`));
  }, [data]);

  const act = async (what: () => Promise<TrustListStatus | void>, done: string) => {
    setError('');
    setMessage('');
    try {
      const next = await what();
      setStatus(next ?? (await data.status()));
      setMessage(done);
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <section aria-labelledby="trust-heading">
      <h2 id="trust-heading">C2PA Trust List</h2>
      <p class={`trust-state trust-${status?.state ?? 'loading'}`} data-state={status?.state}>
        {status ? trustListLine(status) : 'Loading…'}
      </p>
      <p class="hint">
        "Camera-signed" needs a signer whose certificate chains to the official C2PA Trust List (published by the C2PA Conformance Program in{' '}
        <code>c2pa-org/conformance-public</code>) or to an anchor you add below. Others are shown as "signed, issuer not on the trust list".
      </p>
      {status && (
        <dl class="active-model">
          <dt>Downloaded</dt>
          <dd>{day(status.obtainedAt)}</dd>
          <dt>Next download</dt>
          <dd>{status.download ? (status.nextDownload && status.nextDownload > Date.now() ? day(status.nextDownload) : 'due now') : 'off'}</dd>
          {status.lastError && (
            <>
              <dt>Last download</dt>
              <dd>failed: {status.lastError} (the last list is kept)</dd>
            </>
          )}
        </dl>
      )}
      <div class="field">
        <label>
          <input type="checkbox" checked={status?.download ?? false} disabled={!status} onChange={(e) => void act(() => data.setDownload(e.currentTarget.checked), 'Saved.')} /> Download the list
          from its published location at most once a day
        </label>
        <button type="button" disabled={!status?.download} onClick={() => void act(() => data.refresh(), 'Download finished.')}>
          Download now
        </button>
      </div>
      <div class="field">
        <label for="trust-file">Import a list file (C2PA-TRUST-LIST.pem or .json; a file named …TSA… is the time-stamping list)</label>
        <input
          id="trust-file"
          type="file"
          accept=".pem,.json,.crt,application/json"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) void act(async () => data.importList(await file.text(), file.name), `Imported ${file.name}.`);
          }}
        />
      </div>
      <div class="field">
        <label for="trust-anchors">Your own anchors (PEM certificates), shown as "trusted by you"</label>
        <textarea id="trust-anchors" rows={4} value={anchors} onInput={(e) => setAnchors(e.currentTarget.value)} placeholder="-----BEGIN CERTIFICATE-----" />
        {status?.userPem && <p class="hint">In use: {namesOrWhy(status.userPem)}</p>}
        <button
          type="button"
          onClick={() =>
            void act(async () => {
              anchorNames(anchors); // refuses a certificate that does not parse, before saving
              return data.setAnchors(anchors);
            }, anchors.trim() ? 'Anchors saved.' : 'Anchors removed.')
          }
        >
          {anchors.trim() ? 'Save anchors' : 'Remove my anchors'}
        </button>
      </div>
      <StatusLines message={message} error={error} />
    </section>
  );
}
