/**
 * Applications and resources the demo's sign-ins name. IDs the catalog knows come from the catalog; the
 * Office and Azure data-plane apps below only dress the background traffic.
 */
import { appById, ARM_RESOURCE_ID, AZURE_PORTAL_APP_ID, FIRST_PARTY_APPS, MICROSOFT_GRAPH_RESOURCE_ID, RESOURCES } from '../../catalog/enforcement.js';

export interface AppRef {
  id: string;
  name: string;
}

function catalogApp(role: 'arm-client' | 'graph-client', name: string): AppRef {
  const found = FIRST_PARTY_APPS.find((app) => app.role === role && app.name === name);
  if (!found) throw new Error(`catalog has no ${name}`);
  return { id: found.id, name: found.name };
}

function catalogEntry(id: string): AppRef {
  const app = appById(id);
  if (app) return { id: app.id, name: app.name };
  const resource = RESOURCES.find((entry) => entry.id === id);
  if (!resource) throw new Error(`catalog has no ${id}`);
  return { id: resource.id, name: resource.name };
}

export const APPS = {
  azurePortal: catalogEntry(AZURE_PORTAL_APP_ID),
  azureCli: catalogApp('arm-client', 'Microsoft Azure CLI'),
  azurePowerShell: catalogApp('arm-client', 'Microsoft Azure PowerShell'),
  azureMobileApp: catalogApp('arm-client', 'Azure Mobile App'),
  graphCommandLineTools: catalogApp('graph-client', 'Microsoft Graph Command Line Tools'),
  officeHome: catalogEntry('4765445b-32c6-49b0-83e6-1d93765276ca'),
  teams: { id: '1fec8e78-bce4-4aaf-ab1b-5451cc387264', name: 'Microsoft Teams' },
  office: { id: 'd3590ed6-52b3-4102-aeff-aad2292ab01c', name: 'Microsoft Office' },
  outlookMobile: { id: '27922004-5251-4030-b22d-91ecd9a37ea4', name: 'Outlook Mobile' },
  entraConnect: { id: 'cb1056e2-e479-49de-ae31-7812af012ed8', name: 'Microsoft Azure Active Directory Connect' },
} as const satisfies Record<string, AppRef>;

export const RESOURCE_APPS = {
  arm: catalogEntry(ARM_RESOURCE_ID),
  graph: catalogEntry(MICROSOFT_GRAPH_RESOURCE_ID),
  exchange: catalogEntry('00000002-0000-0ff1-ce00-000000000000'),
  sharePoint: catalogEntry('00000003-0000-0ff1-ce00-000000000000'),
  azureAd: catalogEntry('00000002-0000-0000-c000-000000000000'),
  azurePortal: catalogEntry(AZURE_PORTAL_APP_ID),
  teamsServices: { id: 'cc15fd57-2c6c-4117-a88c-83b1d56b4bbe', name: 'Microsoft Teams Services' },
  keyVault: { id: 'cfa8b339-82a2-471a-a3c9-0fc0be7a4093', name: 'Azure Key Vault' },
  storage: { id: 'e406a681-f3d4-42a8-90b6-c2b029497af1', name: 'Azure Storage' },
  sql: { id: '022907d3-0f1b-48f7-badc-1ba6abab6d66', name: 'Azure SQL Database' },
  logAnalytics: { id: 'ca7f3f0b-7d91-482c-8e09-c5d840d0eac5', name: 'Log Analytics API' },
} as const satisfies Record<string, AppRef>;

/** Office traffic: which client asks for which resource. */
export const OFFICE_PAIRS: readonly (readonly [AppRef, AppRef])[] = [
  [APPS.teams, RESOURCE_APPS.teamsServices],
  [APPS.teams, RESOURCE_APPS.graph],
  [APPS.office, RESOURCE_APPS.exchange],
  [APPS.office, RESOURCE_APPS.sharePoint],
  [APPS.officeHome, RESOURCE_APPS.graph],
  [APPS.outlookMobile, RESOURCE_APPS.exchange],
];

/** The tenant that owns Microsoft's first-party apps (appOwnerTenantId / resourceOwnerTenantId in real records). */
export const MICROSOFT_SERVICES_TENANT_ID = 'f8cdef31-a31e-4b4a-93e4-5f571e91255a';
