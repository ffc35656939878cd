import { randomUUID } from 'node:crypto';
import { API_BUDGETS, COLLECTION_FACTS, type BudgetId } from '../../catalog/api-limits.js';
import { permissionById, type PermissionId } from '../../catalog/collect-permissions.js';
import { ApiError, InputError, isKnownError, PermissionError, type ApiFailure } from '../../errors.js';
import type { CollectProgress } from '../../model/collect-progress.js';
import { SILENT_COLLECT_PROGRESS } from '../../model/collect-progress.js';
import { compactSignInRollups } from '../../store/rollups/sign-in-rollups.js';
import type { Store } from '../../store/store.js';
import { importSettings } from '../import/import-paths.js';
import type { Counts } from '../import/framework/import-summary.js';
import { activityEndpoint, collectActivityLog, collectAzureRoleAssignments, collectPolicyStates, collectPortalEnforcement, listSubscriptions } from './arm/arm-collections.js';
import type { TokenSource } from './auth/token-source.js';
import { loadCheckpoints, type Affects, type Checkpoint } from './checkpoints.js';
import { DEFAULT_SETTINGS, type ApiEndpoints, type CollectContext, type CollectSettings } from './collect-context.js';
import { CollectWriter } from './collect-writer.js';
import { collectApplications } from './graph/applications.js';
import { collectDirectory, collectSignInActivity, DIRECTORY_COLLECTIONS } from './graph/directory-collections.js';
import { collectDirectoryAudits, DIRECTORY_AUDITS_ENDPOINT } from './graph/directory-audits.js';
import { collectGroupMembers } from './graph/group-members.js';
import { collectSignIns, SIGN_IN_KINDS, signInEndpoint, signInWalks } from './graph/sign-ins.js';
import { ApiClient, type ClientOptions } from './http/api-client.js';
import { RateBudget, type BudgetLimits } from './http/rate-budget.js';
import { preflight, type PermissionCheck } from './preflight.js';
import { adxRunner, logAnalyticsRunner } from './loganalytics/kusto-runners.js';
import { PUSHDOWN_ENDPOINT, pushDown } from './loganalytics/pushdown.js';
import { timeWindows, windowScope } from './time-windows.js';

/**
 * `collect`: the tenant's directory, sign-ins and Activity log from Microsoft Graph and Azure Resource Manager, into
 * the store through the importers' normalisers. Resumable (checkpoints per endpoint and window), paced by the
 * documented limits, and honest: every part that could not be read is recorded with why, and the summary lists it.
 */
export interface CollectOptions {
  tokens: TokenSource;
  urls: ApiEndpoints;
  cloud: string | null;
  since: Date;
  until: Date;
  /** A tenant ID given on the command line (else the one Graph reports). */
  tenantId: string | null;
  settings?: Partial<CollectSettings>;
  /** Override documented limits (a test server with a faster clock). */
  limits?: Partial<Record<BudgetId, BudgetLimits>>;
  /** Budgets made by the caller (to show their waits while it runs); else made from `limits`. */
  budgets?: Record<BudgetId, RateBudget>;
  client?: Partial<ClientOptions>;
  progress?: CollectProgress;
  signal?: AbortSignal;
  /** Run the per-identity aggregation in Kusto instead of reading every sign-in and Activity-log event. */
  pushdown?: Pushdown;
}

export type Pushdown = { kind: 'log-analytics'; workspace: string } | { kind: 'adx'; cluster: string; database: string };

export interface CollectGap {
  endpoint: string;
  scope: string;
  affects: Affects;
  reason: string;
  /** 'permission' for a missing permission; the named failure otherwise. */
  failure: ApiFailure | 'permission' | 'unexpected';
}

export interface EndpointSummary {
  endpoint: string;
  scopes: number;
  complete: number;
  rows: number;
}

export interface CollectSummary {
  runId: string;
  tenantId: string | null;
  preflight: PermissionCheck[];
  endpoints: EndpointSummary[];
  gaps: CollectGap[];
  warnings: string[];
  stored: Counts;
  budgets: { id: BudgetId; requests: number; waits: number; waitedMs: number; throttled: number }[];
  retries: Record<string, number>;
}

