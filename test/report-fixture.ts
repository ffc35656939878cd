import type { ExceptionStatus, OwnerAssignment } from '../src/model/governance.js';
import type { AnalysisResult, IdentityAnalysis } from '../src/model/analysis.js';
import type { MigrationPlan, MigrationStage } from '../src/model/plan.js';
import type { ScanFinding } from '../src/model/scan-finding.js';
import { sortIdentities } from '../src/engines/identity-order.js';
import { reportInputOf, type ReportInput } from '../src/report/report-input.js';

/** Display names a tenant can hold that must stay text in every report format. */
export const HOSTILE_NAMES = {
  img: '<img src=x onerror=alert(1)>',
  script: '</script><script>alert(1)</script>',
  formula: '=HYPERLINK("http://x")',
  escape: '\u001b[31mred',
  quoted: '"quoted, comma"',
} as const;

/** A workload identity federation plan for a GitHub Actions account, its subject and stage as given. */
export function fixturePlan(subject: string, stage: MigrationStage = 'planned'): MigrationPlan {
  return {
    target: {
      kind: 'workload-identity-federation',
      assignment: null,
      platform: 'github-actions',
      name: 'wi-deploy',
      subjects: [{ issuer: 'https://token.actions.githubusercontent.com', subject, claimsMatchingExpression: null, from: '.github/workflows/deploy.yml:12', unresolved: [] }],
      runsOn: [],
      reasons: ['Signs in from a GitHub Actions workflow.'],
    },
    leastPrivilege: {
      custom: {
        name: 'deploy-observed',
        scopes: ['/subscriptions/0000/resourceGroups/rg-app'],
        assignableScopes: ['/subscriptions/0000'],
        actions: ['Microsoft.Web/sites/write'],
        deleteActions: [],
        readActions: ['Microsoft.Web/sites/read'],
        observed: [{ action: 'Microsoft.Web/sites/write', count: 14, resources: 2 }],
      },
      builtIn: [{ id: 'de139f84-1756-47ae-9be6-808fbbe84772', name: 'Website Contributor', covers: 1, of: 1, excess: 40, excessPermissions: [] }],
      catalogComplete: true,
      currentAssignments: [],
      remove: [],
      notes: [],
    },
    automation: [{ file: '.github/workflows/deploy.yml', line: 12, authMethod: 'user-password', change: 'use azure/login with OIDC', patch: true }],
    secrets: ['AZURE_PASSWORD'],
    stage: { stage, detail: 'Nothing created yet.', command: null },
  };
}

function identity(overrides: Partial<IdentityAnalysis> & Pick<IdentityAnalysis, 'id' | 'displayName' | 'class' | 'verdict'>): IdentityAnalysis {
  return {
    upn: null,
    kind: 'user',
    confidence: 0.9,
    evidence: [],
    breaksOn: null,
    phase: null,
    reasons: [],
    automation: [],
    recommendation: { action: 'none', why: 'No in-scope access without MFA.' },
    owner: null,
    exception: null,
    plan: null,
    retirement: null,
    ...overrides,
  };
}

