import { isRecord, text } from '../framework/values.js';

export type GraphEntity =
  | 'signIn' | 'user' | 'registrationDetails' | 'servicePrincipal' | 'application' | 'conditionalAccessPolicy'
  | 'namedLocation' | 'directoryRoleAssignment' | 'directoryAudit';

const BY_ODATA_TYPE: readonly (readonly [RegExp, GraphEntity])[] = [
  [/^#microsoft\.graph\.signin$/i, 'signIn'],
  [/^#microsoft\.graph\.user$/i, 'user'],
  [/^#microsoft\.graph\.userregistrationdetails$/i, 'registrationDetails'],
  [/^#microsoft\.graph\.serviceprincipal$/i, 'servicePrincipal'],
  [/^#microsoft\.graph\.application$/i, 'application'],
  [/^#microsoft\.graph\.conditionalaccesspolicy$/i, 'conditionalAccessPolicy'],
  [/namedlocation$/i, 'namedLocation'],
  [/^#microsoft\.graph\.unifiedroleassignment$/i, 'directoryRoleAssignment'],
  [/^#microsoft\.graph\.directoryaudit$/i, 'directoryAudit'],
];

/** @odata.context of a page → what its records are. */
const BY_CONTEXT: readonly (readonly [RegExp, GraphEntity])[] = [
  [/#auditLogs\/signIns/i, 'signIn'],
  [/#auditLogs\/directoryAudits/i, 'directoryAudit'],
  [/userRegistrationDetails/i, 'registrationDetails'],
  [/#users\b/i, 'user'],
  [/#servicePrincipals\b/i, 'servicePrincipal'],
  [/#applications\b/i, 'application'],
  [/conditionalAccess\/policies/i, 'conditionalAccessPolicy'],
  [/conditionalAccess\/namedLocations/i, 'namedLocation'],
  [/roleManagement\/directory\/roleAssignments/i, 'directoryRoleAssignment'],
];

function byShape(o: Record<string, unknown>): GraphEntity | null {
  if ('isMfaRegistered' in o || 'methodsRegistered' in o) return 'registrationDetails';
  if ('servicePrincipalType' in o) return 'servicePrincipal';
  if ('federatedIdentityCredentials' in o || 'signInAudience' in o) return 'application';
  if ('conditions' in o && ('grantControls' in o || 'state' in o)) return 'conditionalAccessPolicy';
  if ('ipRanges' in o || 'countriesAndRegions' in o) return 'namedLocation';
  if ('roleDefinitionId' in o && 'principalId' in o) return 'directoryRoleAssignment';
  if ('activityDisplayName' in o && ('loggedByService' in o || 'initiatedBy' in o)) return 'directoryAudit';
  if ('createdDateTime' in o && ('status' in o || 'signInEventTypes' in o || ('appId' in o && 'ipAddress' in o))) return 'signIn';
  if ('userPrincipalName' in o) return 'user';
  return null;
}

/** What a Graph object is: by its @odata.type, else its page's @odata.context, else its shape. */
export function classifyGraphObject(value: unknown, context: string | null): GraphEntity | null {
  if (!isRecord(value)) return null;
  const type = text(value['@odata.type']);
  if (type !== null) for (const [pattern, entity] of BY_ODATA_TYPE) if (pattern.test(type)) return entity;
  if (context !== null) for (const [pattern, entity] of BY_CONTEXT) if (pattern.test(context)) return entity;
  return byShape(value);
}

const GROUP_MEMBERS_URL = /groups(?:\/|\(')(?<id>[0-9a-f-]{36})(?:'\))?\/(?:transitiveMembers|members)/i;

/** The group a members page belongs to: a `groupId` member beside `value`, or the group in @odata.context / @odata.nextLink. */
export function groupOfPage(meta: Record<string, unknown>): string | null {
  const explicit = text(meta['groupId']);
  if (explicit !== null) return explicit;
  for (const key of ['@odata.context', '@odata.nextLink']) {
    const url = text(meta[key]);
    const id = url === null ? undefined : GROUP_MEMBERS_URL.exec(decodeURIComponent(url))?.groups?.['id'];
    if (id) return id;
  }
  return null;
}
