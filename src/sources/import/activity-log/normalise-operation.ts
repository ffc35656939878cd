import { createHash } from 'node:crypto';
import { OPERATIONS } from '../../../store/columns.js';
import type { OperationKind } from '../../../model/operation.js';
import { MFA_POLICY_DEFINITIONS, POLICY_AUDIT_OPERATION, POLICY_DENY_STATUS } from '../../../catalog/enforcement.js';
import { accepted, rejected, type Outcome } from '../framework/outcome.js';
import { dynamic, isRecord, lower, text, utc } from '../framework/values.js';

/**
 * The Activity log arrives in three shapes; each is mapped to these fields, then to one `operations` row.
 * - diagnostic export: time, operationName "MICROSOFT.X/Y/WRITE", resultType, identity.claims, properties.statusCode
 * - REST / az monitor activity-log list: eventTimestamp, operationName.value, status.value, subStatus.value, claims, caller
 * - Log Analytics AzureActivity: TimeGenerated, OperationNameValue, ActivityStatusValue, Claims(_d), Caller, Properties(_d)
 */
export interface ActivityFields {
  eventDataId: unknown;
  time: unknown;
  operationName: unknown;
  status: unknown;
  subStatus: unknown;
  statusCode: unknown;
  caller: unknown;
  claims: unknown;
  resourceId: unknown;
  subscriptionId: unknown;
  correlationId: unknown;
  category: unknown;
}

const CLAIM = {
  objectId: 'http://schemas.microsoft.com/identity/claims/objectidentifier',
  upn: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn',
  authMethods: 'http://schemas.microsoft.com/claims/authnmethodsreferences',
} as const;

/** Result words across the three shapes → the model's lowercase status. */
const STATUS_WORDS: Readonly<Record<string, string>> = { success: 'succeeded', failure: 'failed', start: 'started', accept: 'accepted' };

function operationKind(name: string, statusCode: string | null, subStatus: string | null): OperationKind {
  if (name.endsWith('/write')) {
    const created = [statusCode, subStatus].some((value) => value !== null && /^(created|201)$/i.test(value));
    return created ? 'create' : 'update';
  }
  if (name.endsWith('/delete')) return 'delete';
  if (name.endsWith('/read')) return 'read';
  return 'action';
}

/** MFA policy definitions named in a policy audit event or a RequestDisallowedByPolicy denial. */
function policyDefinitionIds(name: string, raw: string): string | null {
  const lowered = raw.toLowerCase();
  const isPolicyEvent = name === POLICY_AUDIT_OPERATION || lowered.includes(POLICY_DENY_STATUS.toLowerCase());
  if (!isPolicyEvent) return null;
  const found = MFA_POLICY_DEFINITIONS.filter((definition) => lowered.includes(definition.id)).map((definition) => definition.id);
  return found.length > 0 ? found.join(',') : null;
}

export function normaliseOperation(fields: ActivityFields, raw: string): Outcome {
  const time = utc(fields.time);
  if (time === null) return rejected('missing or invalid time');
  const name = lower(fields.operationName);
  if (name === null) return rejected('missing operationName');
  const rawStatus = lower(fields.status);
  const status = rawStatus === null ? null : (STATUS_WORDS[rawStatus] ?? rawStatus);
  const subStatus = text(fields.subStatus);
  const statusCode = text(fields.statusCode);
  const claimsValue = dynamic(fields.claims);
  const claims = isRecord(claimsValue) ? claimsValue : null;
  const authMethods = claims ? text(claims[CLAIM.authMethods] ?? claims['amr']) : null;
  const resourceId = lower(fields.resourceId);
  const subscription = lower(fields.subscriptionId) ?? /\/subscriptions\/(?<id>[^/]+)/.exec(resourceId ?? '')?.groups?.['id'] ?? null;
  const correlationId = lower(fields.correlationId);
  const id =
    lower(fields.eventDataId) ??
    createHash('sha256').update([correlationId ?? '', name, time, status ?? ''].join('|')).digest('hex').slice(0, 32);
  return accepted({
    kind: 'activity',
    table: OPERATIONS,
    row: {
      id,
      time,
      subscription_id: subscription,
      resource_id: resourceId,
      operation_name: name,
      kind: operationKind(name, statusCode, subStatus),
      status,
      sub_status: subStatus,
      status_code: statusCode,
      caller: text(fields.caller) ?? (claims ? (text(claims[CLAIM.upn]) ?? text(claims[CLAIM.objectId])) : null),
      caller_object_id: claims ? lower(claims[CLAIM.objectId] ?? claims['oid']) : null,
      caller_app_id: claims ? lower(claims['appid'] ?? claims['azp']) : null,
      caller_upn: claims ? lower(claims[CLAIM.upn] ?? claims['upn']) : null,
      idtyp: claims ? lower(claims['idtyp']) : null,
      appidacr: claims ? text(claims['appidacr'] ?? claims['azpacr']) : null,
      auth_methods: authMethods,
      mfa: claims === null ? null : (authMethods ?? '').toLowerCase().split(/[,\s]+/).includes('mfa'),
      policy_definition_ids: policyDefinitionIds(name, raw),
      category: text(fields.category),
      raw,
    },
  });
}

