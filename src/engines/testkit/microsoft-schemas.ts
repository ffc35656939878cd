import { z } from 'zod';
import { SOURCES } from '../../catalog/sources.js';

/**
 * What the test kit writes, checked against the shapes Microsoft documents: the Graph conditionalAccessPolicy a POST
 * to /identity/conditionalAccess/policies takes, and an ARM Microsoft.Authorization/policyAssignments resource. Strict
 * where the kit writes (a misspelt property is an error, as Graph and ARM would reject or ignore it); only the
 * properties the kit uses are modelled.
 */

const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/u);

/** conditionalAccessUsers: ids, or the keywords All / None / GuestsOrExternalUsers (SOURCES.caPolicy). */
const caUsers = z.strictObject({
  includeUsers: z.array(z.union([guid, z.enum(['All', 'None', 'GuestsOrExternalUsers'])])).min(1),
  excludeUsers: z.array(guid),
  includeGroups: z.array(guid),
  excludeGroups: z.array(guid),
  includeRoles: z.array(guid),
  excludeRoles: z.array(guid),
});

export const graphConditionalAccessPolicySchema = z.strictObject({
  displayName: z.string().min(1).max(256),
  state: z.enum(['enabled', 'disabled', 'enabledForReportingButNotEnforced']),
  conditions: z.strictObject({
    users: caUsers,
    applications: z.strictObject({
      includeApplications: z.array(z.union([guid, z.enum(['All', 'None', 'Office365', 'MicrosoftAdminPortals'])])).min(1),
      excludeApplications: z.array(guid),
      includeUserActions: z.array(z.string()),
    }),
    clientAppTypes: z.array(z.enum(['all', 'browser', 'mobileAppsAndDesktopClients', 'exchangeActiveSync', 'easSupported', 'other'])).min(1),
  }),
  grantControls: z.strictObject({
    operator: z.enum(['AND', 'OR']),
    builtInControls: z.array(z.enum(['block', 'mfa', 'compliantDevice', 'domainJoinedDevice', 'approvedApplication', 'compliantApplication', 'passwordChange'])).min(1),
  }),
});

export const GRAPH_CA_POLICY_SOURCE = SOURCES.caPolicy;

/** An ARM template resource / REST body for a policy assignment (SOURCES.policyAssignmentTemplate). */
export const armPolicyAssignmentSchema = z.strictObject({
  type: z.literal('Microsoft.Authorization/policyAssignments'),
  apiVersion: z.string().regex(/^\d{4}-\d{2}-\d{2}(?:-preview)?$/u),
  // Assignment names: at most 64 characters, none of <>*%&:\?.+/ nor a trailing space.
  name: z.string().min(1).max(64).regex(/^[^<>*%&:\\?.+/]*[^<>*%&:\\?.+/ ]$/u),
  properties: z.strictObject({
    displayName: z.string().min(1).max(128),
    description: z.string().max(512),
    policyDefinitionId: z.string().regex(/^\/providers\/Microsoft\.Authorization\/policyDefinitions\/[0-9a-f-]{36}$/u),
    enforcementMode: z.enum(['Default', 'DoNotEnforce']),
    parameters: z.record(z.string(), z.strictObject({ value: z.unknown() })),
    nonComplianceMessages: z.array(z.strictObject({ message: z.string().min(1) })),
  }),
});

export const ARM_POLICY_ASSIGNMENT_SOURCE = SOURCES.policyAssignmentTemplate;