/** A small tenant with every class and verdict, the demo's headline service accounts, and the hostile names. */
export function fixtureIdentities(): IdentityAnalysis[] {
  return [
    identity({
      id: '11111111-0000-0000-0000-000000000001', upn: 'svc-vm-cli@contoso.example', displayName: 'svc-vm-cli', class: 'service-account', confidence: 0.94,
      verdict: 'breaks', breaksOn: '2026-12-15', phase: 'phase2',
      evidence: [
        { signal: 'ropc-protocol', detail: '720 of 720 sign-ins used the resource-owner password grant.', weight: 0.35 },
        { signal: 'periodic-schedule', detail: 'Signs in every 60 minutes, 24×7.', weight: 0.3 },
        { signal: 'azure-asn', detail: 'All sign-ins from ASN 8075 (Microsoft Azure).', weight: 0.2 },
        { signal: 'has-licence', detail: 'Holds one licence.', weight: -0.05 },
      ],
      reasons: ['212 ARM writes without MFA (amr pwd) between 2026-10-22 and 2026-11-20, e.g. Microsoft.Compute/virtualMachines/write.'],
      automation: [{ file: 'scripts/rotate-vms.sh', line: 12, authMethod: 'user-password' }],
      recommendation: { action: 'migrate-managed-identity', why: 'Runs on an Azure VM: a system-assigned managed identity needs no secret.' },
      owner: { team: 'Platform team', process: null, contacts: [], approvers: [], matchedBy: { kind: 'upn', value: 'svc-vm-cli@contoso.example' } },
    }),
    identity({
      id: '11111111-0000-0000-0000-000000000002', upn: 'svc-deploy-legacy@contoso.example', displayName: 'svc-deploy-legacy', class: 'service-account',
      verdict: 'broken', phase: 'phase2',
      evidence: [{ signal: 'ropc-protocol', detail: 'Password grant from a pipeline agent.', weight: 0.4 }],
      reasons: ['14 sign-ins failed with 50076 since 2026-11-02.', 'RequestDisallowedByPolicy from policy 4e6c27d5 on 2026-11-03.'],
      automation: [{ file: 'pipelines/deploy.yml', line: 30, authMethod: 'user-password' }],
      recommendation: { action: 'migrate-workload-federation', why: 'Runs in Azure Pipelines: federate the service connection.' },
    }),
    identity({
      id: '11111111-0000-0000-0000-000000000003', upn: 'svc-inventory@contoso.example', displayName: 'svc-inventory', class: 'service-account',
      verdict: 'at-risk', reasons: ['ARM reads without MFA every 6 hours; no writes in the Activity log.'],
      recommendation: { action: 'migrate-service-principal-certificate', why: 'Runs on premises: a certificate credential replaces the password.' },
    }),
    identity({
      id: '11111111-0000-0000-0000-000000000004', upn: 'bg-fido2@contoso.example', displayName: 'Break glass 1', class: 'break-glass', verdict: 'ready',
      reasons: ['One portal sign-in with FIDO2.'],
    }),
    identity({
      id: '11111111-0000-0000-0000-000000000005', upn: 'bg-password@contoso.example', displayName: 'Break glass 2', class: 'break-glass', verdict: 'broken',
      phase: 'phase1', reasons: ['Portal sign-in failed with 50074 on 2026-11-12.'],
      recommendation: { action: 'enroll-phishing-resistant-mfa', why: 'Emergency access must survive enforcement: register FIDO2 keys.' },
    }),
    identity({ id: '11111111-0000-0000-0000-000000000006', upn: 'alice@contoso.example', displayName: 'Alice Admin', class: 'human', verdict: 'ready' }),
    identity({ id: '11111111-0000-0000-0000-000000000007', upn: 'guest1@contoso.example', displayName: HOSTILE_NAMES.img, class: 'human', verdict: 'not-affected' }),
    identity({ id: '11111111-0000-0000-0000-000000000008', upn: 'guest2@contoso.example', displayName: HOSTILE_NAMES.script, class: 'human', verdict: 'not-affected' }),
    identity({
      id: '11111111-0000-0000-0000-000000000009', upn: 'formula@contoso.example', displayName: HOSTILE_NAMES.formula, class: 'service-account', verdict: 'breaks',
      breaksOn: '2026-12-15', phase: 'phase2', confidence: 0.8, reasons: ['ARM writes without MFA.', 'No MFA registered.'],
      automation: [{ file: 'ops/backup.ps1', line: 4, authMethod: 'user-password' }, { file: 'ops/restore.ps1', line: 9, authMethod: 'user-password' }],
      recommendation: { action: 'migrate-service-principal-certificate', why: 'Runs on premises.' },
    }),
    identity({
      id: '11111111-0000-0000-0000-000000000010', upn: 'red@contoso.example', displayName: HOSTILE_NAMES.escape, class: 'human', verdict: 'breaks',
      breaksOn: '2026-12-15', phase: 'phase2', recommendation: { action: 'enroll-mfa', why: 'A person using the CLI without MFA.' },
    }),
    identity({ id: '11111111-0000-0000-0000-000000000011', upn: 'quoted@contoso.example', displayName: HOSTILE_NAMES.quoted, class: 'human', verdict: 'not-affected' }),
    identity({
      id: '11111111-0000-0000-0000-000000000012', displayName: 'deploy-sp', kind: 'servicePrincipal', class: 'workload-identity', verdict: 'not-affected', confidence: 1,
    }),
    identity({
      id: '11111111-0000-0000-0000-000000000013', displayName: 'vm-backup-mi', kind: 'managedIdentity', class: 'workload-identity', verdict: 'not-affected', confidence: 1,
    }),
  ];
}

export function fixtureAnalysis(identities: IdentityAnalysis[] = fixtureIdentities()): AnalysisResult {
  const byClass: Record<string, number> = {};
  const byVerdict: Record<string, number> = {};
  for (const item of identities) {
    byClass[item.class] = (byClass[item.class] ?? 0) + 1;
    byVerdict[item.verdict] = (byVerdict[item.verdict] ?? 0) + 1;
  }
  return {
    schemaVersion: 1,
    tenantId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
    asOf: '2026-11-20T23:59:59Z',
    enforcement: { phase1: '2025-03-15', phase2: '2026-12-15' },
    identities,
    summary: { byClass, byVerdict },
  };
}

