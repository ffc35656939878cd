/**
 * Who stands behind the demo's automation, as a tenant's data shows it: the owners of some app registrations
 * (`$expand=owners`) and directory audit events of who created some accounts and who last reset a password. Managers
 * come from graph-files.ts (`$expand=manager`: the people's, and some service accounts' recorded owner). `unattended
 * init` must suggest exactly these people, each with where it came from; the accounts with none get no suggestion.
 * Derived from the directory alone (no random numbers drawn), so adding it changed nothing else the generator writes.
 */
import type { DemoDirectory, DemoUser, DemoWorkload } from './directory.js';
import { createRng } from './prng.js';
import type { ServiceAccountScenarioId } from './scenarios.js';
import { DAY_MS, graphTimestamp, WINDOW_START_MS } from './timeline.js';

/** Which administrator (by their order among admin-mfa users) created which account, or last reset its password. */
const CREATORS: ReadonlyMap<string, number> = new Map<ServiceAccountScenarioId, number>([
  ['svc-runbook', 2], ['svc-terraform', 0], ['svc-deploy-legacy', 2], ['svc-graph-reports', 3], ['svc-ado-agent', 1],
]);
const PASSWORD_RESETS: ReadonlyMap<string, { admin: number; day: number }> = new Map<ServiceAccountScenarioId, { admin: number; day: number }>([
  ['svc-backup', { admin: 4, day: 3 }], ['svc-inventory', { admin: 1, day: 12 }],
]);
/** App registrations (by display name) and the administrator Graph lists as their owner. */
const APP_OWNERS: ReadonlyMap<string, number> = new Map([
  ['app-payroll-connector', 0], ['app-servicenow-sync', 1], ['app-backup-vendor', 3], ['github-deploy-webshop', 2], ['Contoso Billing Sync', 5],
]);

export interface DemoAuditEvent {
  activity: 'Add user' | 'Reset user password';
  at: number;
  by: DemoUser;
  target: DemoUser;
}

export interface DemoOwnership {
  /** Workload id → the owner of its app registration. */
  appOwners: Map<string, DemoUser>;
  audit: DemoAuditEvent[];
}

function admins(directory: DemoDirectory): DemoUser[] {
  const found = directory.users.filter((user) => user.scenario === 'admin-mfa');
  if (found.length < 6) throw new Error('the demo ownership needs six admin-mfa users');
  return found;
}

function pick(people: readonly DemoUser[], index: number): DemoUser {
  const person = people[index];
  if (!person) throw new Error(`no admin ${index}`);
  return person;
}

export function demoOwnership(directory: DemoDirectory): DemoOwnership {
  const people = admins(directory);
  const audit: DemoAuditEvent[] = [];
  for (const user of directory.users) {
    const creator = CREATORS.get(user.scenario);
    if (creator !== undefined) audit.push({ activity: 'Add user', at: user.createdAt, by: pick(people, creator), target: user });
    const reset = PASSWORD_RESETS.get(user.scenario);
    if (reset !== undefined) audit.push({ activity: 'Reset user password', at: WINDOW_START_MS + reset.day * DAY_MS + 9 * 3_600_000, by: pick(people, reset.admin), target: user });
  }
  const appOwners = new Map<string, DemoUser>();
  for (const workload of directory.workloads) {
    const owner = APP_OWNERS.get(workload.displayName);
    if (owner !== undefined && workload.kind === 'servicePrincipal') appOwners.set(workload.id, pick(people, owner));
  }
  audit.sort((a, b) => a.at - b.at || (a.target.upn < b.target.upn ? -1 : 1));
  return { appOwners, audit };
}

/** An application's `owners` as `$expand=owners($select=id,displayName,userPrincipalName)` returns them. */
export function ownersOf(ownership: DemoOwnership, workload: DemoWorkload): Record<string, unknown>[] {
  const owner = ownership.appOwners.get(workload.id);
  return owner ? [{ '@odata.type': '#microsoft.graph.user', id: owner.id, displayName: owner.displayName, userPrincipalName: owner.upn }] : [];
}

/** The audit events as /auditLogs/directoryAudits returns them. */
export function directoryAuditObjects(directory: DemoDirectory, ownership: DemoOwnership): Record<string, unknown>[] {
  return ownership.audit.map((event, index) => {
    const rng = createRng(directory.seed, 'directory-audit', index);
    return {
      id: `Directory_${rng.uuid()}_${index + 1}`,
      category: 'UserManagement',
      correlationId: rng.uuid(),
      result: 'success',
      resultReason: '',
      activityDisplayName: event.activity,
      activityDateTime: graphTimestamp(event.at),
      loggedByService: 'Core Directory',
      operationType: event.activity === 'Add user' ? 'Add' : 'Update',
      initiatedBy: { user: { id: event.by.id, displayName: event.by.displayName, userPrincipalName: event.by.upn, ipAddress: '' }, app: null },
      targetResources: [{ id: event.target.id, displayName: event.target.displayName, type: 'User', userPrincipalName: event.target.upn, modifiedProperties: [] }],
      additionalDetails: [],
    };
  });
}
