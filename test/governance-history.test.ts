import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runCli } from './helpers/cli-process.js';
import { CASES } from './scenarios/cases.js';
import { TenantFixture } from './scenarios/tenant-fixture.js';

/**
 * Governance over time, through the real CLI on a real-format tenant: the gate fails on the first policy, passes once a
 * pull request adds an owner and an approver, and diff between the two snapshots shows exactly that change.
 */
const work = mkdtempSync(join(tmpdir(), 'unattended-history-'));
const db = join(work, 'tenant.duckdb');
const policy = join(work, 'unattended.yaml');
const repo = join(work, 'automation');

const CASE_NAMES = ['a service account doing a CLI password sign-in from an Azure VM', 'a nightly PowerShell runbook from on-premises', 'a stale account', 'a human admin with MFA'];

const POLICY_V1 = `enforcement: { phase1: 2025-03-15, phase2: 2026-12-15 }
owners:
  - upn: svc-vm-cli@contoso.com
    owner:
      team: Compute
      process: VM rotation
      approvers: [compute-lead@contoso.com]
exceptions:
  - identity: svc-vm-cli@contoso.com
    reason: moves to a managed identity in the December sprint
    created: 2026-11-01
    expires: 2026-12-31
    untilMigrationOf: vm-rotation-mi
retirements:
  - identity: svc-stale@contoso.com
    decidedBy: it-ops@contoso.com
    date: 2026-10-01
`;

/** The pull request: the runbook account gets an owner, the exception its approver. */
const POLICY_V2 = POLICY_V1.replace(
  'exceptions:\n',
  '  - upn: automation-runbook@contoso.com\n    owner: { team: Operations, process: Nightly maintenance }\nexceptions:\n',
).replace('    created: 2026-11-01\n', '    approver: compute-lead@contoso.com\n    created: 2026-11-01\n');

beforeAll(async () => {
  const tenant = new TenantFixture();
  for (const name of CASE_NAMES) {
    const scenario = CASES.find((entry) => entry.name === name);
    if (!scenario) throw new Error(`no scenario case "${name}"`);
    scenario.build(tenant);
  }
  tenant.write(join(work, 'exports'));
  mkdirSync(join(repo, 'jobs'), { recursive: true });
  writeFileSync(join(repo, 'jobs', 'rotate-vms.sh'), '#!/bin/bash\naz login -u svc-vm-cli@contoso.com -p "$VM_PASSWORD"\naz vm list\n');
  const imported = await runCli(['import', join(work, 'exports'), '--db', db]);
  expect(imported.status).toBe(0);
  const scanned = await runCli(['scan', repo, '--db', db]);
  expect(scanned.status).toBe(0);
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

const diffSchema = z.looseObject({
  from: z.looseObject({ id: z.number() }),
  to: z.looseObject({ id: z.number() }),
  policyChanged: z.boolean(),
  newServiceAccounts: z.array(z.unknown()),
  newBreakingAutomation: z.array(z.unknown()),
  removedBreakingAutomation: z.array(z.unknown()),
  verdictChanges: z.array(z.unknown()),
  ownerChanges: z.array(z.unknown()),
  exceptionChanges: z.array(z.unknown()),
  retirementChanges: z.array(z.unknown()),
  stageChanges: z.array(z.unknown()),
  missingOwners: z.array(z.unknown()),
  retiredStillActive: z.array(z.unknown()),
});

describe('governance history: gate fails, the YAML changes, gate passes, diff shows the change', () => {
  it('fails on the first policy with the exact list, and exits 1', async () => {
    writeFileSync(policy, POLICY_V1);
    const run = await runCli(['check', '--db', db, '--policy', policy], { cwd: work });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(
      [
        'unattended check: FAILED, 2 problems',
        '  policy unattended.yaml; 5 identities as of 2026-11-20T23:05:00.000Z; no baseline',
        '',
        '  identity-without-owner (1)',
        '    unattended.yaml:2  automation-runbook@contoso.com (service-account, breaks 2026-12-15) has no owner',
        '  exception-without-approver (1)',
        '    unattended.yaml:9  the exception for svc-vm-cli@contoso.com has no approver',
        '',
      ].join('\n'),
    );
  });

  it('passes once the pull request adds the owner and the approver, and exits 0', async () => {
    writeFileSync(policy, POLICY_V2);
    const run = await runCli(['check', '--db', db, '--policy', policy], { cwd: work });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    expect(run.stdout).toBe('unattended check: passed\n  policy unattended.yaml; 5 identities as of 2026-11-20T23:05:00.000Z; no baseline\n');
  });

  it('diff between the two snapshots shows exactly the owner and the approver', async () => {
    const listed = await runCli(['diff', '--db', db, '--list']);
    expect(listed.stdout.split('\n').filter(Boolean).map((line) => line.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z {2}check/u, 'TIME  check'))).toEqual([
      '   1  TIME  check    as of 2026-11-20T23:05:00.000Z  gate: 2 problems',
      '   2  TIME  check    as of 2026-11-20T23:05:00.000Z  gate: passed',
    ]);
    const json = await runCli(['diff', '--db', db, '--since', '1', '--to', '2', '--format', 'json']);
    expect(json.status).toBe(0);
    const diff = diffSchema.parse(JSON.parse(json.stdout));
    expect([diff.from.id, diff.to.id, diff.policyChanged]).toEqual([1, 2, true]);
    expect(diff.ownerChanges).toEqual([{ subject: 'automation-runbook@contoso.com', kind: 'identity', before: null, after: 'Operations', rule: 'upn:automation-runbook@contoso.com' }]);
    expect(diff.exceptionChanges).toEqual([
      {
        change: 'changed', subject: 'svc-vm-cli@contoso.com', fields: ['approver'],
        before: { identity: 'svc-vm-cli@contoso.com', reason: 'moves to a managed identity in the December sprint', created: '2026-11-01', expires: '2026-12-31', untilMigrationOf: 'vm-rotation-mi' },
        after: { identity: 'svc-vm-cli@contoso.com', reason: 'moves to a managed identity in the December sprint', approver: 'compute-lead@contoso.com', created: '2026-11-01', expires: '2026-12-31', untilMigrationOf: 'vm-rotation-mi' },
      },
    ]);
    // Nothing else moved: same data, same verdicts, same code.
    expect([diff.newServiceAccounts, diff.newBreakingAutomation, diff.removedBreakingAutomation, diff.verdictChanges, diff.retirementChanges, diff.stageChanges, diff.missingOwners, diff.retiredStillActive]).toEqual([[], [], [], [], [], [], [], []]);
    const table = await runCli(['diff', '--db', db]);
    expect(table.stdout.split('\n').slice(1)).toEqual([
      '',
      'owner changes (1)',
      '  automation-runbook@contoso.com: (none) → Operations (upn:automation-runbook@contoso.com)',
      '',
      'exception changes (1)',
      '  ~ svc-vm-cli@contoso.com: approver (none) → compute-lead@contoso.com',
      '',
      'as of snapshot 2:',
      '  nothing expiring, expired, unowned or retired but active',
      '',
    ]);
  });
});
