import { z } from 'zod';
import { COLLECTION_FACTS } from '../../../catalog/api-limits.js';
import { ApiError } from '../../../errors.js';
import { primaryTable, pushedRows } from '../../../features/kql/feature-answer.js';
import { featureQuery } from '../../../features/kql/feature-query.js';
import { kqlDatetime } from '../../../features/kql/kql-literal.js';
import { checkpointKey } from '../checkpoints.js';
import type { CollectContext } from '../collect-context.js';
import type { KustoRunner } from './kusto-runners.js';
import { storePushedRows } from './pushed-feature-rows.js';

/**
 * The per-identity aggregation pushed down to Kusto: the principals split by hash into shards small enough that each
 * answer stays under the query API's limits (500,000 rows, ~100 MB, 10 minutes), each shard's feature query run, its
 * rows stored with the shard's checkpoint in one transaction. A shard refused for its size or time is split in two and
 * run again. Only the feature rows come back, never the sign-ins.
 */
export const PUSHDOWN_ENDPOINT = 'kusto.features';

/** Rows per shard: well under the row limit, and a feature row (lists, 168 counts, addresses) is a few KB against the byte limit. */
export const ROWS_PER_SHARD = Math.min(COLLECTION_FACTS.logAnalyticsMaxRows.value / 2, Math.floor(COLLECTION_FACTS.logAnalyticsMaxBytes.value / 4_000));

/** How many times a shard is split before its failure stands. */
const MAX_SPLITS = 4;

/** How many principals and sign-ins the window holds: what the shards are planned from. */
export function sizingQuery(since: Date, until: Date): string {
  return [
    `let window_start = ${kqlDatetime(since)};`,
    `let window_end = ${kqlDatetime(until)};`,
    'union SigninLogs, AADNonInteractiveUserSignInLogs, AADServicePrincipalSignInLogs, AADManagedIdentitySignInLogs',
    '| where TimeGenerated >= window_start and TimeGenerated < window_end',
    '| summarize principals = dcount(tolower(coalesce(ServicePrincipalId, UserId, UserPrincipalName))), sign_ins = count()',
  ].join('\n');
}

const sizeSchema = z.object({ principals: z.coerce.number(), sign_ins: z.coerce.number() });

export async function planShards(runner: KustoRunner, since: Date, until: Date): Promise<{ shards: number; principals: number; signIns: number }> {
  const table = primaryTable(await runner.run(sizingQuery(since, until), since, until, 'kusto sizing'));
  const row = table?.rows[0];
  if (!table || !row) throw new ApiError('UnexpectedResponse', 'kusto sizing: no answer row');
  const named = Object.fromEntries(table.columns.map((column, index) => [column.name, row[index]]));
  const size = sizeSchema.parse(named);
  return { shards: Math.max(1, Math.ceil(size.principals / ROWS_PER_SHARD)), principals: size.principals, signIns: size.sign_ins };
}

interface Shard {
  index: number;
  count: number;
  splits: number;
}

function shardScope(context: CollectContext, shard: Shard): string {
  return `${context.window.since.toISOString()}/${context.window.until.toISOString()}#${shard.index + 1}/${shard.count}`;
}

/** A failure a smaller shard may not meet: an answer too large or too slow. */
function splittable(error: unknown): boolean {
  return error instanceof ApiError && (error.failure === 'TruncatedResponse' || error.failure === 'Timeout' || /E_QUERY_RESULT_SET_TOO_LARGE|toolarge|timeout|limit/iu.test(error.message));
}

export async function pushDown(context: CollectContext, runner: KustoRunner, failed: (scope: string, error: unknown) => Promise<void>): Promise<void> {
  const { since, until } = context.window;
  const plan = await planShards(runner, since, until);
  context.progress.note(`${runner.describe}: ${plan.signIns.toLocaleString('en-US')} sign-ins of ${plan.principals.toLocaleString('en-US')} principals in the window: ${plan.shards} shard${plan.shards === 1 ? '' : 's'}`);
  const pending: Shard[] = Array.from({ length: plan.shards }, (_, index) => ({ index, count: plan.shards, splits: 0 }));
  context.progress.plan(PUSHDOWN_ENDPOINT, pending.length);
  for (let shard = pending.shift(); shard !== undefined; shard = pending.shift()) {
    const scope = shardScope(context, shard);
    if (context.checkpoints.get(checkpointKey(PUSHDOWN_ENDPOINT, scope))?.state === 'complete') {
      context.progress.scopeDone(PUSHDOWN_ENDPOINT, 'skipped');
      continue;
    }
    const what = `kusto features shard ${shard.index + 1}/${shard.count}`;
    let rows;
    try {
      rows = pushedRows(await runner.run(featureQuery({ since, until, shard: { index: shard.index, count: shard.count } }), since, until, what));
    } catch (error) {
      if (splittable(error) && shard.splits < MAX_SPLITS) {
        // hash(pid, 2n) is i or i + n exactly when hash(pid, n) is i: the two halves cover the shard.
        const count = shard.count * 2;
        pending.push({ index: shard.index, count, splits: shard.splits + 1 }, { index: shard.index + shard.count, count, splits: shard.splits + 1 });
        context.progress.plan(PUSHDOWN_ENDPOINT, 1);
        context.progress.note(`${what}: too large or too slow (${error instanceof Error ? error.message : String(error)}); split in two`);
        continue;
      }
      await failed(scope, error);
      context.progress.scopeDone(PUSHDOWN_ENDPOINT, 'partial');
      continue;
    }
    const found = rows;
    await context.writer.write({
      label: `${PUSHDOWN_ENDPOINT} ${scope}`,
      format: 'kusto',
      fill: async () => undefined,
      after: (store, batchId) => storePushedRows(store, found, batchId).then(() => undefined),
      checkpoint: { endpoint: PUSHDOWN_ENDPOINT, scope, state: 'complete', nextLink: null, deltaLink: null, rows: found.length, pages: 1, reason: null, affects: 'sign-ins', provisional: false, beganAt: null },
    });
    context.progress.stored(PUSHDOWN_ENDPOINT, found.length, 1);
    context.progress.scopeDone(PUSHDOWN_ENDPOINT, 'complete');
  }
}
