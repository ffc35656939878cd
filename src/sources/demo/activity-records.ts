/**
 * Azure Activity-log records as the diagnostic setting writes them to `insights-activity-logs`: a Start and
 * a Success (or Failure) event per write with the caller's token claims, plus the Policy-category event an
 * MFA policy assignment adds (Audit: `policies/audit/action`; Deny: `policies/deny/action` and the write
 * failing with RequestDisallowedByPolicy). Reads never appear here, as in Azure.
 */
import { MFA_POLICY_DEFINITIONS, POLICY_DENY_STATUS } from '../../catalog/enforcement.js';
import type { DemoDirectory, Subscription } from './directory.js';
import type { Rng } from './prng.js';
import { envelopeTimestamp } from './timeline.js';

export type OperationVerb = 'write' | 'delete' | 'action';

export interface Caller {
  kind: 'user' | 'app';
  objectId: string;
  appId: string;
  /** '0' public client, '1' secret, '2' certificate or managed identity. */
  appidacr: '0' | '1' | '2';
  upn: string | null;
  name: string | null;
  givenName: string | null;
  surname: string | null;
  /** The authnmethodsreferences claim ('pwd' or 'pwd,mfa'); null for app-only tokens. */
  amr: string | null;
  ip: string;
  /** Managed identities carry the resource they belong to. */
  managedIdentityResourceId: string | null;
}

export interface OperationEvent {
  at: number;
  subscription: Subscription;
  resourceGroup: string;
  /** e.g. 'Microsoft.Compute/virtualMachines' */
  resourceType: string;
  resourceName: string;
  verb: OperationVerb;
  /** For 'action': the action's name, e.g. 'restart'. */
  action?: string;
  /** For 'write': 201 Created (true) or 200 OK (false). */
  created?: boolean;
  caller: Caller;
}

const CREATE_UPDATE_POLICY = MFA_POLICY_DEFINITIONS.find((entry) => entry.covers === 'create-update');
if (!CREATE_UPDATE_POLICY) throw new Error('catalog has no create-update MFA policy definition');
const POLICY_DEFINITION_ID = `/providers/Microsoft.Authorization/policyDefinitions/${CREATE_UPDATE_POLICY.id}`;

export interface OperationLines {
  /** One JSON line per record. */
  lines: string[];
  /** Whether the write was refused by the MFA policy. */
  denied: boolean;
  /** The newest record's time (seven fraction digits, `Z`). */
  newest: string;
}

function epochSeconds(ms: number): string {
  return String(Math.floor(ms / 1000));
}

function claims(directory: DemoDirectory, caller: Caller, at: number, rng: Rng): Record<string, string> {
  const issued = at - rng.between(60_000, 3_000_000);
  const common: Record<string, string> = {
    aud: 'https://management.core.windows.net/',
    iss: `https://sts.windows.net/${directory.tenantId}/`,
    iat: epochSeconds(issued),
    nbf: epochSeconds(issued),
    exp: epochSeconds(issued + 4_500_000),
  };
  if (caller.kind === 'app') {
    const appClaims: Record<string, string> = {
      ...common,
      aio: rng.base64url(60),
      appid: caller.appId,
      appidacr: caller.appidacr,
      idp: `https://sts.windows.net/${directory.tenantId}/`,
      idtyp: 'app',
      'http://schemas.microsoft.com/identity/claims/objectidentifier': caller.objectId,
      rh: `1.${rng.base64url(40)}.`,
      sub: caller.objectId,
      'http://schemas.microsoft.com/identity/claims/tenantid': directory.tenantId,
      uti: rng.base64url(22),
      ver: '1.0',
    };
    if (caller.managedIdentityResourceId) appClaims['xms_mirid'] = caller.managedIdentityResourceId;
    return appClaims;
  }
  const person: Record<string, string> = {};
  if (caller.surname !== null) person['http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname'] = caller.surname;
  if (caller.givenName !== null) person['http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname'] = caller.givenName;
  return {
    ...common,
    'http://schemas.microsoft.com/claims/authnclassreference': '1',
    aio: rng.base64url(60),
    'http://schemas.microsoft.com/claims/authnmethodsreferences': caller.amr ?? 'pwd',
    appid: caller.appId,
    appidacr: caller.appidacr,
    ...person,
    ipaddr: caller.ip,
    name: caller.name ?? '',
    'http://schemas.microsoft.com/identity/claims/objectidentifier': caller.objectId,
    puid: rng.hex(16).toUpperCase(),
    rh: `1.${rng.base64url(40)}.`,
    'http://schemas.microsoft.com/identity/claims/scope': 'user_impersonation',
    'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier': rng.base64url(43),
    'http://schemas.microsoft.com/identity/claims/tenantid': directory.tenantId,
    'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name': caller.upn ?? '',
    'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn': caller.upn ?? '',
    uti: rng.base64url(22),
    ver: '1.0',
  };
}

function actionOf(event: OperationEvent): string {
  if (event.verb === 'action') return `${event.resourceType}/${event.action ?? 'action'}/action`;
  return `${event.resourceType}/${event.verb}`;
}

/** A child resource's ID interleaves its types and names (sites/app/config/web), as ARM writes it. */
function resourcePath(event: OperationEvent): string {
  const [namespace, ...types] = event.resourceType.split('/');
  const names = event.resourceName.split('/');
  const path = types.map((type, index) => `${type}/${names[index] ?? ''}`).join('/');
  return `/subscriptions/${event.subscription.id}/resourceGroups/${event.resourceGroup}/providers/${namespace ?? ''}/${path}`;
}

