/**
 * The demo tenant's cast, as data: demo-scenarios.md's table. Each scenario names how many identities it
 * makes and the class / verdict / recommendation the analysis must reach for them (the ground truth).
 * How each one behaves lives in the behaviour modules, keyed by the same id.
 */
import type { IdentityKind } from '../../model/identity.js';
import type { IdentityClass, RecommendedAction, Verdict } from '../../model/analysis.js';
import { DEMO_ENFORCEMENT } from './timeline.js';

export type HumanScenarioId =
  | 'office-worker'
  | 'portal-mfa'
  | 'portal-mfa-traveller'
  | 'admin-mfa'
  | 'admin-cli-no-mfa'
  | 'mobile-app-no-mfa'
  | 'guest-admin-home-mfa'
  | 'guest-no-scope'
  | 'break-glass-fido2'
  | 'break-glass-password'
  | 'portal-session-before-window';

export type ServiceAccountScenarioId =
  | 'svc-vm-cli'
  | 'svc-runbook'
  | 'svc-terraform'
  | 'svc-inventory'
  | 'svc-graph-reports'
  | 'svc-custom-ropc'
  | 'human-named-service'
  | 'svc-deploy-legacy'
  | 'svc-stale'
  | 'svc-migrated'
  | 'svc-backup'
  | 'svc-ado-agent'
  | 'svc-sql-reader'
  | 'svc-appservice-sdk'
  | 'entra-connect-sync'
  | 'svc-disabled';

export type WorkloadScenarioId =
  | 'sp-client-secret'
  | 'sp-certificate'
  | 'sp-federated'
  | 'sp-migration-target'
  | 'sp-public-client'
  | 'mi-system-assigned'
  | 'mi-user-assigned';

export type ScenarioId = HumanScenarioId | ServiceAccountScenarioId | WorkloadScenarioId;

export interface ScenarioDefinition<Id extends ScenarioId = ScenarioId> {
  id: Id;
  kind: IdentityKind;
  count: number;
  class: IdentityClass;
  verdict: Verdict;
  breaksOn: string | null;
  recommendation: RecommendedAction;
  summary: string;
}

const PHASE2 = DEMO_ENFORCEMENT.phase2;

function scenario<Id extends ScenarioId>(
  id: Id,
  kind: IdentityKind,
  count: number,
  verdict: Pick<ScenarioDefinition, 'class' | 'verdict' | 'breaksOn' | 'recommendation'>,
  summary: string,
): ScenarioDefinition<Id> {
  return { id, kind, count, ...verdict, summary };
}

const HUMAN_UNAFFECTED = { class: 'human', verdict: 'not-affected', breaksOn: null, recommendation: 'none' } as const;
const HUMAN_READY = { class: 'human', verdict: 'ready', breaksOn: null, recommendation: 'none' } as const;
const HUMAN_BREAKS = { class: 'human', verdict: 'breaks', breaksOn: PHASE2, recommendation: 'enroll-mfa' } as const;
const WORKLOAD = { class: 'workload-identity', verdict: 'not-affected', breaksOn: null, recommendation: 'none' } as const;

function serviceAccount(verdict: Verdict, recommendation: RecommendedAction): Pick<ScenarioDefinition, 'class' | 'verdict' | 'breaksOn' | 'recommendation'> {
  return { class: 'service-account', verdict, breaksOn: verdict === 'breaks' ? PHASE2 : null, recommendation };
}

export const HUMAN_SCENARIOS: readonly ScenarioDefinition<HumanScenarioId>[] = [
  scenario('office-worker', 'user', 200, HUMAN_UNAFFECTED, 'Member with a workday rhythm using Office apps only (no portal, no ARM).'),
  scenario('portal-mfa', 'user', 56, HUMAN_READY, 'Member using the Azure portal (and some the CLI) with MFA.'),
  scenario('portal-mfa-traveller', 'user', 4, HUMAN_READY, 'Portal user with MFA who travels abroad for some days and mistypes passwords (50126).'),
  scenario('admin-mfa', 'user', 6, HUMAN_READY, 'Administrator with a directory role; portal and CLI writes with pwd,mfa.'),
  scenario('admin-cli-no-mfa', 'user', 2, HUMAN_BREAKS, 'Azure admin on the CLI without MFA: single-factor interactive sign-ins, ARM writes with amr pwd.'),
  scenario('mobile-app-no-mfa', 'user', 1, HUMAN_BREAKS, 'Uses the Azure mobile app without MFA and writes through ARM.'),
  scenario('guest-admin-home-mfa', 'user', 2, HUMAN_READY, 'Guest administrator whose MFA comes from the home tenant (claim in the token).'),
  scenario('guest-no-scope', 'user', 10, HUMAN_UNAFFECTED, 'Guest using Teams and SharePoint only; two carry hostile display names.'),
  scenario('break-glass-fido2', 'user', 1, { class: 'break-glass', verdict: 'ready', breaksOn: null, recommendation: 'none' }, 'Break-glass Global Administrator with a FIDO2 key; one portal sign-in.'),
  scenario(
    'break-glass-password',
    'user',
    1,
    { class: 'break-glass', verdict: 'broken', breaksOn: null, recommendation: 'enroll-phishing-resistant-mfa' },
    'Break-glass Global Administrator with a password only; its portal sign-in fails with 50074.',
  ),
  scenario(
    'portal-session-before-window',
    'user',
    1,
    { class: 'human', verdict: 'at-risk', breaksOn: null, recommendation: 'none' },
    'Office worker with MFA registered whose only Azure access is portal refreshes of a session begun before the window: untraceable, never proof of breakage.',
  ),
];

