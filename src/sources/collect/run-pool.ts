/**
 * Run `work` over `items` with at most `concurrency` at a time, in the items' order. A worker answering 'stop' ends the
 * pool once the items in flight finish: nothing new starts.
 */
export async function runPool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<'continue' | 'stop'>): Promise<void> {
  let next = 0;
  let stopped = false;
  async function worker(): Promise<void> {
    while (!stopped && next < items.length) {
      const item = items[next] as T;
      next += 1;
      if ((await work(item)) === 'stop') stopped = true;
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, () => worker()));
}
