import { z } from 'zod';
import { APPLICATIONS, CONDITIONAL_ACCESS_POLICIES, CREDENTIALS, GROUP_MEMBERS, IDENTITIES, NAMED_LOCATIONS, REGISTRATION_DETAILS, ROLE_ASSIGNMENTS } from '../../../store/columns.js';
import type { RowValues } from '../../../store/write-rows.js';
import type { TableSpec } from '../../../store/columns.js';
import { directoryRoleName } from '../../../catalog/directory-roles.js';
import { accepted, firstIssue, idField, rejected, type Outcome } from '../framework/outcome.js';
import { bool, isRecord, lower, strings, text, utc } from '../framework/values.js';
import { managerIdOf, ownerRows } from './directory-relations.js';

/**
 * Graph directory objects → store rows. Lenient where Graph is: unknown fields pass, missing ones are null;
 * only what keys a record (its id, and for joins the ids it points at) is required.
 */

const withId = z.looseObject({ id: idField });

function parse<T extends z.ZodType>(schema: T, value: unknown): { ok: true; data: z.infer<T> } | { ok: false; reason: string } {
  const result = schema.safeParse(value);
  return result.success ? { ok: true, data: result.data } : { ok: false, reason: firstIssue(result.error) };
}

export function normaliseUser(value: unknown, raw: string): Outcome {
  const parsed = parse(withId, value);
  if (!parsed.ok) return rejected(parsed.reason);
  const user = parsed.data;
  const activity = isRecord(user['signInActivity']) ? user['signInActivity'] : {};
  const policies = text(user['passwordPolicies']);
  const licenses = user['assignedLicenses'];
  return accepted({
    kind: 'directory',
    table: IDENTITIES,
    row: {
      id: user.id.toLowerCase(),
      kind: 'user',
      upn: lower(user['userPrincipalName']),
      display_name: text(user['displayName']),
      user_type: lower(user['userType']),
      account_enabled: bool(user['accountEnabled']),
      created_at: utc(user['createdDateTime']),
      // passwordPolicies comes back only with $select; absent means unknown, not "expires".
      password_never_expires: 'passwordPolicies' in user ? (policies ?? '').includes('DisablePasswordExpiration') : null,
      on_premises_sync_enabled: bool(user['onPremisesSyncEnabled']),
      license_count: Array.isArray(licenses) ? licenses.length : null,
      app_id: null,
      service_principal_type: null,
      app_owner_tenant_id: null,
      last_sign_in: utc(activity['lastSignInDateTime']),
      last_non_interactive_sign_in: utc(activity['lastNonInteractiveSignInDateTime']),
      last_successful_sign_in: utc(activity['lastSuccessfulSignInDateTime']),
      tags: [],
      raw,
      job_title: text(user['jobTitle']),
      department: text(user['department']),
      // $expand=manager gives an object, a provisioning export a manager@odata.bind URL, a flattened export a bare id.
      manager_id: managerIdOf(user) ?? lower(user['managerId']),
    },
  });
}

export function normaliseRegistrationDetails(value: unknown, raw: string): Outcome {
  const parsed = parse(withId, value);
  if (!parsed.ok) return rejected(parsed.reason);
  const details = parsed.data;
  return accepted({
    kind: 'directory',
    table: REGISTRATION_DETAILS,
    row: {
      user_id: details.id.toLowerCase(),
      upn: lower(details['userPrincipalName']),
      is_admin: bool(details['isAdmin']),
      is_mfa_registered: bool(details['isMfaRegistered']),
      is_mfa_capable: bool(details['isMfaCapable']),
      is_passwordless_capable: bool(details['isPasswordlessCapable']),
      methods_registered: strings(details['methodsRegistered']),
      last_updated: utc(details['lastUpdatedDateTime']),
      raw,
    },
  });
}

/** Secret material Graph may echo (a new secret's text, its hint, a certificate's key) never reaches the store. */
const SECRET_FIELDS = new Set(['secretText', 'hint', 'key']);

function credentialRaw(credential: Record<string, unknown>): string {
  const kept: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(credential)) if (!SECRET_FIELDS.has(name)) kept[name] = value;
  return JSON.stringify(kept);
}

function credentialRows(ownerId: string, ownerKind: 'servicePrincipal' | 'application', appId: string | null, object: Record<string, unknown>): { table: TableSpec; row: RowValues }[] {
  const rows: { table: TableSpec; row: RowValues }[] = [];
  const lists: readonly (readonly [string, 'password' | 'certificate'])[] = [['passwordCredentials', 'password'], ['keyCredentials', 'certificate']];
  for (const [field, type] of lists) {
    const list = object[field];
    if (!Array.isArray(list)) continue;
    for (const credential of list) {
      if (!isRecord(credential)) continue;
      const keyId = lower(credential['keyId']);
      if (keyId === null) continue;
      rows.push({
        table: CREDENTIALS,
        row: {
          id: `${ownerId}:${keyId}`, owner_id: ownerId, owner_kind: ownerKind, app_id: appId, type, key_id: keyId,
          display_name: text(credential['displayName']), start_at: utc(credential['startDateTime']), end_at: utc(credential['endDateTime']),
          issuer: null, subject: null, raw: credentialRaw(credential),
        },
      });
    }
  }
  const federated = object['federatedIdentityCredentials'];
  if (Array.isArray(federated)) {
    for (const credential of federated) {
      if (!isRecord(credential)) continue;
      const key = lower(credential['id']) ?? text(credential['name']);
      if (key === null) continue;
      rows.push({
        table: CREDENTIALS,
        row: {
          id: `${ownerId}:${key}`, owner_id: ownerId, owner_kind: ownerKind, app_id: appId, type: 'federated', key_id: lower(credential['id']),
          display_name: text(credential['name']), start_at: null, end_at: null, issuer: text(credential['issuer']), subject: text(credential['subject']),
          raw: credentialRaw(credential),
        },
      });
    }
  }
  return rows;
}

