/**
 * What a collection reports while it runs, per endpoint (graph.users, graph.signIns.nonInteractiveUser, arm.activityLog…):
 * how many scopes (sign-in windows, subscriptions) it has and how many are done, records and pages stored, and lines
 * worth saying (the preflight, a gap). The CLI draws it on a terminal and stays quiet when piped; throttle waits are read
 * from the budgets by the renderer.
 */
export type ScopeOutcome = 'complete' | 'skipped' | 'missing' | 'partial';

export interface CollectProgress {
  plan(endpoint: string, scopes: number): void;
  stored(endpoint: string, rows: number, pages: number): void;
  scopeDone(endpoint: string, outcome: ScopeOutcome): void;
  note(line: string): void;
  /** The collection is over: stop redrawing. */
  finish(): void;
}

export const SILENT_COLLECT_PROGRESS: CollectProgress = {
  plan() {},
  stored() {},
  scopeDone() {},
  note() {},
  finish() {},
};
