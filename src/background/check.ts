// One check of one image: cache, then the model, then history.
import { addEntry } from './history-store';
import { loadSettings } from './settings-store';
import type { InferenceClient } from './inference-client';
import { InferQueue } from './infer-queue';
import { historyPageUrl, shouldRecord } from './history-policy';
import { historyWriteFailed, historyWriteSucceeded } from './history-health';
import type { ImageOrigin } from '../shared/messages';
import type { CheckResult } from '../shared/verdict';
import { cachedVerdict, once, rememberVerdict } from './verdict-cache';
import { trustConfig } from './trust-list-store';

export interface CheckRequest {
  url: string;
  origin: ImageOrigin;
  pageUrl: string;
  /** From a private (incognito) window: checked, never recorded. */
  incognito?: boolean;
}

/** One queue per inference client (one per background instance). */
const queues = new WeakMap<InferenceClient, InferQueue>();
function queueFor(client: InferenceClient): InferQueue {
  let q = queues.get(client);
  if (!q) queues.set(client, (q = new InferQueue((r) => client.infer(r))));
  return q;
}

export async function checkImage(client: InferenceClient, req: CheckRequest): Promise<CheckResult> {
  const cached = await cachedVerdict(req.url);
  // A cached feed verdict is enough; a right-click is an explicit request, recorded in history again.
  if (cached && req.origin === 'feed') return cached;
  return once(req.url, async () => {
    const settings = await loadSettings();
    let result: CheckResult;
    let thumbnail: string | undefined;
    if (cached) {
      result = cached;
    } else {
      const reply = await queueFor(client)
        .submit({ url: req.url, wantThumbnail: true, backend: settings.backend, aiThreshold: settings.aiThreshold, trust: await trustConfig() }, req.origin === 'context-menu')
        .catch((err: Error) => ({ ok: false as const, error: `the model could not run: ${err.message}` }));
      result = reply.ok ? { ok: true, ...reply.verdict } : { ok: false, error: reply.error };
      thumbnail = reply.ok ? reply.thumbnail : undefined;
      await rememberVerdict(req.url, result);
    }
    if (!shouldRecord(req.origin, req.incognito === true, result, settings)) return result;
    await addEntry({
      id: crypto.randomUUID(),
      url: req.url,
      pageUrl: historyPageUrl(req.pageUrl, settings),
      origin: req.origin,
      at: Date.now(),
      thumbnail,
      result,
    }).then(historyWriteSucceeded, historyWriteFailed);
    return result;
  });
}
