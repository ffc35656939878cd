/**
 * The demo tenant's directory: who exists, with the attributes the Graph files carry and the few facts each
 * behaviour needs (home address, work hours, travel, the fixed address a job runs from). Built from the seed only.
 */
import { DIRECTORY_ROLES, GLOBAL_ADMINISTRATOR_ROLE_ID } from '../../catalog/directory-roles.js';
import type { AppRef } from './apps.js';
import { RESOURCE_APPS } from './apps.js';
import { GIVEN_NAMES, HOSTILE_DISPLAY_NAMES, PARTNER_DOMAINS, SURNAMES } from './names.js';
import type { NetworkBlock, Place } from './network.js';
import { NETWORKS, placeIn } from './network.js';
import { createRng } from './prng.js';
import type { Rng } from './prng.js';
import type { HumanScenarioId, ScenarioDefinition, ServiceAccountScenarioId, WorkloadScenarioId } from './scenarios.js';
import { HUMAN_SCENARIOS, SERVICE_ACCOUNT_SCENARIOS, WORKLOAD_SCENARIOS } from './scenarios.js';
import { DAY_MS, WINDOW_DAYS, WINDOW_END_MS, WINDOW_START_MS } from './timeline.js';
import type { Client } from './user-agents.js';
import { BROWSERS, OFFICE_CLIENTS } from './user-agents.js';

export interface DemoUser {
  kind: 'user';
  index: number;
  id: string;
  scenario: HumanScenarioId | ServiceAccountScenarioId;
  upn: string;
  displayName: string;
  givenName: string | null;
  surname: string | null;
  userType: 'Member' | 'Guest';
  homeTenantId: string;
  createdAt: number;
  licensed: boolean;
  passwordNeverExpires: boolean;
  onPremisesSyncEnabled: boolean | null;
  /** userRegistrationDetails.methodsRegistered */
  mfaMethods: string[];
  /** Directory role definition IDs. */
  roles: string[];
  /** Home connection for people; the fixed address for jobs. */
  home: Place;
  browser: Client;
  office: Client;
  /** Minutes after 00:00 UTC the working day starts. */
  workStart: number;
  /** Days in another country (travellers only). */
  travel: { firstDay: number; lastDay: number; block: NetworkBlock } | null;
  /** Sign-in before the window (for accounts that went quiet), epoch ms. */
  lastSeenBeforeWindow: number | null;
}

export type WorkloadCredential = 'clientSecret' | 'certificate' | 'federatedIdentityCredential' | 'managedIdentity' | 'none';

export interface DemoWorkload {
  kind: 'servicePrincipal' | 'managedIdentity';
  index: number;
  id: string;
  appId: string;
  displayName: string;
  scenario: WorkloadScenarioId;
  credential: WorkloadCredential;
  keyId: string | null;
  thumbprint: string | null;
  federatedCredentialId: string | null;
  federatedSubject: string | null;
  msiType: 'systemAssigned' | 'userAssigned' | null;
  associatedResourceId: string | null;
  createdAt: number;
  /** Egress address of a service principal; managed identities sign in without one. */
  place: Place | null;
  resources: AppRef[];
  /** Sign-ins a day before scaling. */
  dailySignIns: number;
  /** Does it write through ARM (the Activity log shows app-only writes)? */
  writes: boolean;
}

export interface Subscription {
  id: string;
  name: string;
  /** The MFA policy's effect on this subscription. */
  mfaPolicy: 'Audit' | 'Deny' | null;
  policyAssignmentId: string | null;
}

export interface DemoDirectory {
  seed: number;
  tenantId: string;
  domain: string;
  initialDomain: string;
  users: DemoUser[];
  workloads: DemoWorkload[];
  subscriptions: { prod: Subscription; nonprod: Subscription; shared: Subscription };
  /** The management group the subscriptions sit under (Activity-log `hierarchy`). */
  managementGroup: string;
}

const ADMIN_ROLES = ['Global Administrator', 'User Administrator', 'Security Administrator', 'Application Administrator', 'Privileged Role Administrator', 'Helpdesk Administrator'];

function roleId(name: string): string {
  const role = DIRECTORY_ROLES.find((entry) => entry.name === name);
  if (!role) throw new Error(`catalog has no directory role ${name}`);
  return role.id;
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/gu, '.');
}

interface ServiceAccountName {
  localPart: string;
  displayName: string;
  givenName: string | null;
  surname: string | null;
}

