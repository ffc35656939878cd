import type { AnalysisResult, IdentityAnalysis } from '../src/model/analysis.js';
import type { ScanFinding } from '../src/model/scan-finding.js';
import type { ReportInput } from '../src/report/report-input.js';

/** Display names a tenant can hold that must stay text in every report format. */
export const HOSTILE_NAMES = {
  img: '<img src=x onerror=alert(1)>',
  script: '</script><script>alert(1)</script>',
  formula: '=HYPERLINK("http://x")',
  escape: '\u001b[31mred',
  quoted: '"quoted, comma"',
} as const;

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

export function fixtureReportInput(): ReportInput {
  return {
    analysis: fixtureAnalysis(),
    scanFindings: fixtureScanFindings(),
    imports: [
      { file: 'exports/signins.jsonl', format: 'diagnostic-jsonl', read: 1200, stored: 1180, duplicates: 15, quarantined: 5 },
      { file: 'exports/users.json', format: 'graph-json', read: 13, stored: 13, duplicates: 0, quarantined: 0 },
    ],
    generatedAt: '2026-11-21T08:00:00Z',
  };
}
