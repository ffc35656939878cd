import { z } from 'zod';
import { AUDIT_EVENTS } from '../../../store/columns.js';
import { accepted, firstIssue, idField, rejected, type Outcome } from '../framework/outcome.js';
import { isRecord, lower, text, utc } from '../framework/values.js';

const auditSchema = z.looseObject({ id: idField });

/**
 * An Entra audit record, Graph `directoryAudit` shaped: the `properties` of a diagnostic AuditLogs line,
 * or an element of /auditLogs/directoryAudits. `fallbackTime` is the envelope's `time`.
 */
export function normaliseAudit(value: unknown, raw: string, fallbackTime: unknown = null): Outcome {
  const parsed = auditSchema.safeParse(value);
  if (!parsed.success) return rejected(firstIssue(parsed.error));
  const audit = parsed.data;
  const time = utc(audit['activityDateTime']) ?? utc(fallbackTime);
  if (time === null) return rejected('missing or invalid activityDateTime');
  const initiatedBy = isRecord(audit['initiatedBy']) ? audit['initiatedBy'] : {};
  const user = isRecord(initiatedBy['user']) ? initiatedBy['user'] : {};
  const app = isRecord(initiatedBy['app']) ? initiatedBy['app'] : {};
  const targets = Array.isArray(audit['targetResources']) ? audit['targetResources'] : [];
  const targetIds: string[] = [];
  for (const target of targets) {
    const id = isRecord(target) ? lower(target['id']) : null;
    if (id !== null) targetIds.push(id);
  }
  return accepted({
    kind: 'audit',
    table: AUDIT_EVENTS,
    row: {
      // Audit IDs such as 'Directory_<guid>_L4422_30356247' are opaque: kept as they are.
      id: audit.id.trim(),
      time,
      category: text(audit['category']),
      activity: text(audit['activityDisplayName']),
      operation_type: text(audit['operationType']),
      result: lower(audit['result']),
      initiated_by_user_id: lower(user['id']),
      initiated_by_upn: lower(user['userPrincipalName']),
      initiated_by_app_id: lower(app['appId']),
      target_ids: targetIds,
      raw,
    },
  });
}
