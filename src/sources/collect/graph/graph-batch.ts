import { z } from 'zod';
import { COLLECTION_FACTS, type BudgetId } from '../../../catalog/api-limits.js';
import type { PermissionId } from '../../../catalog/collect-permissions.js';
import { ApiError, PermissionError } from '../../../errors.js';
import { defaultScope } from '../auth/token-source.js';
import type { CollectContext } from '../collect-context.js';
import { backoffDelayMs, DEFAULT_BACKOFF } from '../http/backoff.js';
import { getPages, readPage } from '../http/paging.js';
import { retryAfterMs } from '../http/retry-after.js';
import { GRAPH_HEADERS } from './graph-fields.js';
import { graphUrl } from './graph-url.js';

/**
 * Many small GETs (one group's members, one application's owners) sent as JSON batches of up to 20: one request of
 * the budget instead of twenty. A sub-request throttled or failed with 5xx is sent again in a later batch after its
 * Retry-After; a sub-response with more pages is followed with ordinary GETs.
 */
const batchResponseSchema = z.object({
  responses: z.array(z.object({ id: z.string(), status: z.number().int(), headers: z.record(z.string(), z.string()).nullish(), body: z.unknown() })),
});

export interface BatchGet {
  budget: BudgetId;
  permission: PermissionId;
  what: string;
  /** Paths relative to the version root: `/groups/{id}/transitiveMembers?$select=id`. */
  paths: readonly string[];
}

const MAX_ROUNDS = 8;

function headerOf(headers: Readonly<Record<string, string>> | null | undefined, name: string): string | null {
  if (!headers) return null;
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return null;
}

export async function batchGet(context: CollectContext, spec: BatchGet): Promise<Map<string, unknown[]>> {
  const results = new Map<string, unknown[]>();
  const budget = context.budgets[spec.budget];
  const scope = defaultScope(context.urls.graph);
  const request = { budget, scope, permission: spec.permission, headers: GRAPH_HEADERS, ...(context.signal ? { signal: context.signal } : {}) };
  let pending = [...spec.paths];
  for (let round = 1; pending.length > 0; round += 1) {
    if (round > MAX_ROUNDS) throw new ApiError('RetriesExhausted', `${spec.what}: ${pending.length} batched requests still throttled or failing after ${MAX_ROUNDS} rounds`, 'run collect again later: it resumes where it stopped');
    const again: string[] = [];
    let wait = 0;
    for (let start = 0; start < pending.length; start += COLLECTION_FACTS.batchRequests.value) {
      const chunk = pending.slice(start, start + COLLECTION_FACTS.batchRequests.value);
      const response = await context.client.request({
        ...request,
        method: 'POST',
        url: graphUrl(context.urls.graph, 'v1.0', '$batch'),
        body: { requests: chunk.map((path, index) => ({ id: String(index), method: 'GET', url: path })) },
        what: `${spec.what} ($batch)`,
      });
      const parsed = batchResponseSchema.safeParse(response.json);
      if (!parsed.success) throw new ApiError('UnexpectedResponse', `${spec.what}: a $batch answer without responses`);
      for (const sub of parsed.data.responses) {
        const path = chunk[Number(sub.id)];
        if (path === undefined) continue;
        if (sub.status === 429 || sub.status >= 500) {
          again.push(path);
          const retryAfter = retryAfterMs(headerOf(sub.headers, 'retry-after'), Date.now());
          // A throttled sub-request holds the whole budget, as a throttled request does: the next chunk waits too.
          if (retryAfter !== null) budget.pauseUntil(Date.now() + retryAfter);
          wait = Math.max(wait, retryAfter ?? backoffDelayMs(round, DEFAULT_BACKOFF));
          continue;
        }
        if (sub.status === 403) throw new PermissionError(`${spec.what}: 403 in a $batch`, spec.permission, `grant ${spec.permission}`);
        if (sub.status === 404) {
          // The object went away between the listing and this request: nothing to add.
          results.set(path, []);
          continue;
        }
        if (sub.status >= 400) throw new ApiError('BadRequest', `${spec.what}: a batched request answered ${sub.status}`);
        const page = readPage(sub.body, spec.what);
        const records = [...page.records];
        if (page.nextLink !== null) {
          for await (const more of getPages(context.client, { ...request, method: 'GET', url: page.nextLink, what: spec.what })) records.push(...more.records);
        }
        results.set(path, records);
      }
      // Sub-requests the batch answer left out are asked again.
      for (let index = 0; index < chunk.length; index += 1) {
        const path = chunk[index];
        if (path !== undefined && !results.has(path) && !again.includes(path)) again.push(path);
      }
    }
    if (again.length > 0 && wait > 0) budget.pauseUntil(Date.now() + wait);
    pending = again;
  }
  return results;
}
