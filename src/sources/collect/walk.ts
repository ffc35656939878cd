import type { Store } from '../../store/store.js';
import { sqlString } from '../../store/sql-literal.js';
import type { FileBatch } from '../import/framework/file-batch.js';
import { checkpointKey, type Affects, type Checkpoint } from './checkpoints.js';
import type { CollectContext } from './collect-context.js';
import type { ApiRequest } from './http/api-client.js';
import { getPages, type Page } from './http/paging.js';

/**
 * One walk of a paged collection into the store, resumable: a walk stopped half way restarts at the first page it did
 * not store (the checkpoint's nextLink), or from the start if the service no longer accepts that link (skip tokens
 * expire). Every `pagesPerStep` pages, and at the end, the pages read are stored with the checkpoint in one transaction.
 */
export interface WalkSpec {
  endpoint: string;
  scope: string;
  affects: Affects;
  format: string;
  request: ApiRequest;
  /**
   * - 'window': a time window's records never change once it has settled: a complete, settled walk is not walked again.
   * - 'delta': a delta query: the next run starts at the deltaLink of the last complete walk.
   * - 'listing': read whole every run; once complete, rows that no batch of this walk wrote are dropped (`sweep`).
   */
  mode: 'window' | 'delta' | 'listing';
  /** A window that ended too recently for late records to have arrived. */
  provisional?: boolean;
  /**
   * What a record is kept as until its step is stored (default: as parsed). Sign-ins are kept as their JSON text: a
   * parsed record costs several times its text, and a step holds thousands.
   */
  keep?: (record: unknown) => unknown;
  /** Before a step is stored, outside its transaction: fetch what its records need (an application's owners). */
  prepare?: (records: readonly unknown[]) => Promise<readonly unknown[]>;
  /** Store one step's records: hand them to the normalisers (inside the step's transaction). */
  fill: (records: readonly unknown[], batch: FileBatch, store: Store) => Promise<void>;
  /** Remove what the step's records replace (inside the transaction, before fill). */
  replace?: (records: readonly unknown[], store: Store) => Promise<void>;
  /** Listing mode: delete the rows this collection owns that `batchesOfWalk` (a SQL subquery of batch ids) did not write. */
  sweep?: (store: Store, batchesOfWalk: string) => Promise<void>;
}

export type WalkOutcome = 'complete' | 'skipped';

/** The batches of one walk: written under its label since it began. */
function batchesOfWalk(label: string, beganAt: string): string {
  return `(SELECT batch_id FROM batches WHERE file = ${sqlString(label)} AND started_at >= CAST(CAST(${sqlString(beganAt)} AS TIMESTAMPTZ) AS TIMESTAMP))`;
}

export async function walk(context: CollectContext, spec: WalkSpec): Promise<WalkOutcome> {
  const previous = context.checkpoints.get(checkpointKey(spec.endpoint, spec.scope));
  if (spec.mode === 'window' && previous?.state === 'complete' && !previous.provisional) return 'skipped';
  const label = `${spec.endpoint} ${spec.scope}`.trim();
  const resuming = previous?.state === 'partial' && previous.nextLink !== null;
  let beganAt = resuming && previous.beganAt !== null ? previous.beganAt : new Date().toISOString();
  let rows = resuming ? previous.rows : 0;
  let pages = resuming ? previous.pages : 0;
  let start: string | null = resuming ? previous.nextLink : spec.mode === 'delta' && previous?.state === 'complete' ? previous.deltaLink : null;

  const checkpoint = (patch: Partial<Checkpoint>): Checkpoint => ({
    endpoint: spec.endpoint, scope: spec.scope, state: 'partial', nextLink: null, deltaLink: null, rows, pages, reason: null,
    affects: spec.affects, provisional: false, beganAt, ...patch,
  });
  // Marked begun before the first request: a walk killed before it stores a page is partial, not absent.
  if (!resuming) await context.writer.mark(checkpoint({}));

  for (;;) {
    const restart = await walkFrom(context, spec, start, label, checkpoint, (added, read) => {
      rows += added;
      pages += read;
    });
    if (restart === 'done') break;
    // The saved link was refused (expired): start over; what was stored stays, duplicates are ignored on their keys.
    start = null;
    rows = 0;
    pages = 0;
    beganAt = new Date().toISOString();
  }
  if (spec.mode === 'listing' && spec.sweep) {
    const sweep = spec.sweep;
    await context.writer.write({
      label: `${label} (sweep)`,
      format: spec.format,
      fill: async () => undefined,
      after: (store) => sweep(store, batchesOfWalk(label, beganAt)),
      checkpoint: checkpoint({ state: 'complete', deltaLink: null, provisional: spec.provisional === true }),
    });
  }
  return 'complete';
}