export function normaliseServicePrincipal(value: unknown, raw: string): Outcome {
  const parsed = parse(withId, value);
  if (!parsed.ok) return rejected(parsed.reason);
  const sp = parsed.data;
  const id = sp.id.toLowerCase();
  const type = text(sp['servicePrincipalType']);
  const appId = lower(sp['appId']);
  return accepted({
    kind: 'directory',
    table: IDENTITIES,
    row: {
      id,
      kind: type === 'ManagedIdentity' ? 'managedIdentity' : 'servicePrincipal',
      upn: null,
      display_name: text(sp['displayName']),
      user_type: null,
      account_enabled: bool(sp['accountEnabled']),
      created_at: utc(sp['createdDateTime']),
      password_never_expires: null,
      on_premises_sync_enabled: null,
      license_count: null,
      app_id: appId,
      service_principal_type: type,
      app_owner_tenant_id: lower(sp['appOwnerOrganizationId']),
      last_sign_in: null,
      last_non_interactive_sign_in: null,
      last_successful_sign_in: null,
      tags: strings(sp['tags']),
      raw,
    },
    derived: [...credentialRows(id, 'servicePrincipal', appId, sp), ...ownerRows(id, type === 'ManagedIdentity' ? 'managedIdentity' : 'servicePrincipal', sp)],
  });
}

export function normaliseApplication(value: unknown, raw: string): Outcome {
  const parsed = parse(withId, value);
  if (!parsed.ok) return rejected(parsed.reason);
  const app = parsed.data;
  const id = app.id.toLowerCase();
  const appId = lower(app['appId']);
  return accepted({
    kind: 'directory',
    table: APPLICATIONS,
    row: { id, app_id: appId, display_name: text(app['displayName']), sign_in_audience: text(app['signInAudience']), raw },
    derived: [...credentialRows(id, 'application', appId, app), ...ownerRows(id, 'application', app)],
  });
}

const policySchema = z.looseObject({ id: idField, state: z.string().trim().min(1, 'missing state') });

export function normaliseConditionalAccessPolicy(value: unknown, raw: string): Outcome {
  const parsed = parse(policySchema, value);
  if (!parsed.ok) return rejected(parsed.reason);
  const policy = parsed.data;
  return accepted({
    kind: 'directory',
    table: CONDITIONAL_ACCESS_POLICIES,
    row: { id: policy.id.toLowerCase(), display_name: text(policy['displayName']), state: policy.state, raw },
  });
}

export function normaliseNamedLocation(value: unknown, raw: string): Outcome {
  const parsed = parse(withId, value);
  if (!parsed.ok) return rejected(parsed.reason);
  return accepted({ kind: 'directory', table: NAMED_LOCATIONS, row: { id: parsed.data.id.toLowerCase(), display_name: text(parsed.data['displayName']), raw } });
}

const roleAssignmentSchema = z.looseObject({
  id: idField,
  principalId: z.string().trim().min(1, 'missing principalId'),
  roleDefinitionId: z.string().trim().min(1, 'missing roleDefinitionId'),
});

export function normaliseDirectoryRoleAssignment(value: unknown, raw: string): Outcome {
  const parsed = parse(roleAssignmentSchema, value);
  if (!parsed.ok) return rejected(parsed.reason);
  const assignment = parsed.data;
  const roleDefinitionId = assignment.roleDefinitionId.toLowerCase();
  return accepted({
    kind: 'directory',
    table: ROLE_ASSIGNMENTS,
    row: {
      // Directory assignment IDs are opaque and case-sensitive (not GUIDs): kept as they are.
      id: assignment.id,
      principal_id: assignment.principalId.toLowerCase(),
      role_definition_id: roleDefinitionId,
      role_name: directoryRoleName(roleDefinitionId),
      scope: text(assignment['directoryScopeId']) ?? '/',
      source: 'directory',
      raw,
    },
  });
}

/** A member of a group (from /groups/{id}/transitiveMembers): directory objects tagged with @odata.type. */
export function normaliseGroupMember(groupId: string, value: unknown): Outcome {
  const parsed = parse(withId, value);
  if (!parsed.ok) return rejected(parsed.reason);
  const type = text(parsed.data['@odata.type']);
  return accepted({
    kind: 'directory',
    table: GROUP_MEMBERS,
    row: { group_id: groupId.toLowerCase(), member_id: parsed.data.id.toLowerCase(), member_type: type ? type.replace(/^#microsoft\.graph\./, '') : null },
  });
}
