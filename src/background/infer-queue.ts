// One queue of model requests for the whole browser (every tab, right-clicks and feeds). A request is sent
// to the inference host only when one of `concurrency` slots is free, so the host's timeout measures the
// work on that image, never the wait behind a burst of others: a check waiting its turn cannot fail by
// waiting. Two slots let the host fetch and decode the next image while the model runs the current one.
// A request whose work outlasts its budget (no answer within the host timeout), or whose host went away
// mid-check (the offscreen document closed or crashed), is sent once more, to a fresh host where needed;
// the host answers a repeat of a request still in progress from that same run.
// What the user reads is words, never a browser's internal message.
import { MessageTimeout } from '../shared/messaging';
import type { InferReply, InferRequest } from './inference-client';

export type InferFn = (req: InferRequest) => Promise<InferReply>;

export const QUEUE_SLOTS = 2;

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

  async submit(req: InferRequest, urgent: boolean): Promise<InferReply> {
    if (this.running >= this.slots) await new Promise<void>((resolve) => (urgent ? this.urgent : this.feed).push(resolve));
    else this.running++;
    try {
      return await this.withRetry(req);
    } finally {
      const next = this.urgent.shift() ?? this.feed.pop();
      if (next) next(); // the slot passes straight on
      else this.running--;
    }
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
