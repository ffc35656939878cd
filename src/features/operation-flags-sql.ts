import { IN_PROGRESS_STATUSES } from '../catalog/activity-log.js';
import { MFA_POLICY_DEFINITIONS, POLICY_AUDIT_OPERATION, POLICY_DENY_STATUS } from '../catalog/enforcement.js';
import { sqlString } from '../store/sql-literal.js';

function mfaPolicyMatch(column: string): string {
  return `(${MFA_POLICY_DEFINITIONS.map((entry) => `contains(lower(coalesce(${column}, '')), ${sqlString(entry.id)})`).join(' OR ')})`;
}

/**
 * Two CTEs, `op` and `op_flags`, over the Activity-log operations up to the cut-off (`after`, the first instant after
 * it): each operation's principal (object id, else the identity its UPN names in `upnMap` (upn, id), else the UPN or
 * caller), and what it counts as: an MFA Azure Policy audit event, a write refused by an MFA policy definition
 * (`denied`), one still in progress, a counted operation, a change (create, update, delete). One definition for the
 * features and the what-if engine's writes. Ends with a comma, to be followed by more CTEs.
 */
export function operationFlagsSql(after: string, upnMap: string): string {
  return `op AS (
  SELECT
    coalesce(o.caller_object_id, m.id, lower(o.caller_upn), lower(o.caller)) AS pid,
    CASE WHEN o.idtyp = 'app' THEN 'servicePrincipal' ELSE 'user' END AS okind,
    lower(o.caller_upn) AS upn, o.id, o.caller_app_id, o.time, o.operation_name, o.kind, o.mfa, o.policy_definition_ids,
    lower(o.operation_name) = ${sqlString(POLICY_AUDIT_OPERATION)} AS is_audit,
    coalesce(o.status, '') IN (${IN_PROGRESS_STATUSES.map(sqlString).join(', ')}) AS in_progress,
    ${mfaPolicyMatch('o.policy_definition_ids')} AS mfa_policy,
    (coalesce(o.sub_status, '') ILIKE ${sqlString(`%${POLICY_DENY_STATUS}%`)} OR coalesce(o.status_code, '') ILIKE ${sqlString(`%${POLICY_DENY_STATUS}%`)} OR o.status = 'failed') AS failed_by
  FROM operations o LEFT JOIN ${upnMap} m ON lower(o.caller_upn) = m.upn
  WHERE o.time < ${after}
),
op_flags AS (
  SELECT *, (NOT is_audit AND mfa_policy AND failed_by) AS denied, (NOT is_audit AND NOT (mfa_policy AND failed_by) AND NOT in_progress) AS counted,
    kind IN ('create', 'update', 'delete') AS change
  FROM op WHERE pid IS NOT NULL
),
`;
}