/** A value that is either a string or `{ value, localizedValue }` (REST). */
export function valueOf(field: unknown): unknown {
  return isRecord(field) ? field['value'] : field;
}

/** Diagnostic-settings Activity-log record (the JSON Lines in insights-activity-logs). */
export function diagnosticActivityFields(record: Record<string, unknown>): ActivityFields {
  const identity = isRecord(record['identity']) ? record['identity'] : {};
  const properties = dynamic(record['properties']);
  const props = isRecord(properties) ? properties : {};
  return {
    eventDataId: record['eventDataId'] ?? props['eventDataId'] ?? null,
    time: record['time'],
    operationName: record['operationName'],
    status: record['resultType'],
    subStatus: record['resultSignature'],
    statusCode: props['statusCode'] ?? null,
    caller: record['caller'] ?? null,
    claims: identity['claims'] ?? null,
    resourceId: record['resourceId'],
    subscriptionId: null,
    correlationId: record['correlationId'],
    category: record['category'],
  };
}

/** REST / `az monitor activity-log list` record. */
export function restActivityFields(record: Record<string, unknown>): ActivityFields {
  const properties = dynamic(record['properties']);
  const props = isRecord(properties) ? properties : {};
  return {
    eventDataId: record['eventDataId'],
    time: record['eventTimestamp'] ?? record['submissionTimestamp'],
    operationName: valueOf(record['operationName']),
    status: valueOf(record['status']),
    subStatus: valueOf(record['subStatus']),
    statusCode: props['statusCode'] ?? null,
    caller: record['caller'],
    claims: record['claims'],
    resourceId: record['resourceId'],
    subscriptionId: record['subscriptionId'],
    correlationId: record['correlationId'],
    category: valueOf(record['category']),
  };
}

/** Log Analytics AzureActivity row (KQL JSON or CSV export); `_d` columns are the dynamic twins of string ones. */
/**
 * A Log Analytics AzureActivity row, read through `column` (the row's own lookup: it finds a column whatever its
 * export called it, "TimeGenerated [UTC]", Claims_d or Claims, and parses JSON text).
 */
export function azureActivityFields(column: (name: string) => unknown): ActivityFields {
  const properties = column('Properties');
  const props = isRecord(properties) ? properties : {};
  return {
    eventDataId: column('EventDataId'),
    time: column('TimeGenerated') ?? column('EventSubmissionTimestamp'),
    operationName: column('OperationNameValue') ?? column('OperationName'),
    status: column('ActivityStatusValue') ?? column('ActivityStatus'),
    subStatus: column('ActivitySubstatusValue') ?? column('ActivitySubstatus'),
    statusCode: props['statusCode'] ?? null,
    caller: column('Caller'),
    claims: column('Claims'),
    resourceId: column('_ResourceId') ?? column('ResourceId'),
    subscriptionId: column('SubscriptionId') ?? column('_SubscriptionId'),
    correlationId: column('CorrelationId'),
    category: column('CategoryValue') ?? column('Category'),
  };
}
