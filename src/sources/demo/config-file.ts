/**
 * The unattended.yaml the demo writes beside its data: the tenant's enforcement dates and break-glass accounts, and the
 * governance a team would have started: owners for some identities, an exception that expires a week after the demo's
 * last day (2026-11-20), one that holds, and two retirements. The other service accounts have no owner yet, so the
 * demo's `unattended check` fails, as a tenant's first one would.
 */
import type { DemoDirectory, DemoUser } from './directory.js';
import { requireUser } from './directory.js';

function admin(directory: DemoDirectory, index: number): DemoUser {
  const found = directory.users.filter((user) => user.scenario === 'admin-mfa')[index];
  if (!found) throw new Error(`demo directory has no admin ${index}`);
  return found;
}

export function demoConfigYaml(directory: DemoDirectory, enforcement: { phase1: string; phase2: string }): string {
  const breakGlass = directory.users.filter((user) => user.scenario === 'break-glass-fido2' || user.scenario === 'break-glass-password').map((user) => JSON.stringify(user.upn));
  const q = JSON.stringify;
  const backup = requireUser(directory, 'svc-backup').upn;
  const vmCli = requireUser(directory, 'svc-vm-cli').upn;
  const terraform = requireUser(directory, 'svc-terraform').upn;
  const stale = requireUser(directory, 'svc-stale').upn;
  const migrated = requireUser(directory, 'svc-migrated').upn;
  const storageLead = admin(directory, 3).upn;
  const computeLead = admin(directory, 0).upn;
  return [
    '# Written by `unattended demo`: the demo tenant\'s enforcement dates and break-glass accounts, and its governance so far.',
    `tenant: { id: ${q(directory.tenantId)} }`,
    `enforcement: { phase1: ${q(enforcement.phase1)}, phase2: ${q(enforcement.phase2)} }`,
    `breakGlass: [ ${breakGlass.join(', ')} ]`,
    'gate: { maxExceptionDays: 90, expiringWithinDays: 14 }',
    'owners:',
    `  - upn: ${q(backup)}`,
    `    owner: { team: Storage, process: Nightly VM snapshots, contacts: [${q('storage-oncall@' + directory.domain)}], approvers: [${q(storageLead)}] }`,
    `  - upn: ${q(vmCli)}`,
    `    owner: { team: Compute, process: Hourly VM maintenance, approvers: [${q(computeLead)}] }`,
    `  - upn: ${q(terraform)}`,
    '    owner: { team: Platform engineering, process: Infrastructure deployments }',
    '  - pattern: "github-*"',
    '    owner: { team: Developer experience, process: Deployments from GitHub Actions }',
    'exceptions:',
    `  - identity: ${q(backup)}`,
    '    reason: The backup agent signs in as a user until version 4.2 brings certificate login.',
    `    approver: ${q(storageLead)}`,
    '    created: 2026-09-01',
    '    expires: 2026-11-27',
    '    untilMigrationOf: backup agent 4.2 (certificate login)',
    `  - identity: ${q(vmCli)}`,
    '    reason: Moves to the VM\'s managed identity in the December maintenance window.',
    `    approver: ${q(computeLead)}`,
    '    created: 2026-10-15',
    '    expires: 2027-01-10',
    'retirements:',
    `  - identity: ${q(stale)}`,
    `    decidedBy: ${q(computeLead)}`,
    '    date: 2026-11-01',
    `  - identity: ${q(migrated)}`,
    `    decidedBy: ${q(computeLead)}`,
    '    date: 2026-11-15',
    '',
  ].join('\n');
}
