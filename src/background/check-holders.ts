// Who still wants the check of an image URL. Requests for one URL share one check (verdict-cache.ts
// once()), so a content script that released its image (it left the document) only withdraws its own
// interest; the waiting request is dropped from the queue (infer-queue.ts) when nobody wants it any more.
// Holders without a tab (a right-click from the menu, the worker itself) cannot cancel.

/** A tab's frame, as "tabId:frameId"; undefined for requests no content script can cancel. */
export type Holder = string | undefined;

const NOBODY_CANCELS = '*';

interface Interest {
  holders: Map<string, number>;
  abort: AbortController;
}

export class CheckHolders {
  private readonly byUrl = new Map<string, Interest>();

  /** Registers interest in `url`; the returned release() ends it when the request is answered. */
  hold(url: string, holder: Holder): { release(): void } {
    let interest = this.byUrl.get(url);
    if (!interest || interest.abort.signal.aborted) this.byUrl.set(url, (interest = { holders: new Map(), abort: new AbortController() }));
    const key = holder ?? NOBODY_CANCELS;
    interest.holders.set(key, (interest.holders.get(key) ?? 0) + 1);
    const mine = interest;
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        this.drop(url, mine, key);
      },
    };
  }

  /** Aborts when every holder has cancelled or been answered: what the queue waits on. */
  signal(url: string): AbortSignal | undefined {
    return this.byUrl.get(url)?.abort.signal;
  }

  /** `holder` released its image: one of its requests for `url` is withdrawn. True if the check is now dropped. */
  cancel(url: string, holder: string): boolean {
    const interest = this.byUrl.get(url);
    if (!interest?.holders.has(holder)) return false;
    this.drop(url, interest, holder);
    return interest.abort.signal.aborted;
  }

  private drop(url: string, interest: Interest, key: string): void {
    const n = (interest.holders.get(key) ?? 0) - 1;
    if (n > 0) interest.holders.set(key, n);
    else interest.holders.delete(key);
    if (interest.holders.size > 0 || this.byUrl.get(url) !== interest) return;
    this.byUrl.delete(url);
    interest.abort.abort();
  }

  /** URLs with interest (read-only, for tests). */
  get size(): number {
    return this.byUrl.size;
  }
}
