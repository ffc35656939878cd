import { statSync } from 'node:fs';
import type { DashboardData } from './dashboard-data.js';

/** When the store file and its write-ahead log last changed, and their sizes: a new value means new data. */
export function storeStamp(path: string): string {
  return [path, `${path}.wal`]
    .map((file) => {
      try {
        const stat = statSync(file);
        return `${stat.mtimeMs}:${stat.size}`;
      } catch {
        return '-';
      }
    })
    .join('|');
}

/**
 * The analysis the dashboard serves, kept live: when the store has changed since it was analysed (an import, a scan),
 * the next poke starts a new analysis in the background and swaps it in when done; the old one is served meanwhile.
 * An analysis that fails (the store is being written and cannot be opened) is simply tried again at a later poke.
 */
export class LiveAnalysis {
  private current: DashboardData;
  private stamp: string;
  private running: Promise<void> | null = null;
  private closed = false;

  private constructor(
    private readonly analyse: () => Promise<DashboardData>,
    private readonly stampNow: () => string,
    first: DashboardData,
    stamp: string,
  ) {
    this.current = first;
    this.stamp = stamp;
  }

  static async start(analyse: () => Promise<DashboardData>, stampNow: () => string): Promise<LiveAnalysis> {
    const stamp = stampNow();
    return new LiveAnalysis(analyse, stampNow, await analyse(), stamp);
  }

  get data(): DashboardData {
    return this.current;
  }

  /** Starts a new analysis if the store changed and none is running; resolves when that one (if any) is done. */
  poke(): Promise<void> {
    if (this.running || this.closed) return this.running ?? Promise.resolve();
    const stamp = this.stampNow();
    if (stamp === this.stamp) return Promise.resolve();
    this.running = this.analyse()
      .then((fresh) => {
        if (this.closed) {
          fresh.close();
          return;
        }
        const old = this.current;
        this.current = fresh;
        this.stamp = stamp;
        old.close();
      }, () => undefined)
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.running;
    this.current.close();
  }
}