/**
 * Walk from `start` (null: the request's own URL). 'restart' when `start` was a saved link the service refused.
 * A step is stored while the next one is read: the throttle's slots are not left idle while a transaction commits, and a
 * walk holds at most two steps (one being read, one being stored).
 */
async function walkFrom(
  context: CollectContext,
  spec: WalkSpec,
  start: string | null,
  label: string,
  checkpoint: (patch: Partial<Checkpoint>) => Checkpoint,
  count: (rows: number, pages: number) => void,
): Promise<'done' | 'restart'> {
  const request: ApiRequest = start === null ? spec.request : { ...spec.request, passStatuses: [400, 404, 410] };
  let pending: unknown[] = [];
  let pendingPages = 0;
  // The step being stored: null once stored, else the error it failed with (handled here, so never unhandled).
  let storing: Promise<{ error: unknown } | null> = Promise.resolve(null);
  const stored = async (): Promise<void> => {
    const outcome = await storing;
    storing = Promise.resolve(null);
    if (outcome !== null) throw outcome.error;
  };
  try {
    for await (const page of getPagesOrRefused(context, request, start)) {
      if (page === 'refused') return 'restart';
      const keep = spec.keep;
      pending = pending.concat(keep ? page.records.map((record) => keep(record)) : page.records);
      pendingPages += 1;
      const last = page.nextLink === null;
      if (!last && pendingPages < context.settings.pagesPerStep) continue;
      const records = spec.prepare ? await spec.prepare(pending) : pending;
      const read = pendingPages;
      pending = [];
      pendingPages = 0;
      const done = last && !(spec.mode === 'listing' && spec.sweep);
      const replace = spec.replace;
      // Steps of one walk are stored in order: the one before must be in before this one is queued.
      await stored();
      count(records.length, read);
      storing = context.writer
        .write({
          label,
          format: spec.format,
          records: records.length,
          appendOnly: spec.mode === 'window' && !replace,
          ...(replace ? { replace: (store: Store) => replace(records, store) } : {}),
          fill: (batch, store) => spec.fill(records, batch, store),
          checkpoint: last
            ? checkpoint({ state: done ? 'complete' : 'partial', nextLink: null, deltaLink: page.deltaLink, provisional: spec.provisional === true })
            : checkpoint({ state: 'partial', nextLink: page.nextLink }),
        })
        .then(
          () => {
            context.progress.stored(spec.endpoint, records.length, read);
            return null;
          },
          (error: unknown) => ({ error }),
        );
    }
    await stored();
    return 'done';
  } finally {
    // A walk that fails while a step is being stored still waits for it: the gap recorded next must come after it.
    await storing;
  }
}

/** The pages, or 'refused' when the first request (a saved link) is answered 400/404/410. */
async function* getPagesOrRefused(context: CollectContext, request: ApiRequest, start: string | null): AsyncGenerator<Page | 'refused'> {
  if (start === null) {
    yield* getPages(context.client, request);
    return;
  }
  const first = await context.client.request({ ...request, url: start });
  if (first.status >= 400) {
    yield 'refused';
    return;
  }
  // The saved link was taken: walk on from it without passing errors through.
  const { passStatuses: _passed, ...plain } = request;
  yield* getPages(context.client, plain, start, first);
}
