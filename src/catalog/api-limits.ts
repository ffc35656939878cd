import { z } from 'zod';
import { SOURCES } from './sources.js';

/**
 * The documented limits `collect` paces itself by, as data. Each API family is a budget: at most `requests` in any
 * `perMs` window and `concurrent` in flight. The client never sends a request the budget does not allow, and stops
 * the whole budget (not just the throttled request) until a Retry-After runs out.
 */
export type BudgetId = 'graph-reports' | 'graph-directory' | 'graph-conditional-access' | 'arm' | 'resource-graph' | 'log-analytics';
export const BUDGET_IDS: readonly BudgetId[] = ['graph-reports', 'graph-directory', 'graph-conditional-access', 'arm', 'resource-graph', 'log-analytics'];

const budgetSchema = z.object({
  id: z.enum(['graph-reports', 'graph-directory', 'graph-conditional-access', 'arm', 'resource-graph', 'log-analytics']),
  requests: z.number().int().positive(),
  perMs: z.number().int().positive(),
  concurrent: z.number().int().positive(),
  /** What the limit is, as the source states it. */
  documented: z.string().min(1),
  source: z.url(),
});

export type Budget = z.infer<typeof budgetSchema>;

export const API_BUDGETS = z.array(budgetSchema).parse([
  {
    id: 'graph-reports',
    requests: 5,
    perMs: 10_000,
    concurrent: 5,
    documented: 'identity and access reports (auditLogs/signIns, authentication methods reports): 5 requests per 10 seconds per app per tenant',
    source: SOURCES.graphThrottling,
  },
  {
    id: 'graph-directory',
    // 3,500 resource units per 10 s for the smallest tenants; the dearest request we send (transitiveMembers) costs 5.
    requests: 700,
    perMs: 10_000,
    concurrent: 8,
    documented: 'identity and access: 3,500 (S) to 8,000 (L) resource units per 10 seconds per app and tenant; GET users costs 2, transitiveMembers 5',
    source: SOURCES.graphThrottling,
  },
  {
    id: 'graph-conditional-access',
    requests: 1,
    perMs: 1_000,
    concurrent: 1,
    documented: 'identity protection and conditional access: 1 request per second per tenant for all apps',
    source: SOURCES.graphThrottling,
  },
  {
    id: 'arm',
    // A bucket of 250 refilled at 25 per second: 25 per second is what can be sustained.
    requests: 25,
    perMs: 1_000,
    concurrent: 8,
    documented: 'subscription and tenant reads: token bucket of 250, refilled at 25 per second, per principal',
    source: SOURCES.armThrottling,
  },
  {
    id: 'resource-graph',
    requests: 15,
    perMs: 5_000,
    concurrent: 3,
    documented: 'Azure Resource Graph: 15 queries per 5 seconds per user',
    source: SOURCES.resourceGraphThrottling,
  },
  {
    id: 'log-analytics',
    requests: 200,
    perMs: 30_000,
    concurrent: 5,
    documented: 'Log Analytics query API: 200 queries per 30 seconds per user, 5 running at once',
    source: SOURCES.logAnalyticsQueryThrottling,
  },
]);

export function budgetById(id: BudgetId): Budget {
  const found = API_BUDGETS.find((budget) => budget.id === id);
  if (!found) throw new Error(`catalog has no budget ${id}`);
  return found;
}

const factSchema = z.object({ value: z.number().int().positive(), documented: z.string().min(1), source: z.url() });

/** Page sizes, retention and result limits the collectors plan around. */
export const COLLECTION_FACTS = {
  signInPageSize: factSchema.parse({ value: 1_000, documented: 'List signIns: maximum and default page size 1,000', source: SOURCES.graphListSignIns }),
  usersWithActivityPageSize: factSchema.parse({ value: 500, documented: 'List users with signInActivity: $top at most 500', source: SOURCES.graphListUsers }),
  directoryPageSize: factSchema.parse({ value: 999, documented: 'directory collections: $top up to 999', source: SOURCES.graphListUsers }),
  batchRequests: factSchema.parse({ value: 20, documented: 'JSON batching: at most 20 requests in one $batch', source: SOURCES.graphBatching }),
  retentionPremiumDays: factSchema.parse({ value: 30, documented: 'sign-in logs are kept 30 days with Entra ID P1/P2', source: SOURCES.signInRetention }),
  retentionFreeDays: factSchema.parse({ value: 7, documented: 'sign-in logs are kept 7 days on Entra ID Free', source: SOURCES.signInRetention }),
  logAnalyticsMaxRows: factSchema.parse({ value: 500_000, documented: 'Log Analytics query API: at most 500,000 records per query', source: SOURCES.logAnalyticsLimits }),
  logAnalyticsMaxBytes: factSchema.parse({ value: 104_000_000, documented: 'Log Analytics query API: at most ~104 MB of data per query (64 MB compressed)', source: SOURCES.logAnalyticsLimits }),
  logAnalyticsMaxSeconds: factSchema.parse({ value: 600, documented: 'Log Analytics query API: a query runs at most 10 minutes', source: SOURCES.logAnalyticsLimits }),
} as const;
