import { createHash } from 'node:crypto';
import { MFA_POLICY_DEFINITIONS } from '../../../catalog/enforcement.js';
import { POLICY_STATES } from '../../../store/columns.js';
import { accepted, rejected, type Outcome } from '../framework/outcome.js';
import { isRecord, lower, text, utc } from '../framework/values.js';

/**
 * An Azure Policy state record (Policy Insights `policyStates/latest/queryResults`): whether a resource complies with
 * a policy assignment. Only the MFA policy definitions are asked for; a state of another definition is refused. A state
 * has no ID of its own: it is keyed on the resource, the assignment and the definition (one current state each).
 */
export function normalisePolicyState(value: unknown, raw: string): Outcome {
  if (!isRecord(value)) return rejected('not a JSON object');
  const resourceId = lower(value['resourceId']);
  const assignmentId = lower(value['policyAssignmentId']);
  const definitionId = lower(value['policyDefinitionId']);
  if (resourceId === null || assignmentId === null || definitionId === null) return rejected('missing resourceId, policyAssignmentId or policyDefinitionId');
  if (!MFA_POLICY_DEFINITIONS.some((definition) => definitionId.endsWith(definition.id))) return rejected('not an MFA policy definition');
  const reference = lower(value['policyDefinitionReferenceId']) ?? '';
  return accepted({
    kind: 'activity',
    table: POLICY_STATES,
    row: {
      id: createHash('sha256').update([resourceId, assignmentId, definitionId, reference].join('|')).digest('hex').slice(0, 32),
      time: utc(value['timestamp']),
      subscription_id: lower(value['subscriptionId']),
      resource_id: resourceId,
      policy_definition_id: definitionId,
      policy_assignment_id: assignmentId,
      compliance_state: text(value['complianceState']),
      raw,
    },
  });
}