export function fixtureScanFindings(): ScanFinding[] {
  return [
    {
      file: 'scripts/rotate-vms.sh', line: 12, column: 1, ecosystem: 'azure-cli', authMethod: 'user-password', mfaImpact: 'breaks',
      identity: { kind: 'upn', value: 'svc-vm-cli@contoso.example' }, rule: 'azure-cli/login-user-password',
      message: 'az login with a username and password', fix: 'Use az login --identity on the VM.',
    },
    {
      file: 'pipelines/deploy.yml', line: 30, column: 7, ecosystem: 'azure-pipelines', authMethod: 'service-connection', mfaImpact: 'safe',
      identity: { kind: 'connection', value: '<b>prod</b>' }, rule: 'azure-pipelines/service-connection',
      message: 'AzureCLI@2 with a service connection', fix: 'None needed; prefer workload identity federation.',
    },
    {
      file: 'ops/login.ps1', line: 3, column: 1, ecosystem: 'powershell', authMethod: 'ambient', mfaImpact: 'depends', identity: null,
      rule: 'powershell/connect-azaccount-ambient', message: 'Connect-AzAccount without parameters', fix: '=cmd|"/c calc"!A1',
    },
  ];
}

/**
 * The fixture as a report's input: identities in the contract's order (as every analysis hands them over), each with
 * the hour-of-week histogram given for it (none by default).
 */
export function fixtureReportInput(analysis: AnalysisResult = fixtureAnalysis(), hourOfWeek?: ReadonlyMap<string, readonly number[]>): ReportInput {
  return reportInputOf(
    { ...analysis, identities: sortIdentities(analysis.identities) },
    {
      scanFindings: fixtureScanFindings(),
      imports: [
        { file: 'exports/signins.jsonl', format: 'diagnostic-jsonl', read: 1200, stored: 1180, duplicates: 15, quarantined: 5 },
        { file: 'exports/users.json', format: 'graph-json', read: 13, stored: 13, duplicates: 0, quarantined: 0 },
      ],
      generatedAt: '2026-11-21T08:00:00Z',
      hourOfWeek,
    },
  );
}

/** Strings from the tenant and the code built to break the HTML views: each must be shown as the characters it is. */
export const HOSTILE_EXTRAS = {
  rtl: 'invoice\u202egnp.exe',
  long: `${'L'.repeat(10_236)}-end`,
  newline: 'first line\nsecond line',
  owner: '<img src=x onerror=alert(4)>',
  exception: '</script><script>alert(5)</script>',
  reason: '<svg onload=alert(6)> signed in 3 times.',
  file: '<iframe src=javascript:alert(7)>.ps1',
  policy: 'policy:<img src=x onerror=alert(8)>',
  tenant: 'contoso<script>alert(9)</script>',
  plan: '"><img src=x onerror=alert(10)>',
} as const;

/**
 * The fixture with the hostile names, plus a right-to-left override, a 10 KB name and a name with a newline, and hostile
 * text in every other field a view shows: owner, exception, plan, reasons, evidence, code paths, a what-if policy id
 * and the tenant id.
 */
/** An owner as unattended.yaml's owners give it (src/engines/govern/), for a team name. */
export function fixtureOwner(team: string): OwnerAssignment {
  return { team, process: null, contacts: [], approvers: [], matchedBy: { kind: 'pattern', value: 'svc-*' } };
}

/** An active exception of unattended.yaml, for a reason. */
export function fixtureException(reason: string): ExceptionStatus {
  return { identity: null, path: null, reason, approver: null, created: '2026-11-01', expires: '2026-12-31', untilMigrationOf: null, state: 'active', daysLeft: 41 };
}

export function hostileFixtureAnalysis(): AnalysisResult {
  const identities = fixtureIdentities().map((identity): IdentityAnalysis => {
    switch (identity.id.slice(-2)) {
      case '01':
        return { ...identity, plan: fixturePlan(HOSTILE_EXTRAS.plan) };
      case '02':
        return { ...identity, phase: HOSTILE_EXTRAS.policy, exception: fixtureException(HOSTILE_EXTRAS.exception) };
      case '09':
        return { ...identity, owner: fixtureOwner(HOSTILE_EXTRAS.owner), automation: [{ file: HOSTILE_EXTRAS.file, line: 4, authMethod: 'user-password' }], evidence: [{ signal: 'name', detail: HOSTILE_NAMES.img, weight: 0.1 }] };
      case '10':
        return { ...identity, reasons: [HOSTILE_EXTRAS.reason] };
      default:
        return identity;
    }
  });
  identities.push(
    identity({ id: '11111111-0000-0000-0000-000000000014', upn: 'rtl@contoso.example', displayName: HOSTILE_EXTRAS.rtl, class: 'human', verdict: 'not-affected' }),
    identity({ id: '11111111-0000-0000-0000-000000000015', upn: 'long@contoso.example', displayName: HOSTILE_EXTRAS.long, class: 'service-account', verdict: 'at-risk' }),
    identity({ id: '11111111-0000-0000-0000-000000000016', upn: 'newline@contoso.example', displayName: HOSTILE_EXTRAS.newline, class: 'unknown', verdict: 'ready' }),
  );
  return { ...fixtureAnalysis(identities), tenantId: HOSTILE_EXTRAS.tenant };
}
