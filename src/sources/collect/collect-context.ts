import type { BudgetId } from '../../catalog/api-limits.js';
import type { CollectProgress } from '../../model/collect-progress.js';
import type { Store } from '../../store/store.js';
import type { Checkpoint } from './checkpoints.js';
import type { CollectWriter } from './collect-writer.js';
import type { ApiClient } from './http/api-client.js';
import type { RateBudget } from './http/rate-budget.js';

/** The base URLs of the APIs (a cloud's, or overrides) and the token scope of each. */
export interface ApiEndpoints {
  graph: string;
  arm: string;
  logAnalytics: string;
}

export interface CollectWindow {
  since: Date;
  until: Date;
  /** When this run began: windows ending within `latencyMs` of it are provisional. */
  startedAt: Date;
}

export interface CollectSettings {
  /** Width of a sign-in (and Activity-log) window. */
  windowMs: number;
  /** Pages stored per transaction: what a kill can cost, against the cost of a transaction per page. */
  pagesPerStep: number;
  /** How late a record can still arrive: windows ending later than startedAt minus this are provisional. */
  latencyMs: number;
}

export const DEFAULT_SETTINGS: CollectSettings = { windowMs: 86_400_000, pagesPerStep: 10, latencyMs: 2 * 3_600_000 };

/** What every collector works with. */
export interface CollectContext {
  store: Store;
  client: ApiClient;
  writer: CollectWriter;
  budgets: Readonly<Record<BudgetId, RateBudget>>;
  urls: ApiEndpoints;
  window: CollectWindow;
  /** As they were when the run began. */
  checkpoints: ReadonlyMap<string, Checkpoint>;
  progress: CollectProgress;
  settings: CollectSettings;
  signal?: AbortSignal;
}
