import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RateBudget } from './rate-budget.js';

/** Resolves to the fake clock's time when the acquire is granted. */
function grantedAt(budget: RateBudget, signal?: AbortSignal): Promise<number> {
  return budget.acquire(signal).then((release) => {
    release();
    return Date.now();
  });
}

describe('RateBudget', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2026, 10, 20));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lets `requests` through per window, then holds the next until the oldest leaves the window (plus a 1% + 50 ms margin)', async () => {
    const start = Date.now();
    const budget = new RateBudget('reports', { requests: 3, perMs: 1000, concurrent: 10 });
    const times = [grantedAt(budget), grantedAt(budget), grantedAt(budget), grantedAt(budget), grantedAt(budget)];
    await vi.advanceTimersByTimeAsync(5000);
    expect((await Promise.all(times)).map((at) => at - start)).toEqual([0, 0, 0, 1060, 1060]);
    expect(budget.stats).toMatchObject({ requests: 5, waits: 2, waitedMs: 2120 });
  });

  it('sends nothing while a Retry-After runs, for every caller of the budget', async () => {
    const start = Date.now();
    const budget = new RateBudget('arm', { requests: 100, perMs: 1000, concurrent: 10 });
    budget.pauseUntil(start + 750);
    const times = [grantedAt(budget), grantedAt(budget)];
    await vi.advanceTimersByTimeAsync(1000);
    expect((await Promise.all(times)).map((at) => at - start)).toEqual([750, 750]);
    expect(budget.stats.throttled).toBe(1);
  });

  it('takes a request the service refused (429) out of the window: its retry takes its place, the next is not held', async () => {
    const start = Date.now();
    const budget = new RateBudget('reports', { requests: 2, perMs: 1000, concurrent: 10 });
    const refused = await budget.acquire();
    refused(true);
    (await budget.acquire())();
    // Counted: the refused one and its retry would fill the window, and this one would wait for 1060 ms.
    const next = grantedAt(budget);
    await vi.advanceTimersByTimeAsync(2000);
    expect((await next) - start).toBe(0);
    const keptStart = Date.now();
    const kept = new RateBudget('reports', { requests: 2, perMs: 1000, concurrent: 10 });
    (await kept.acquire())();
    (await kept.acquire())();
    const held = grantedAt(kept);
    await vi.advanceTimersByTimeAsync(2000);
    expect((await held) - keptStart).toBe(1060);
  });

  it('keeps at most `concurrent` in flight, handing slots out in the order asked', async () => {
    const budget = new RateBudget('ca', { requests: 100, perMs: 1000, concurrent: 1 });
    const order: string[] = [];
    const first = await budget.acquire();
    const second = budget.acquire().then((release) => {
      order.push('second');
      return release;
    });
    const third = budget.acquire().then((release) => {
      order.push('third');
      return release;
    });
    await vi.advanceTimersByTimeAsync(10);
    expect(order).toEqual([]);
    first();
    (await second)();
    (await third)();
    expect(order).toEqual(['second', 'third']);
  });

  it('gives up waiting when the caller aborts', async () => {
    const budget = new RateBudget('reports', { requests: 1, perMs: 10_000, concurrent: 1 });
    (await budget.acquire())();
    const controller = new AbortController();
    const waiting = budget.acquire(controller.signal);
    controller.abort(new Error('stopped'));
    await expect(waiting).rejects.toThrow('stopped');
  });
});