export const SERVICE_ACCOUNT_SCENARIOS: readonly ScenarioDefinition<ServiceAccountScenarioId>[] = [
  scenario('svc-vm-cli', 'user', 1, serviceAccount('breaks', 'migrate-managed-identity'), 'Azure CLI password sign-in from an Azure VM every hour; ARM writes with amr pwd.'),
  scenario('svc-runbook', 'user', 1, serviceAccount('breaks', 'migrate-service-principal-certificate'), 'Nightly 02:00 PowerShell runbook on premises; ARM writes.'),
  scenario('svc-terraform', 'user', 1, serviceAccount('breaks', 'migrate-workload-federation'), 'Terraform through the CLI on GitHub-hosted runners; ARM writes on every apply.'),
  scenario('svc-inventory', 'user', 1, serviceAccount('at-risk', 'migrate-service-principal-certificate'), 'Az PowerShell ARM reads every 6 hours from on premises; no writes.'),
  scenario('svc-graph-reports', 'user', 1, serviceAccount('not-affected', 'migrate-service-principal-certificate'), 'MSAL password grant to Microsoft Graph once a day; no Azure access.'),
  scenario('svc-custom-ropc', 'user', 1, serviceAccount('breaks', 'migrate-service-principal-certificate'), 'A custom app registration does a password grant to ARM and writes.'),
  scenario('human-named-service', 'user', 1, serviceAccount('breaks', 'migrate-managed-identity'), 'A person-named account used 24x7 every 15 minutes from an Azure VM via the CLI.'),
  scenario('svc-deploy-legacy', 'user', 1, serviceAccount('broken', 'migrate-workload-federation'), 'Release pipeline already failing: 50076 sign-ins and RequestDisallowedByPolicy writes.'),
  scenario('svc-stale', 'user', 1, serviceAccount('not-affected', 'retire'), 'No sign-in in the window; last seen about 200 days ago.'),
  scenario('svc-migrated', 'user', 1, serviceAccount('not-affected', 'retire'), 'CLI writes until 10 days before the end; a service principal took over its work.'),
  scenario('svc-backup', 'user', 1, serviceAccount('breaks', 'migrate-service-principal-certificate'), 'Nightly backup job in PowerShell on premises: snapshot writes and deletes.'),
  scenario('svc-ado-agent', 'user', 1, serviceAccount('breaks', 'migrate-workload-federation'), 'Azure DevOps self-hosted agent logging in with the CLI; ARM writes.'),
  scenario('svc-sql-reader', 'user', 1, serviceAccount('at-risk', 'migrate-managed-identity'), 'Reads SQL server state through ARM every 3 hours from an Azure VM; no writes.'),
  scenario('svc-appservice-sdk', 'user', 1, serviceAccount('breaks', 'migrate-managed-identity'), 'Python SDK UsernamePasswordCredential in an App Service; ARM writes.'),
  scenario('entra-connect-sync', 'user', 1, serviceAccount('not-affected', 'none'), 'Entra Connect sync account (Directory Synchronization Accounts role).'),
  scenario('svc-disabled', 'user', 1, serviceAccount('not-affected', 'retire'), 'Hourly CLI job from an Azure VM, disabled on day 5 (audit log); its cron still tries and fails with 50057.'),
];

export const WORKLOAD_SCENARIOS: readonly ScenarioDefinition<WorkloadScenarioId>[] = [
  scenario('sp-client-secret', 'servicePrincipal', 9, WORKLOAD, 'Service principal with a client secret.'),
  scenario('sp-certificate', 'servicePrincipal', 7, WORKLOAD, 'Service principal with a certificate.'),
  scenario('sp-federated', 'servicePrincipal', 6, WORKLOAD, 'Service principal with a federated credential (GitHub Actions OIDC).'),
  scenario('sp-migration-target', 'servicePrincipal', 1, WORKLOAD, 'The service principal that took over svc-migrated’s work, from the same address.'),
  scenario('sp-public-client', 'servicePrincipal', 1, WORKLOAD, 'The custom public client app svc-custom-ropc signs in through; never signs in itself.'),
  scenario('mi-system-assigned', 'managedIdentity', 10, WORKLOAD, 'System-assigned managed identity of an Azure resource.'),
  scenario('mi-user-assigned', 'managedIdentity', 6, WORKLOAD, 'User-assigned managed identity.'),
];

export const ALL_SCENARIOS: readonly ScenarioDefinition[] = [...HUMAN_SCENARIOS, ...SERVICE_ACCOUNT_SCENARIOS, ...WORKLOAD_SCENARIOS];
