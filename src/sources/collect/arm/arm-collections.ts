import { z } from 'zod';
import { MFA_POLICY_DEFINITIONS } from '../../../catalog/enforcement.js';
import { ApiError } from '../../../errors.js';
import { sqlList } from '../../../store/sql-literal.js';
import { isRecord, text, utc } from '../../import/framework/values.js';
import { normaliseOperation, restActivityFields } from '../../import/activity-log/normalise-operation.js';
import { normaliseAzureRoleAssignment } from '../../import/resource-graph/resource-graph-format.js';
import { normalisePolicyState } from '../../import/policy-states/normalise-policy-state.js';
import { defaultScope } from '../auth/token-source.js';
import type { CollectContext } from '../collect-context.js';
import { getPages } from '../http/paging.js';
import type { ApiRequest } from '../http/api-client.js';
import { runPool } from '../run-pool.js';
import { filterInstant, timeWindows, windowScope } from '../time-windows.js';
import { walk } from '../walk.js';

/**
 * Azure Resource Manager: the subscriptions the identity can read; per subscription the Activity log (Administrative
 * and Policy events, which carry the callers' token claims and the MFA policy's audits and denials) in the same windows
 * as the sign-ins, and the states of the MFA policy definitions; role assignments across subscriptions through Resource
 * Graph; and the tenant's portal MFA enforcement date. Records go through the importers' normalisers.
 */
const API = {
  subscriptions: '2022-12-01',
  activityLog: '2015-04-01',
  resourceGraph: '2022-10-01',
  portalSettings: '2024-09-01-preview',
  policyStates: '2019-10-01',
} as const;

function armUrl(base: string, path: string, apiVersion: string, query: Readonly<Record<string, string>> = {}): string {
  const extra = Object.entries(query).map(([name, value]) => `&${name}=${encodeURIComponent(value)}`).join('');
  return `${base.replace(/\/+$/u, '')}/${path.replace(/^\/+/u, '')}?api-version=${apiVersion}${extra}`;
}

function armRequest(context: CollectContext, url: string, what: string, method: 'GET' | 'POST' = 'GET'): ApiRequest {
  return {
    method,
    url,
    budget: context.budgets.arm,
    scope: defaultScope(context.urls.arm),
    what,
    permission: 'Reader',
    ...(context.signal ? { signal: context.signal } : {}),
  };
}

const subscriptionSchema = z.looseObject({ subscriptionId: z.string(), displayName: z.string().nullish(), state: z.string().nullish() });

/** The subscriptions readable (enabled or not: a disabled one's Activity log still tells what happened). */
export async function listSubscriptions(context: CollectContext): Promise<string[]> {
  const ids: string[] = [];
  for await (const page of getPages(context.client, armRequest(context, armUrl(context.urls.arm, 'subscriptions', API.subscriptions), 'arm subscriptions'))) {
    for (const record of page.records) {
      const parsed = subscriptionSchema.safeParse(record);
      if (parsed.success) ids.push(parsed.data.subscriptionId.toLowerCase());
    }
  }
  return [...new Set(ids)].sort();
}

export function activityEndpoint(): string {
  return 'arm.activityLog';
}

/** One subscription's Activity log, window by window (ARM's filter takes eventTimestamp ge/le). */
export async function collectActivityLog(context: CollectContext, subscriptions: readonly string[], failed: (scope: string, error: unknown) => Promise<'continue' | 'stop'>): Promise<void> {
  const endpoint = activityEndpoint();
  const windows = timeWindows(context.window, context.settings);
  const walks = subscriptions.flatMap((subscription) => windows.map((window) => ({ subscription, window })));
  context.progress.plan(endpoint, walks.length);
  await runPool(walks, context.budgets.arm.limits.concurrent, async ({ subscription, window }) => {
    const scope = `${subscription}|${windowScope(window)}`;
    const filter = `eventTimestamp ge '${filterInstant(window.start)}' and eventTimestamp le '${filterInstant(window.end)}'`;
    try {
      const outcome = await walk(context, {
        endpoint,
        scope,
        affects: 'activity-log',
        format: 'arm',
        mode: 'window',
        provisional: window.provisional,
        request: armRequest(context, armUrl(context.urls.arm, `subscriptions/${subscription}/providers/Microsoft.Insights/eventtypes/management/values`, API.activityLog, { $filter: filter }), `arm activity log ${subscription}`),
        fill: async (records, batch) => {
          records.forEach((record, index) => {
            const raw = JSON.stringify(record);
            if (!isRecord(record)) {
              batch.quarantine(index + 1, 'not an Activity-log event', raw, 'activity');
              return;
            }
            const outcome = normaliseOperation(restActivityFields(record), raw);
            if (outcome.ok) batch.add(outcome.record);
            else batch.quarantine(index + 1, outcome.reason, raw, 'activity');
          });
        },
      });
      context.progress.scopeDone(endpoint, outcome);
      return 'continue';
    } catch (error) {
      context.progress.scopeDone(endpoint, 'partial');
      return failed(scope, error);
    }
  });
}

const ROLE_ASSIGNMENT_QUERY = [
  'authorizationresources',
  "| where type =~ 'microsoft.authorization/roleassignments'",
  '| extend principalId = tostring(properties.principalId), roleDefinitionId = tostring(properties.roleDefinitionId), scope = tostring(properties.scope)',
  '| project id, type, principalId, roleDefinitionId, scope',
].join(' ');

const resourceGraphSchema = z.looseObject({ data: z.array(z.unknown()), $skipToken: z.string().nullish() });

/**
 * Role assignments across every subscription through Resource Graph (`authorizationresources`), 1,000 a page with its
 * $skipToken, then stored in one step: read whole each run, and a role assignment removed in Azure disappears here too.
 */