function policyEntries(event: OperationEvent, effect: 'Audit' | 'Deny'): string {
  const assignment = event.subscription.policyAssignmentId ?? '';
  return JSON.stringify([
    {
      policyDefinitionId: POLICY_DEFINITION_ID,
      policySetDefinitionId: '',
      policyDefinitionReferenceId: '',
      policySetDefinitionName: '',
      policyDefinitionName: CREATE_UPDATE_POLICY?.id ?? '',
      policyDefinitionEffect: effect,
      policyAssignmentId: assignment,
      policyAssignmentName: assignment.split('/').pop() ?? '',
      policyAssignmentDisplayName: 'Require MFA for resource writes',
      policyAssignmentScope: `/subscriptions/${event.subscription.id}`,
      policyAssignmentParameters: {},
    },
  ]);
}

/** The records one ARM operation leaves in the Activity log. */
export function operationLines(directory: DemoDirectory, event: OperationEvent, rng: Rng): OperationLines {
  const path = resourcePath(event);
  const action = actionOf(event);
  const correlationId = rng.uuid();
  const hierarchy = `${directory.tenantId}/${directory.managementGroup}/${event.subscription.id}`;
  const identity = {
    authorization: {
      scope: path,
      action,
      evidence: {
        role: event.caller.kind === 'user' ? 'Contributor' : 'Website Contributor',
        roleAssignmentScope: `/subscriptions/${event.subscription.id}`,
        roleAssignmentId: rng.hex(32),
        roleDefinitionId: event.caller.kind === 'user' ? 'b24988ac618042a0ab8820f7382dd24c' : 'de139f84161941e19f5ab1d5b6e08cb0',
        principalId: event.caller.objectId.replace(/-/gu, ''),
        principalType: event.caller.kind === 'user' ? 'User' : 'ServicePrincipal',
      },
    },
    claims: claims(directory, event.caller, event.at, rng),
  };
  const userWithoutMfa = event.caller.kind === 'user' && !(event.caller.amr ?? '').split(',').includes('mfa');
  const policyApplies = event.verb === 'write' && userWithoutMfa ? event.subscription.mfaPolicy : null;
  const denied = policyApplies === 'Deny';
  const upper = path.toUpperCase();
  const operationName = action.toUpperCase();

  let newest = '';
  function record(at: number, name: string, category: 'Administrative' | 'Policy', resultType: string, resultSignature: string, level: string, properties: Record<string, unknown>): string {
    const time = envelopeTimestamp(at, rng.int(10_000));
    if (time > newest) newest = time;
    return JSON.stringify({
      time,
      resourceId: upper,
      operationName: name,
      category,
      resultType,
      resultSignature,
      durationMs: category === 'Policy' ? '0' : String(rng.between(100, 30_000)),
      callerIpAddress: event.caller.ip,
      correlationId,
      identity,
      level,
      location: 'global',
      properties,
    });
  }

  const common = { eventCategory: 'Administrative', entity: path, message: action, hierarchy };
  const lines = [record(event.at, operationName, 'Administrative', 'Start', 'Started.', 'Information', common)];
  const later = event.at + rng.between(200, 40_000);
  if (policyApplies) {
    const policyName = denied ? 'MICROSOFT.AUTHORIZATION/POLICIES/DENY/ACTION' : 'MICROSOFT.AUTHORIZATION/POLICIES/AUDIT/ACTION';
    lines.push(
      record(event.at + rng.between(5, 80), policyName, 'Policy', denied ? 'Failure' : 'Success', denied ? 'Failed.' : 'Succeeded.', denied ? 'Error' : 'Warning', {
        isComplianceCheck: 'False',
        resourceLocation: 'uksouth',
        ancestors: directory.managementGroup,
        policies: policyEntries(event, denied ? 'Deny' : 'Audit'),
        eventCategory: 'Policy',
        entity: path,
        message: denied ? 'Microsoft.Authorization/policies/deny/action' : 'Microsoft.Authorization/policies/audit/action',
        hierarchy,
      }),
    );
  }
  if (denied) {
    const statusMessage = JSON.stringify({
      error: {
        code: POLICY_DENY_STATUS,
        target: event.resourceName,
        message: `Resource '${event.resourceName}' was disallowed by policy. Policy identifiers: '[{"policyAssignment":{"name":"Require MFA for resource writes","id":"${event.subscription.policyAssignmentId ?? ''}"},"policyDefinition":{"name":"${CREATE_UPDATE_POLICY?.name ?? ''}","id":"${POLICY_DEFINITION_ID}"}}]'.`,
        additionalInfo: [
          {
            type: 'PolicyViolation',
            info: {
              policyDefinitionDisplayName: CREATE_UPDATE_POLICY?.name ?? '',
              policyDefinitionId: POLICY_DEFINITION_ID,
              policyDefinitionName: CREATE_UPDATE_POLICY?.id ?? '',
              policyDefinitionEffect: 'Deny',
              policyAssignmentId: event.subscription.policyAssignmentId ?? '',
              policyAssignmentScope: `/subscriptions/${event.subscription.id}`,
            },
          },
        ],
      },
    });
    lines.push(record(later, operationName, 'Administrative', 'Failure', 'Failed.Forbidden', 'Error', { statusCode: 'Forbidden', serviceRequestId: null, statusMessage, ...common }));
    return { lines, denied, newest };
  }
  const statusCode = event.verb === 'write' && event.created ? 'Created' : 'OK';
  lines.push(record(later, operationName, 'Administrative', 'Success', `Succeeded.${statusCode}`, 'Information', { statusCode, serviceRequestId: rng.uuid(), ...common }));
  return { lines, denied, newest };
}

/** The blob folder of a subscription's Activity log (the resource ID is upper-cased, as Azure writes it). */
export function activityLogFolder(subscriptionId: string): string {
  return `insights-activity-logs/resourceId=/SUBSCRIPTIONS/${subscriptionId.toUpperCase()}`;
}
