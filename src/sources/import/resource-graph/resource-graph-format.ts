import { z } from 'zod';
import type { ImportFormat } from '../framework/format.js';
import { readJsonRecords } from '../framework/json-records.js';
import { ROLE_ASSIGNMENTS } from '../../../store/columns.js';
import { accepted, firstIssue, rejected, type Outcome } from '../framework/outcome.js';
import { isRecord, lower, text } from '../framework/values.js';

const ROLE_ASSIGNMENT_TYPE = 'microsoft.authorization/roleassignments';

/** A row of `authorizationresources`, whole (`properties.*`) or projected flat by the query (principalId, roleDefinitionId, scope…). */
function field(record: Record<string, unknown>, name: string): unknown {
  const properties = isRecord(record['properties']) ? record['properties'] : {};
  return record[name] ?? properties[name] ?? null;
}

function isRoleAssignment(record: Record<string, unknown>): boolean {
  return lower(record['type']) === ROLE_ASSIGNMENT_TYPE || (field(record, 'principalId') !== null && field(record, 'roleDefinitionId') !== null && field(record, 'scope') !== null);
}

const assignmentSchema = z.object({
  id: z.string().trim().min(1, 'missing id'),
  principalId: z.string().trim().min(1, 'missing principalId'),
  roleDefinitionId: z.string().trim().min(1, 'missing roleDefinitionId'),
  scope: z.string().trim().min(1, 'missing scope'),
});

export function normaliseAzureRoleAssignment(record: Record<string, unknown>, raw: string): Outcome {
  const parsed = assignmentSchema.safeParse({ id: record['id'], principalId: field(record, 'principalId'), roleDefinitionId: field(record, 'roleDefinitionId'), scope: field(record, 'scope') });
  if (!parsed.success) return rejected(firstIssue(parsed.error));
  const assignment = parsed.data;
  // Role definitions are ARM IDs ending in the role's GUID; the GUID is what joins to built-in role names.
  const roleDefinitionId = assignment.roleDefinitionId.toLowerCase().split('/').pop() ?? assignment.roleDefinitionId.toLowerCase();
  return accepted({
    kind: 'directory',
    table: ROLE_ASSIGNMENTS,
    row: {
      id: assignment.id.toLowerCase(),
      principal_id: assignment.principalId.toLowerCase(),
      role_definition_id: roleDefinitionId,
      role_name: text(field(record, 'roleName')),
      scope: assignment.scope.toLowerCase(),
      source: 'azure',
      raw,
    },
  });
}

/** Azure Resource Graph results (`az graph query` / REST: `{ data: [...] }` or an array) of role assignments. */
export const RESOURCE_GRAPH_JSON: ImportFormat = {
  id: 'resource-graph-json',
  describes: 'Azure Resource Graph role assignments (authorizationresources) as JSON',
  detect(sniff) {
    return sniff.firstRecord !== null && isRoleAssignment(sniff.firstRecord);
  },
  read(path, batch) {
    return readJsonRecords(
      path,
      batch,
      async (value, raw, line) => {
        if (!isRecord(value) || !isRoleAssignment(value)) {
          batch.quarantine(line, 'not a role assignment', raw, 'directory');
          return;
        }
        const outcome = normaliseAzureRoleAssignment(value, raw);
        if (outcome.ok) batch.add(outcome.record);
        else batch.quarantine(line, outcome.reason, raw, 'directory');
      },
      'directory',
    );
  },
};
