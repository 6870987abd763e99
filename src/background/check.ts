// One check of one image: cache, then the queue and the model, then history. The verdict cache is keyed
// by model, verdict settings and URL (verdict-cache.ts); a request still waiting in the queue is dropped
// when every tab that asked for it has released its image (cancelCheck, check-holders.ts).
import { addEntry } from './history-store';
import { loadSettings } from './settings-store';
import type { InferenceClient } from './inference-client';
import { InferQueue, isCancelled } from './infer-queue';
import { historyPageUrl, shouldRecord } from './history-policy';
import { historyWriteFailed, historyWriteSucceeded } from './history-health';
import { CheckHolders, type Holder } from './check-holders';
import type { ImageOrigin } from '../shared/messages';
import type { Settings } from '../shared/settings';
import type { CheckResult } from '../shared/verdict';
import { OBJECTS_PER_IMAGE } from '../shared/check/judge';
import { getActiveModelId, setActiveModelId } from '../shared/model-store';
import { cachedVerdict, once, rememberVerdict, type VerdictKey } from './verdict-cache';
import { trustConfig } from './trust-list-store';

export interface CheckRequest {
  url: string;
  origin: ImageOrigin;
  pageUrl: string;
  /** From a private (incognito) window: checked, never recorded. */
  incognito?: boolean;
  /** The tab frame that asked ("tabId:frameId"), which may cancel it; absent: nobody can. */
  holder?: Holder;
}

/** One queue per inference client (one per background instance). */
const queues = new WeakMap<InferenceClient, InferQueue>();
function queueFor(client: InferenceClient): InferQueue {
  let q = queues.get(client);
  if (!q) queues.set(client, (q = new InferQueue((r) => client.infer(r))));
  return q;
}

const holders = new CheckHolders();

/** A content script released its image before the answer: its interest in `url` ends (see check-holders.ts). */
export function cancelCheck(url: string, holder: string): boolean {
  return holders.cancel(url, holder);
}

/** The active model's id, read once per background instance (only this context changes it: setActiveModel). */
let activeModel: Promise<string> | null = null;

/** Makes `id` the active model and the model every later verdict key names. */
export async function setActiveModel(id: string): Promise<void> {
  await setActiveModelId(id);
  activeModel = Promise.resolve(id);
}

/** What the verdict for `url` depends on, now. */
export async function keyFor(url: string, settings: Settings): Promise<VerdictKey> {
  activeModel ??= getActiveModelId().catch(() => {
    activeModel = null; // read again next time
    return 'unknown';
  });
  return { model: await activeModel, aiThreshold: settings.aiThreshold, objectLimit: OBJECTS_PER_IMAGE, url };
}

export async function checkImage(client: InferenceClient, req: CheckRequest): Promise<CheckResult> {
  const hold = holders.hold(req.url, req.holder);
  try {
    for (let attempt = 1; ; attempt++) {
      const result = await checkOnce(client, req);
      // A shared check others cancelled just before this request joined it: this one still wants it.
      if (!isCancelled(result) || attempt > 1 || holders.signal(req.url)?.aborted !== false) return result;
    }
  } finally {
    hold.release();
  }
}

async function checkOnce(client: InferenceClient, req: CheckRequest): Promise<CheckResult> {
  const settings = await loadSettings();
  const key = await keyFor(req.url, settings);
  const cached = await cachedVerdict(key);
  // A cached feed verdict is enough; a right-click is an explicit request, recorded in history again.
  if (cached && req.origin === 'feed') return cached;
  return once(key, async () => {
    let result: CheckResult;
    let thumbnail: string | undefined;
    if (cached) {
      result = cached;
    } else {
      const reply = await queueFor(client)
        .submit(
          { url: req.url, wantThumbnail: true, backend: settings.backend, aiThreshold: key.aiThreshold, objectLimit: key.objectLimit, trust: await trustConfig() },
          req.origin === 'context-menu',
          holders.signal(req.url),
        )
        .catch((err: Error) => ({ ok: false as const, error: `the model could not run: ${err.message}` }));
      result = reply.ok ? { ok: true, ...reply.verdict } : { ok: false, error: reply.error };
      thumbnail = reply.ok ? reply.thumbnail : undefined;
      await rememberVerdict(key, result);
    }
    if (isCancelled(result) || !shouldRecord(req.origin, req.incognito === true, result, settings)) return result;
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
