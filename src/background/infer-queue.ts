// One queue of model requests for the whole browser (every tab, right-clicks and feeds). A request is sent
// to the inference host only when one of `concurrency` slots is free, so the host's timeout measures the
// work on that image, never the wait behind a burst of others: a check waiting its turn cannot fail by
// waiting. Two slots let the host fetch and decode the next image while the model runs the current one.
// A request whose work outlasts its budget (no answer within the host timeout), or whose host went away
// mid-check (the offscreen document closed or crashed), is sent once more, to a fresh host where needed;
// the host answers a repeat of a request still in progress from that same run.
// What the user reads is words, never a browser's internal message.
// A request still waiting for a slot is dropped when its signal aborts (the content script released the
// image: it left the document before its check started); once sent to the host it runs to the end.
import { MessageTimeout } from '../shared/messaging';
import type { InferReply, InferRequest } from './inference-client';

export type InferFn = (req: InferRequest) => Promise<InferReply>;

export const QUEUE_SLOTS = 2;

/** The answer to a request dropped before it started (never cached, never recorded, never counted). */
export const CANCELLED = 'cancelled: the image left the page before its check started';

export const isCancelled = (r: { ok: boolean; error?: string }): boolean => !r.ok && r.error === CANCELLED;

/** The host went away under a request (Chrome's words for a closed or crashed document). */
export const HOST_GONE = /message (port|channel) closed|Receiving end does not exist|Could not establish connection|no handler answered|context invalidated|Extension context/i;

function retryable(err: unknown): boolean {
  return err instanceof MessageTimeout || HOST_GONE.test(err instanceof Error ? err.message : String(err));
}

function inWords(err: unknown): InferReply {
  if (err instanceof MessageTimeout) return { ok: false, error: 'the check took too long (no result after two tries)' };
  if (retryable(err)) return { ok: false, error: 'the checking engine stopped twice during this check; try again' };
  return { ok: false, error: `the model could not run: ${err instanceof Error ? err.message : String(err)}` };
}

export class InferQueue {
  private running = 0;
  /** Right-clicks, first come first served, ahead of feed checks. */
  private readonly urgent: (() => void)[] = [];
  /** Feed checks, newest first: the image the reader reached last is the one on screen. */
  private readonly feed: (() => void)[] = [];

  constructor(
    private readonly infer: InferFn,
    private readonly slots = QUEUE_SLOTS,
  ) {}

  /** Requests waiting for a slot. */
  get waiting(): number {
    return this.urgent.length + this.feed.length;
  }

  /** Runs `req` when a slot is free; answers CANCELLED, without running it, if `signal` aborts first. */
  async submit(req: InferRequest, urgent: boolean, signal?: AbortSignal): Promise<InferReply> {
    if (signal?.aborted) return { ok: false, error: CANCELLED };
    if (this.running >= this.slots) {
      const started = await this.turn(urgent ? this.urgent : this.feed, signal);
      if (!started) return { ok: false, error: CANCELLED };
    } else this.running++;
    try {
      return await this.withRetry(req);
    } finally {
      const next = this.urgent.shift() ?? this.feed.pop();
      if (next) next(); // the slot passes straight on
      else this.running--;
    }
  }

  /** Waits in `lane` for a slot handed on by a finishing request; false when `signal` aborted first. */
  private turn(lane: (() => void)[], signal?: AbortSignal): Promise<boolean> {
    return new Promise<boolean>((resolve) => {
      const go = (): void => {
        signal?.removeEventListener('abort', drop);
        resolve(true);
      };
      const drop = (): void => {
        const at = lane.indexOf(go);
        if (at < 0) return; // already handed a slot
        lane.splice(at, 1);
        resolve(false);
      };
      lane.push(go);
      signal?.addEventListener('abort', drop, { once: true });
    });
  }

  private async withRetry(req: InferRequest): Promise<InferReply> {
    try {
      return await this.infer(req);
    } catch (err) {
      if (!retryable(err)) return inWords(err);
      console.warn('DualSight: a check was interrupted or outlasted its budget; asking once more', req.url, err);
      try {
        return await this.infer(req);
      } catch (again) {
        return inWords(again);
      }
    }
  }
}
