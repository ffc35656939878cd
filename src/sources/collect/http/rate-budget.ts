/**
 * One API family's request budget, kept on the client: at most `requests` sent in any `perMs` window, at most
 * `concurrent` in flight, and nothing at all while the service has asked us to wait (Retry-After). Callers take a slot
 * with acquire() just before sending and give it back when the response is read. Slots are handed out in the order
 * they were asked for.
 */
/**
 * Gives a slot back. `refused`: the service answered 429, so it did not count the request against its window (a
 * throttle counts what it lets through): the request's send time leaves the window too, and its retry takes its place.
 * Kept, it would hold a place the service does not, and the budget would send one request fewer for a whole window
 * after every refusal.
 */
export type ReleaseSlot = (refused?: boolean) => void;

export interface BudgetLimits {
  requests: number;
  perMs: number;
  concurrent: number;
}

export interface BudgetStats {
  /** Requests sent. */
  requests: number;
  /** Requests that waited (for the window, a slot, a Retry-After or their turn), and the wait summed over them. */
  waits: number;
  waitedMs: number;
  /** Retry-After pauses the service asked for. */
  throttled: number;
  /** Until when the budget is paused (epoch ms), 0 when it is not. */
  pausedUntil: number;
}

/**
 * A margin on the window: the service counts arrivals, and the request five back may have reached it later than it
 * left here (a slow hop, a busy service stamping it late) while this one goes straight through. 1% plus 50 ms costs
 * 1.5% of what Graph's reports throttle (5 in 10 s) allows; a refusal costs a Retry-After for the whole budget.
 */
function marginMs(perMs: number): number {
  return Math.ceil(perMs * 0.01) + 50;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    function onAbort(): void {
      clearTimeout(timer);
      reject(signal?.reason);
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export class RateBudget {
  /** Send times of the last `requests` requests, oldest first. */
  private readonly sent: number[] = [];
  private inFlight = 0;
  /** Acquirers take turns: each waits for the one before it to be granted. */
  private turn: Promise<void> = Promise.resolve();
  private slotFreed: (() => void) | null = null;
  readonly stats: BudgetStats = { requests: 0, waits: 0, waitedMs: 0, throttled: 0, pausedUntil: 0 };

  constructor(
    readonly id: string,
    readonly limits: BudgetLimits,
  ) {}

  /** Requests the limits allow per second, at most: what a throughput is measured against. */
  get requestsPerSecond(): number {
    return (this.limits.requests * 1000) / this.limits.perMs;
  }

  /** Stop every request of this budget until `until` (epoch ms), as a Retry-After asks. */
  pauseUntil(until: number): void {
    this.stats.throttled += 1;
    if (until > this.stats.pausedUntil) this.stats.pausedUntil = until;
  }

  /** Wait for a slot; returns the function that gives it back. */
  async acquire(signal?: AbortSignal): Promise<ReleaseSlot> {
    const asked = Date.now();
    const previous = this.turn;
    let granted: () => void = () => undefined;
    this.turn = new Promise((resolve) => {
      granted = resolve;
    });
    let sentAt: number;
    try {
      await previous;
      sentAt = await this.waitForSlot(signal);
    } finally {
      granted();
    }
    this.inFlight += 1;
    this.stats.requests += 1;
    const waited = Date.now() - asked;
    if (waited > 0) {
      this.stats.waits += 1;
      this.stats.waitedMs += waited;
    }
    let released = false;
    return (refused = false) => {
      if (released) return;
      released = true;
      this.inFlight -= 1;
      if (refused) {
        const index = this.sent.indexOf(sentAt);
        if (index >= 0) this.sent.splice(index, 1);
      }
      const wake = this.slotFreed;
      this.slotFreed = null;
      wake?.();
    };
  }

  private slotFreedOrAbort(signal: AbortSignal | undefined): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const onAbort = (): void => reject(signal?.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.slotFreed = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
    });
  }

  /** Wait until the limits allow one more request; returns its send time, as counted in the window. */
  private async waitForSlot(signal: AbortSignal | undefined): Promise<number> {
    for (;;) {
      const now = Date.now();
      if (this.stats.pausedUntil > now) {
        await sleep(this.stats.pausedUntil - now, signal);
        continue;
      }
      if (this.inFlight >= this.limits.concurrent) {
        await this.slotFreedOrAbort(signal);
        continue;
      }
      const oldest = this.sent.length >= this.limits.requests ? (this.sent[0] ?? 0) : null;
      if (oldest !== null && now - oldest < this.limits.perMs + marginMs(this.limits.perMs)) {
        await sleep(oldest + this.limits.perMs + marginMs(this.limits.perMs) - now, signal);
        continue;
      }
      this.sent.push(now);
      if (this.sent.length > this.limits.requests) this.sent.shift();
      return now;
    }
  }
}