export async function collectAzureRoleAssignments(context: CollectContext): Promise<void> {
  const endpoint = 'arm.roleAssignments';
  context.progress.plan(endpoint, 1);
  const records: unknown[] = [];
  let skipToken: string | null = null;
  let pages = 0;
  const url = armUrl(context.urls.arm, 'providers/Microsoft.ResourceGraph/resources', API.resourceGraph);
  const seen = new Set<string>();
  do {
    const response = await context.client.request({
      ...armRequest(context, url, 'arm resource graph role assignments', 'POST'),
      budget: context.budgets['resource-graph'],
      body: { query: ROLE_ASSIGNMENT_QUERY, options: { $top: 1000, resultFormat: 'objectArray', ...(skipToken ? { $skipToken: skipToken } : {}) } },
    });
    const parsed = resourceGraphSchema.safeParse(response.json);
    if (!parsed.success) throw new ApiError('UnexpectedResponse', 'arm resource graph: an answer without data');
    records.push(...parsed.data.data);
    pages += 1;
    context.progress.stored(endpoint, parsed.data.data.length, 1);
    skipToken = parsed.data.$skipToken ?? null;
    if (skipToken !== null) {
      if (seen.has(skipToken)) throw new ApiError('NextLinkLoop', `arm resource graph: the service sent back a $skipToken already followed (after ${pages} pages)`);
      seen.add(skipToken);
    }
  } while (skipToken !== null);
  await context.writer.write({
    label: endpoint,
    format: 'resource-graph',
    replace: (store) => store.run("DELETE FROM role_assignments WHERE source = 'azure'"),
    fill: async (batch) => {
      records.forEach((record, index) => {
        const raw = JSON.stringify(record);
        const outcome = isRecord(record) ? normaliseAzureRoleAssignment(record, raw) : null;
        if (outcome?.ok) batch.add(outcome.record);
        else batch.quarantine(index + 1, outcome ? outcome.reason : 'not a role assignment', raw, 'directory');
      });
    },
    checkpoint: { endpoint, scope: '', state: 'complete', nextLink: null, deltaLink: null, rows: records.length, pages, reason: null, affects: 'roles', provisional: false, beganAt: null },
  });
  context.progress.scopeDone(endpoint, 'complete');
}

const portalSettingsSchema = z.looseObject({
  properties: z.looseObject({ multiFactorAuthentication: z.looseObject({ portalEnforcement: z.string().nullish(), portalEnforcementDate: z.string().nullish() }).nullish() }).nullish(),
});

/** The tenant's Phase 1 (portal) enforcement, as a Global Administrator postponed it (404: never set, the default applies). */
export async function collectPortalEnforcement(context: CollectContext): Promise<void> {
  const endpoint = 'arm.portalMfaSettings';
  context.progress.plan(endpoint, 1);
  const response = await context.client.request({
    ...armRequest(context, armUrl(context.urls.arm, 'providers/Microsoft.PortalServices/settings/default', API.portalSettings), 'arm portal MFA settings'),
    passStatuses: [404],
  });
  const parsed = response.status === 404 ? null : portalSettingsSchema.safeParse(response.json);
  const settings = parsed?.success ? parsed.data.properties?.multiFactorAuthentication : null;
  const date = utc(settings?.portalEnforcementDate ?? null)?.slice(0, 10) ?? null;
  const enforcement = text(settings?.portalEnforcement ?? null);
  await context.writer.write({
    label: endpoint,
    format: 'arm',
    fill: async () => undefined,
    after: async (store) => {
      await store.run("DELETE FROM tenant WHERE key IN ('phase1.portalEnforcementDate', 'phase1.portalEnforcement')");
      if (date !== null) await store.run("INSERT INTO tenant (key, value) VALUES ('phase1.portalEnforcementDate', ?)", [date]);
      if (enforcement !== null) await store.run("INSERT INTO tenant (key, value) VALUES ('phase1.portalEnforcement', ?)", [enforcement]);
    },
    checkpoint: { endpoint, scope: '', state: 'complete', nextLink: null, deltaLink: null, rows: date === null ? 0 : 1, pages: 1, reason: null, affects: 'enforcement-date', provisional: false, beganAt: null },
  });
  context.progress.scopeDone(endpoint, 'complete');
}

/** Each subscription's compliance with the MFA policy definitions (Audit and Deny assignments). */
export async function collectPolicyStates(context: CollectContext, subscriptions: readonly string[]): Promise<void> {
  const endpoint = 'arm.policyStates';
  context.progress.plan(endpoint, subscriptions.length);
  const filter = MFA_POLICY_DEFINITIONS.map((definition) => `policyDefinitionName eq '${definition.id}'`).join(' or ');
  for (const subscription of subscriptions) {
    const outcome = await walk(context, {
      endpoint,
      scope: subscription,
      affects: 'azure-policy',
      format: 'arm',
      mode: 'listing',
      request: armRequest(context, armUrl(context.urls.arm, `subscriptions/${subscription}/providers/Microsoft.PolicyInsights/policyStates/latest/queryResults`, API.policyStates, { $filter: filter }), `arm policy states ${subscription}`, 'POST'),
      fill: async (records, batch) => {
        records.forEach((record, index) => {
          const raw = JSON.stringify(record);
          const outcome = normalisePolicyState(record, raw);
          if (outcome.ok) batch.add(outcome.record);
          else batch.quarantine(index + 1, outcome.reason, raw, 'activity');
        });
      },
      sweep: (store, batches) => store.run(`DELETE FROM policy_states WHERE subscription_id IN (${sqlList([subscription])}) AND (batch_id IS NULL OR batch_id NOT IN ${batches})`),
    });
    context.progress.scopeDone(endpoint, outcome);
  }
}