const SERVICE_ACCOUNT_NAMES: Record<ServiceAccountScenarioId, ServiceAccountName> = {
  'svc-vm-cli': { localPart: 'svc-vm-cli', displayName: 'svc-vm-cli', givenName: null, surname: null },
  'svc-runbook': { localPart: 'svc-runbook', displayName: 'SVC Automation Runbook', givenName: null, surname: null },
  'svc-terraform': { localPart: 'svc-terraform', displayName: 'svc-terraform', givenName: null, surname: null },
  'svc-inventory': { localPart: 'svc-inventory', displayName: 'svc-inventory', givenName: null, surname: null },
  'svc-graph-reports': { localPart: 'svc-graph-reports', displayName: 'Graph Reports Service', givenName: null, surname: null },
  'svc-custom-ropc': { localPart: 'svc-billing-sync', displayName: 'svc-billing-sync', givenName: null, surname: null },
  'human-named-service': { localPart: 'peter.jones', displayName: 'Peter Jones', givenName: 'Peter', surname: 'Jones' },
  'svc-deploy-legacy': { localPart: 'svc-deploy-legacy', displayName: 'svc-deploy-legacy', givenName: null, surname: null },
  'svc-stale': { localPart: 'svc-reporting-old', displayName: 'svc-reporting-old', givenName: null, surname: null },
  'svc-migrated': { localPart: 'svc-webapp-config', displayName: 'svc-webapp-config', givenName: null, surname: null },
  'svc-backup': { localPart: 'svc-backup', displayName: 'Backup Service Account', givenName: null, surname: null },
  'svc-ado-agent': { localPart: 'svc-ado-agent', displayName: 'svc-ado-agent', givenName: null, surname: null },
  'svc-sql-reader': { localPart: 'sa-sql-reader', displayName: 'sa-sql-reader', givenName: null, surname: null },
  'svc-appservice-sdk': { localPart: 'automation-appsvc', displayName: 'automation-appsvc', givenName: null, surname: null },
  'entra-connect-sync': { localPart: 'Sync_CONTOSO-AADC01_', displayName: 'On-Premises Directory Synchronization Service Account', givenName: null, surname: null },
  'svc-disabled': { localPart: 'svc-legacy-ftp', displayName: 'svc-legacy-ftp', givenName: null, surname: null },
};

/** Where each job runs: its fixed address (runners and hosted agents vary per run; the behaviour picks those). */
const SERVICE_ACCOUNT_NETWORK: Record<ServiceAccountScenarioId, keyof typeof NETWORKS> = {
  'svc-vm-cli': 'azureUkSouth',
  'svc-runbook': 'onPremDatacenter',
  'svc-terraform': 'githubRunners',
  'svc-inventory': 'onPremDatacenter',
  'svc-graph-reports': 'onPremDatacenter',
  'svc-custom-ropc': 'onPremDatacenter',
  'human-named-service': 'azureWestEurope',
  'svc-deploy-legacy': 'azureWestEurope',
  'svc-stale': 'onPremDatacenter',
  'svc-migrated': 'azureUkSouth',
  'svc-backup': 'onPremDatacenter',
  'svc-ado-agent': 'onPremDatacenter',
  'svc-sql-reader': 'azureWestEurope',
  'svc-appservice-sdk': 'azureWestEurope',
  'entra-connect-sync': 'onPremDatacenter',
  'svc-disabled': 'azureUkSouth',
};

const SP_NAMES: Record<'sp-client-secret' | 'sp-certificate' | 'sp-federated', readonly string[]> = {
  'sp-client-secret': ['app-payroll-connector', 'app-servicenow-sync', 'app-crm-integration', 'app-hr-feed', 'app-monitoring-export', 'app-ticketing-bridge', 'app-expenses', 'app-backup-vendor', 'app-sentinel-playbooks'],
  'sp-certificate': ['app-onprem-scheduler', 'app-sap-gateway', 'app-license-report', 'app-keyvault-rotation', 'app-dns-updater', 'app-cost-export', 'app-file-transfer'],
  'sp-federated': ['github-deploy-webshop', 'github-deploy-api', 'github-infra-platform', 'ado-sc-platform', 'ado-sc-data', 'aks-workload-orders'],
};
const MI_SYSTEM_NAMES = ['vm-batch-01', 'func-invoice-processor', 'app-webshop-prod', 'aks-platform-agentpool', 'logic-onboarding', 'adf-nightly-etl', 'vm-jumpbox-01', 'func-cleanup-snapshots', 'app-api-prod', 'automation-acct-ops'];
const MI_SYSTEM_TYPES = ['Microsoft.Compute/virtualMachines', 'Microsoft.Web/sites', 'Microsoft.Web/sites', 'Microsoft.ContainerService/managedClusters', 'Microsoft.Logic/workflows', 'Microsoft.DataFactory/factories', 'Microsoft.Compute/virtualMachines', 'Microsoft.Web/sites', 'Microsoft.Web/sites', 'Microsoft.Automation/automationAccounts'];
const MI_USER_NAMES = ['id-aks-orders', 'id-deploy-scripts', 'id-app-config-reader', 'id-keyvault-reader', 'id-storage-archiver', 'id-monitoring'];

