import { z } from 'zod';
import type { Store } from '../../store/store.js';

/**
 * How far the collection of one endpoint and scope got (table collect_checkpoints): the unit a re-run resumes from,
 * and the record of what is complete, what is missing and why.
 * - `complete`: every page was stored (for a delta query, `deltaLink` is where the next run starts);
 * - `partial`: stored up to `nextLink` (the first page not stored), or not begun;
 * - `missing`: could not be read: `reason` says why (a permission, a failure that outlasted the retries).
 * `affects` names the data the analysis loses while it is not complete.
 */
export type CheckpointState = 'partial' | 'complete' | 'missing';

/** What a gap costs the analysis. Sign-ins and the Activity log are what verdicts rest on. */
export type Affects = 'sign-ins' | 'activity-log' | 'directory' | 'registration' | 'conditional-access' | 'roles' | 'azure-policy' | 'enforcement-date';
export const VERDICT_INPUTS: readonly Affects[] = ['sign-ins', 'activity-log'];

export interface Checkpoint {
  endpoint: string;
  scope: string;
  state: CheckpointState;
  nextLink: string | null;
  deltaLink: string | null;
  /** Records and pages stored by this walk so far. */
  rows: number;
  pages: number;
  reason: string | null;
  affects: Affects;
  /** Complete, but ended too recently for every late record to have arrived: walked again by the next run. */
  provisional: boolean;
  /** When the current walk began (ISO): a complete full listing drops rows that no batch of the walk wrote. */
  beganAt: string | null;
}

const rowSchema = z.object({
  endpoint: z.string(),
  scope: z.string(),
  state: z.enum(['partial', 'complete', 'missing']),
  next_link: z.string().nullable(),
  delta_link: z.string().nullable(),
  rows: z.number(),
  pages: z.number(),
  reason: z.string().nullable(),
  affects: z.enum(['sign-ins', 'activity-log', 'directory', 'registration', 'conditional-access', 'roles', 'azure-policy', 'enforcement-date']),
  provisional: z.boolean(),
  began_at: z.string().nullable(),
});

export function checkpointKey(endpoint: string, scope: string): string {
  return `${endpoint}\u0000${scope}`;
}

export async function saveCheckpoint(store: Store, checkpoint: Checkpoint, runId: string): Promise<void> {
  await store.run(
    `INSERT OR REPLACE INTO collect_checkpoints (endpoint, scope, state, next_link, delta_link, rows, pages, reason, affects, provisional, began_at, run_id, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(CAST(? AS TIMESTAMPTZ) AS TIMESTAMP), ?, now()::TIMESTAMP)`,
    [checkpoint.endpoint, checkpoint.scope, checkpoint.state, checkpoint.nextLink, checkpoint.deltaLink, checkpoint.rows, checkpoint.pages, checkpoint.reason, checkpoint.affects, checkpoint.provisional, checkpoint.beganAt, runId],
  );
}

export async function loadCheckpoints(store: Store): Promise<Map<string, Checkpoint>> {
  const rows = await store.all(
    "SELECT endpoint, scope, state, next_link, delta_link, rows, pages, reason, affects, provisional, strftime(began_at, '%Y-%m-%dT%H:%M:%S.%fZ') AS began_at FROM collect_checkpoints",
  );
  const found = new Map<string, Checkpoint>();
  for (const row of rows) {
    const parsed = rowSchema.parse(row);
    found.set(checkpointKey(parsed.endpoint, parsed.scope), {
      endpoint: parsed.endpoint,
      scope: parsed.scope,
      state: parsed.state,
      nextLink: parsed.next_link,
      deltaLink: parsed.delta_link,
      rows: parsed.rows,
      pages: parsed.pages,
      reason: parsed.reason,
      affects: parsed.affects,
      provisional: parsed.provisional,
      beganAt: parsed.began_at,
    });
  }
  return found;
}