export function createBudgets(overrides: Partial<Record<BudgetId, BudgetLimits>> = {}): Record<BudgetId, RateBudget> {
  const entries = API_BUDGETS.map((budget) => [budget.id, new RateBudget(budget.id, overrides[budget.id] ?? budget)] as const);
  return Object.fromEntries(entries) as Record<BudgetId, RateBudget>;
}

/** Why a part could not be read, and which named failure that was. */
function gapOf(error: unknown): { reason: string; failure: CollectGap['failure'] } {
  if (error instanceof PermissionError) {
    const permission = COLLECT_PERMISSION_IDS.find((id) => id === error.permission);
    return { reason: permission ? `no ${permission}: ${permissionById(permission).costs}` : error.message, failure: 'permission' };
  }
  if (error instanceof ApiError) return { reason: error.message, failure: error.failure };
  if (isKnownError(error)) return { reason: error.message, failure: 'unexpected' };
  return { reason: `unexpected error: ${error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)}`, failure: 'unexpected' };
}

const COLLECT_PERMISSION_IDS: readonly PermissionId[] = ['AuditLog.Read.All', 'Directory.Read.All', 'Policy.Read.All', 'RoleManagement.Read.Directory', 'Reader', 'Log Analytics Reader'];

export async function collectTenant(store: Store, options: CollectOptions): Promise<CollectSummary> {
  if (options.pushdown !== undefined) {
    const [stored] = await store.all<{ n: number }>('SELECT count(*)::INTEGER AS n FROM sign_ins');
    if ((stored?.n ?? 0) > 0) {
      throw new InputError('this store holds sign-ins: features pushed down to Kusto would count them twice', 'collect with --from-log-analytics or --from-adx into a store of its own (--db FILE)');
    }
  }
  const runId = randomUUID();
  const progress = options.progress ?? SILENT_COLLECT_PROGRESS;
  const budgets = options.budgets ?? createBudgets(options.limits);
  const client = new ApiClient(options.tokens, options.client);
  const writer = new CollectWriter(store, runId);
  await store.run("SET TimeZone = 'UTC'");
  const settingsGuard = await importSettings(store);
  const startedAt = new Date();
  await store.run('INSERT INTO collect_runs (run_id, started_at, window_start, window_end, source, cloud, status) VALUES (?, ?::TIMESTAMPTZ::TIMESTAMP, ?::TIMESTAMPTZ::TIMESTAMP, ?::TIMESTAMPTZ::TIMESTAMP, ?, ?, ?)', [
    runId, startedAt.toISOString(), options.since.toISOString(), options.until.toISOString(), options.pushdown?.kind ?? 'graph+arm', options.cloud, 'running',
  ]);
  const context: CollectContext = {
    store,
    client,
    writer,
    budgets,
    urls: options.urls,
    window: { since: options.since, until: options.until, startedAt },
    checkpoints: await loadCheckpoints(store),
    progress,
    settings: { ...DEFAULT_SETTINGS, ...options.settings },
    ...(options.signal ? { signal: options.signal } : {}),
  };
  const gaps: CollectGap[] = [];
  const warnings: string[] = [];
  const unexpected: unknown[] = [];

  /** Record a part that could not be read: its checkpoint keeps its resume point and gains the reason. */
  async function recordGap(endpoint: string, scope: string, affects: Affects, error: unknown): Promise<void> {
    const { reason, failure } = gapOf(error);
    if (failure === 'unexpected' && !isKnownError(error)) unexpected.push(error);
    gaps.push({ endpoint, scope, affects, reason, failure });
    const [row] = await store.all<{ next_link: string | null; rows: number; pages: number; began: string | null }>(
      "SELECT next_link, rows, pages, strftime(began_at, '%Y-%m-%dT%H:%M:%S.%fZ') AS began FROM collect_checkpoints WHERE endpoint = ? AND scope = ?",
      [endpoint, scope],
    );
    const checkpoint: Checkpoint = {
      endpoint, scope, state: failure === 'permission' ? 'missing' : 'partial', nextLink: row?.next_link ?? null, deltaLink: null,
      rows: row?.rows ?? 0, pages: row?.pages ?? 0, reason, affects, provisional: false, beganAt: row?.began ?? null,
    };
    await writer.mark(checkpoint);
    progress.note(`${endpoint}${scope ? ` ${scope}` : ''}: ${reason}`);
  }

  async function guarded(endpoint: string, affects: Affects, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      await recordGap(endpoint, '', affects, error);
    }
  }

  /** Parts that need a permission the preflight found missing: recorded as gaps without a request. */
  async function skipped(permission: PermissionId, endpoint: string, scope: string, affects: Affects): Promise<boolean> {
    if (!check.missing.has(permission)) return false;
    await recordGap(endpoint, scope, affects, new PermissionError(`no ${permission}`, permission));
    return true;
  }

  const check = await preflight(context);
  for (const entry of check.checks) if (!entry.granted) progress.note(`no ${entry.permission}: ${entry.costs}`);
  const tenantId = options.tenantId?.toLowerCase() ?? check.tenantId;
  if (tenantId !== null) await store.run("INSERT OR IGNORE INTO tenant (key, value) VALUES ('tenantId', ?)", [tenantId]);
  const retention = check.premium === false ? COLLECTION_FACTS.retentionFreeDays : COLLECTION_FACTS.retentionPremiumDays;
  const kept = startedAt.getTime() - retention.value * 86_400_000;
  // A workspace keeps what its retention says (often longer): the warning is about Entra's own sign-in logs.
  if (options.since.getTime() < kept && options.pushdown === undefined) {
    const days = Math.ceil((startedAt.getTime() - options.since.getTime()) / 86_400_000);
    warnings.push(`the window starts ${days} days ago, but Entra keeps sign-ins ${retention.value} days${check.premium === false ? ' (Free)' : ' (P1/P2)'}: sign-ins before ${new Date(kept).toISOString().slice(0, 10)} are not available`);
  }
  for (const warning of warnings) progress.note(`warning: ${warning}`);

  const directory = async (): Promise<void> => {
    const graphDirectory = async (endpoint: string): Promise<void> => {
      const collection = DIRECTORY_COLLECTIONS.get(endpoint);
      if (!collection) return;
      if (await skipped(collection.permission, endpoint, '', collection.affects)) return;
      await guarded(endpoint, collection.affects, () => collectDirectory(context, collection));
    };
    await Promise.all([
      (async () => {
        await graphDirectory('graph.users');
        if (!(await skipped('Directory.Read.All', 'graph.users.signInActivity', '', 'directory')) && !(await skipped('AuditLog.Read.All', 'graph.users.signInActivity', '', 'directory'))) {
          await guarded('graph.users.signInActivity', 'directory', () => collectSignInActivity(context));
        }
      })(),
      graphDirectory('graph.servicePrincipals'),
      (async () => {
        if (await skipped('Directory.Read.All', 'graph.applications', '', 'directory')) return;
        await guarded('graph.applications', 'directory', () => collectApplications(context));
      })(),
      graphDirectory('graph.userRegistrationDetails'),
      (async () => {
        if (await skipped('AuditLog.Read.All', DIRECTORY_AUDITS_ENDPOINT, '', 'directory')) return;
        await guarded(DIRECTORY_AUDITS_ENDPOINT, 'directory', () => collectDirectoryAudits(context));
      })(),
      graphDirectory('graph.directoryRoleAssignments'),
      (async () => {
        await graphDirectory('graph.conditionalAccessPolicies');
        await graphDirectory('graph.namedLocations');
        if (await skipped('Directory.Read.All', 'graph.groupMembers', '', 'conditional-access')) return;
        await guarded('graph.groupMembers', 'conditional-access', () => collectGroupMembers(context));
      })(),
    ]);
  };

  const signIns = async (): Promise<void> => {
    const pushdown = options.pushdown;
    if (pushdown !== undefined) {
      try {
        const runner = pushdown.kind === 'log-analytics'
          ? await logAnalyticsRunner(pushdown.workspace, options.urls.logAnalytics, client, budgets['log-analytics'])
          : adxRunner(pushdown.cluster, pushdown.database, client, budgets['log-analytics']);
        await pushDown(context, runner, (scope, error) => recordGap(PUSHDOWN_ENDPOINT, scope, 'sign-ins', error));
      } catch (error) {
        await recordGap(PUSHDOWN_ENDPOINT, '', 'sign-ins', error);
      }
      return;
    }
    if (check.missing.has('AuditLog.Read.All')) {
      for (const walk of signInWalks(context)) await skipped('AuditLog.Read.All', signInEndpoint(walk.kind), windowScope(walk.window), 'sign-ins');
      return;
    }
    await collectSignIns(context, async (walk, error) => {
      await recordGap(signInEndpoint(walk.kind), windowScope(walk.window), 'sign-ins', error);
      return error instanceof PermissionError ? 'stop' : 'continue';
    });
  };

  const azure = async (): Promise<void> => {
    if (check.missing.has('Reader')) {
      if (options.pushdown === undefined) await skipped('Reader', activityEndpoint(), '', 'activity-log');
      else await skipped('Reader', 'arm.policyStates', '', 'azure-policy');
      return;
    }
    let subscriptions: string[] = [];
    try {
      subscriptions = await listSubscriptions(context);
    } catch (error) {
      await recordGap(activityEndpoint(), '', 'activity-log', error);
      return;
    }
    await Promise.all([
      // A 403 on one subscription says nothing of the others: each window is tried. A pushdown reads AzureActivity.
      options.pushdown !== undefined
        ? Promise.resolve()
        : collectActivityLog(context, subscriptions, async (scope, error) => {
            await recordGap(activityEndpoint(), scope, 'activity-log', error);
            return 'continue';
          }),
      guarded('arm.policyStates', 'azure-policy', () => collectPolicyStates(context, subscriptions)),
      guarded('arm.roleAssignments', 'roles', () => collectAzureRoleAssignments(context)),
      guarded('arm.portalMfaSettings', 'enforcement-date', () => collectPortalEnforcement(context)),
    ]);
  };

  try {
    await Promise.all([directory(), signIns(), azure()]);
    await compactSignInRollups(store);
    await store.run('CHECKPOINT');
    await store.run('UPDATE collect_runs SET finished_at = now()::TIMESTAMP, status = ? WHERE run_id = ?', [gaps.length === 0 ? 'complete' : 'incomplete', runId]);
  } finally {
    await settingsGuard.restore();
    progress.finish();
  }
  if (unexpected.length > 0) throw unexpected[0];
  return {
    runId,
    tenantId,
    preflight: check.checks,
    endpoints: await endpointSummaries(store, context),
    gaps,
    warnings,
    stored: writer.totals,
    budgets: Object.values(budgets).map((budget) => ({ id: budget.id as BudgetId, requests: budget.stats.requests, waits: budget.stats.waits, waitedMs: budget.stats.waitedMs, throttled: budget.stats.throttled })),
    retries: { ...client.stats.retries },
  };
}

/** Per endpoint, from the checkpoints of this run's scopes: how many, how many complete, records stored. */
async function endpointSummaries(store: Store, context: CollectContext): Promise<EndpointSummary[]> {
  const checkpoints = await loadCheckpoints(store);
  const windows = timeWindows(context.window, context.settings).map(windowScope);
  const wanted = new Map<string, string[]>();
  for (const kind of SIGN_IN_KINDS) wanted.set(signInEndpoint(kind), windows);
  const summaries = new Map<string, EndpointSummary>();
  for (const checkpoint of checkpoints.values()) {
    const scopes = wanted.get(checkpoint.endpoint);
    if (scopes && !scopes.includes(checkpoint.scope)) continue;
    const entry = summaries.get(checkpoint.endpoint) ?? { endpoint: checkpoint.endpoint, scopes: 0, complete: 0, rows: 0 };
    entry.scopes += 1;
    if (checkpoint.state === 'complete') entry.complete += 1;
    entry.rows += checkpoint.rows;
    summaries.set(checkpoint.endpoint, entry);
  }
  return [...summaries.values()].sort((a, b) => a.endpoint.localeCompare(b.endpoint));
}