const WORKLOAD_RESOURCES: readonly (readonly AppRef[])[] = [
  [RESOURCE_APPS.graph],
  [RESOURCE_APPS.arm],
  [RESOURCE_APPS.keyVault, RESOURCE_APPS.arm],
  [RESOURCE_APPS.storage],
  [RESOURCE_APPS.sql, RESOURCE_APPS.keyVault],
  [RESOURCE_APPS.logAnalytics, RESOURCE_APPS.arm],
];

function buildSubscriptions(rng: Rng): DemoDirectory['subscriptions'] {
  const prod = rng.uuid();
  const nonprod = rng.uuid();
  const shared = rng.uuid();
  return {
    prod: { id: prod, name: 'contoso-prod', mfaPolicy: 'Deny', policyAssignmentId: `/subscriptions/${prod}/providers/Microsoft.Authorization/policyAssignments/${rng.hex(24)}` },
    nonprod: { id: nonprod, name: 'contoso-nonprod', mfaPolicy: 'Audit', policyAssignmentId: `/subscriptions/${nonprod}/providers/Microsoft.Authorization/policyAssignments/${rng.hex(24)}` },
    shared: { id: shared, name: 'contoso-shared', mfaPolicy: null, policyAssignmentId: null },
  };
}

/** Build the whole directory for a seed. Same seed, same directory. */
export function buildDirectory(seed: number): DemoDirectory {
  const rng = createRng(seed, 'directory');
  const tenantId = rng.uuid();
  const domain = 'contoso.example';
  const initialDomain = 'contosodemo.onmicrosoft.com';
  const partnerTenants = PARTNER_DOMAINS.map(() => rng.uuid());
  const subscriptions = buildSubscriptions(rng);
  const usedNames = new Set<string>(['peter.jones']);
  const users: DemoUser[] = [];
  const workloads: DemoWorkload[] = [];

  function personName(): { given: string; surname: string; localPart: string } {
    for (;;) {
      const given = rng.pick(GIVEN_NAMES);
      const surname = rng.pick(SURNAMES);
      const localPart = slug(`${given}.${surname}`);
      if (usedNames.has(localPart)) continue;
      usedNames.add(localPart);
      return { given, surname, localPart };
    }
  }

  function createdBeforeWindow(minDays: number, maxDays: number): number {
    return WINDOW_START_MS - rng.between(minDays, maxDays) * DAY_MS - rng.int(DAY_MS);
  }

  function addHuman(definition: ScenarioDefinition<HumanScenarioId>, ordinal: number): void {
    const guest = definition.id === 'guest-admin-home-mfa' || definition.id === 'guest-no-scope';
    const breakGlass = definition.id === 'break-glass-fido2' || definition.id === 'break-glass-password';
    const name = personName();
    const partner = rng.int(PARTNER_DOMAINS.length);
    const partnerDomain = PARTNER_DOMAINS[partner] ?? 'fabrikam.example';
    const hostile = definition.id === 'guest-no-scope' ? HOSTILE_DISPLAY_NAMES[ordinal] : undefined;
    const displayName = hostile ?? `${name.given} ${name.surname}`;
    const upn = guest
      ? `${name.localPart}_${partnerDomain}#EXT#@${initialDomain}`.toLowerCase()
      : breakGlass
        ? `breakglass-0${definition.id === 'break-glass-fido2' ? 1 : 2}@${initialDomain}`
        : `${name.localPart}@${domain}`;
    const roles: string[] = [];
    if (definition.id === 'admin-mfa') roles.push(roleId(ADMIN_ROLES[ordinal % ADMIN_ROLES.length] ?? 'Global Administrator'));
    if (definition.id === 'guest-admin-home-mfa') roles.push(roleId(ordinal === 0 ? 'Global Reader' : 'Billing Administrator'));
    if (breakGlass) roles.push(GLOBAL_ADMINISTRATOR_ROLE_ID);
    const noMfa = definition.id === 'admin-cli-no-mfa' || definition.id === 'mobile-app-no-mfa' || definition.id === 'break-glass-password' || guest;
    const mfaMethods = definition.id === 'break-glass-fido2' ? ['passKeyDeviceBound'] : noMfa ? [] : rng.chance(0.3) ? ['microsoftAuthenticatorPush', 'softwareOneTimePasscode', 'mobilePhone'] : ['microsoftAuthenticatorPush', 'softwareOneTimePasscode'];
    const traveller = definition.id === 'portal-mfa-traveller';
    const travelStart = 3 + ordinal * 6 + rng.int(3);
    users.push({
      kind: 'user',
      index: users.length,
      id: rng.uuid(),
      scenario: definition.id,
      upn,
      displayName: breakGlass ? `Break Glass 0${definition.id === 'break-glass-fido2' ? 1 : 2}` : displayName,
      givenName: breakGlass ? null : name.given,
      surname: breakGlass ? null : name.surname,
      userType: guest ? 'Guest' : 'Member',
      homeTenantId: guest ? (partnerTenants[partner] ?? tenantId) : tenantId,
      createdAt: createdBeforeWindow(40, 2400),
      licensed: !guest && !breakGlass,
      passwordNeverExpires: breakGlass,
      onPremisesSyncEnabled: guest || breakGlass ? null : true,
      mfaMethods,
      roles,
      home: guest ? placeIn(rng, 'partnerOrgs') : placeIn(rng, 'homeIsp'),
      browser: rng.pick(BROWSERS),
      office: rng.pick(OFFICE_CLIENTS),
      workStart: rng.between(7 * 60, 9 * 60 + 30),
      travel: traveller ? { firstDay: travelStart, lastDay: Math.min(WINDOW_DAYS - 1, travelStart + rng.between(3, 6)), block: rng.pick(NETWORKS.travel) } : null,
      lastSeenBeforeWindow: null,
    });
  }

  function addServiceAccount(definition: ScenarioDefinition<ServiceAccountScenarioId>): void {
    const name = SERVICE_ACCOUNT_NAMES[definition.id];
    const sync = definition.id === 'entra-connect-sync';
    const upn = sync ? `${name.localPart}${rng.hex(12)}@${initialDomain}` : `${name.localPart}@${domain}`;
    users.push({
      kind: 'user',
      index: users.length,
      id: rng.uuid(),
      scenario: definition.id,
      upn,
      displayName: name.displayName,
      givenName: name.givenName,
      surname: name.surname,
      userType: 'Member',
      homeTenantId: tenantId,
      createdAt: createdBeforeWindow(300, 2000),
      licensed: false,
      passwordNeverExpires: true,
      onPremisesSyncEnabled: sync || definition.id === 'svc-terraform' || definition.id === 'svc-appservice-sdk' ? null : true,
      mfaMethods: [],
      roles: sync ? [roleId('Directory Synchronization Accounts')] : [],
      home: placeIn(rng, SERVICE_ACCOUNT_NETWORK[definition.id]),
      browser: rng.pick(BROWSERS),
      office: rng.pick(OFFICE_CLIENTS),
      workStart: rng.between(0, 59),
      travel: null,
      lastSeenBeforeWindow: definition.id === 'svc-stale' ? WINDOW_END_MS - 200 * DAY_MS - rng.int(DAY_MS / 2) : null,
    });
  }

  function addWorkload(definition: ScenarioDefinition<WorkloadScenarioId>, ordinal: number): void {
    const index = users.length + workloads.length;
    const id = rng.uuid();
    const appId = rng.uuid();
    const createdAt = createdBeforeWindow(60, 1500);
    const daily = rng.pick([4, 8, 12, 24, 24]);
    const resources = rng.pick(WORKLOAD_RESOURCES);
    const base: Omit<DemoWorkload, 'kind' | 'displayName' | 'credential' | 'place'> = {
      index,
      id,
      appId,
      scenario: definition.id,
      keyId: null,
      thumbprint: null,
      federatedCredentialId: null,
      federatedSubject: null,
      msiType: null,
      associatedResourceId: null,
      createdAt,
      dailySignIns: daily,
      resources: [...resources],
      writes: false,
    };
    switch (definition.id) {
      case 'sp-client-secret':
      case 'sp-certificate':
      case 'sp-federated': {
        const secret = definition.id === 'sp-client-secret';
        const federated = definition.id === 'sp-federated';
        const displayName = SP_NAMES[definition.id][ordinal] ?? `${definition.id}-${ordinal}`;
        const github = federated && displayName.startsWith('github-');
        const ado = federated && displayName.startsWith('ado-');
        workloads.push({
          ...base,
          kind: 'servicePrincipal',
          displayName,
          credential: secret ? 'clientSecret' : federated ? 'federatedIdentityCredential' : 'certificate',
          keyId: federated ? null : rng.uuid(),
          thumbprint: secret || federated ? null : rng.hex(40).toUpperCase(),
          federatedCredentialId: federated ? rng.uuid() : null,
          federatedSubject: github
            ? `repo:contoso/${displayName.replace('github-deploy-', '').replace('github-', '')}:environment:production`
            : ado
              ? `sc://contoso/platform/${displayName}`
              : federated
                ? 'system:serviceaccount:orders:orders-api'
                : null,
          place: federated && !ado && !github ? placeIn(rng, 'azureWestEurope') : github ? placeIn(rng, 'githubRunners') : rng.chance(0.5) ? placeIn(rng, 'onPremDatacenter') : placeIn(rng, 'azureWestEurope'),
          resources: federated ? [RESOURCE_APPS.arm] : [...resources],
          dailySignIns: federated ? rng.pick([4, 8]) : daily,
          writes: federated,
        });
        return;
      }
      case 'sp-migration-target':
        workloads.push({
          ...base,
          kind: 'servicePrincipal',
          displayName: 'sp-webapp-config',
          credential: 'certificate',
          keyId: rng.uuid(),
          thumbprint: rng.hex(40).toUpperCase(),
          createdAt: WINDOW_START_MS + 19 * DAY_MS + 10 * 3_600_000,
          place: null,
          resources: [RESOURCE_APPS.arm],
          dailySignIns: 12,
          writes: true,
        });
        return;
      case 'sp-public-client':
        workloads.push({ ...base, kind: 'servicePrincipal', displayName: 'Contoso Billing Sync', credential: 'none', place: null, resources: [], dailySignIns: 0 });
        return;
      case 'mi-system-assigned': {
        const name = MI_SYSTEM_NAMES[ordinal] ?? `mi-${ordinal}`;
        const type = MI_SYSTEM_TYPES[ordinal] ?? 'Microsoft.Web/sites';
        workloads.push({
          ...base,
          kind: 'managedIdentity',
          displayName: name,
          credential: 'managedIdentity',
          msiType: 'systemAssigned',
          associatedResourceId: `/subscriptions/${subscriptions.shared.id}/resourceGroups/rg-${name.split('-')[0] ?? 'ops'}/providers/${type}/${name}`,
          place: null,
          writes: ordinal % 3 === 0,
          resources: ordinal % 3 === 0 ? [RESOURCE_APPS.arm, ...resources.filter((r) => r.id !== RESOURCE_APPS.arm.id)] : [...resources],
        });
        return;
      }
      case 'mi-user-assigned': {
        const name = MI_USER_NAMES[ordinal] ?? `id-${ordinal}`;
        workloads.push({
          ...base,
          kind: 'managedIdentity',
          displayName: name,
          credential: 'managedIdentity',
          msiType: 'userAssigned',
          associatedResourceId: `/subscriptions/${subscriptions.shared.id}/resourceGroups/rg-identities/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${name}`,
          place: null,
        });
        return;
      }
    }
  }

  for (const definition of HUMAN_SCENARIOS) for (let i = 0; i < definition.count; i++) addHuman(definition, i);
  for (const definition of SERVICE_ACCOUNT_SCENARIOS) for (let i = 0; i < definition.count; i++) addServiceAccount(definition);
  for (const definition of WORKLOAD_SCENARIOS) for (let i = 0; i < definition.count; i++) addWorkload(definition, i);

  // The migration target signs in from the address the account it replaced used.
  const migrated = users.find((user) => user.scenario === 'svc-migrated');
  const target = workloads.find((workload) => workload.scenario === 'sp-migration-target');
  if (migrated && target) target.place = migrated.home;

  return { seed, tenantId, domain, initialDomain, users, workloads, subscriptions, managementGroup: 'mg-contoso-landingzones' };
}

export function requireUser(directory: DemoDirectory, scenario: ServiceAccountScenarioId): DemoUser {
  const found = directory.users.find((user) => user.scenario === scenario);
  if (!found) throw new Error(`demo directory has no ${scenario}`);
  return found;
}
