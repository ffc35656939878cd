/** The Azure resources the demo's identities change, by the job that changes them. */
import type { DemoDirectory, Subscription } from './directory.js';

export interface AzureResource {
  subscription: 'prod' | 'nonprod' | 'shared';
  resourceGroup: string;
  resourceType: string;
  names: readonly string[];
}

function resource(subscription: AzureResource['subscription'], resourceGroup: string, resourceType: string, names: readonly string[]): AzureResource {
  return { subscription, resourceGroup, resourceType, names };
}

export const AZURE_RESOURCES = {
  maintenanceVms: resource('shared', 'rg-vm-maintenance', 'Microsoft.Compute/virtualMachines', ['vm-app-01', 'vm-app-02', 'vm-build-01']),
  runbookStorage: resource('nonprod', 'rg-ops-nonprod', 'Microsoft.Storage/storageAccounts', ['stopsnonprod01', 'stlogsnonprod01']),
  runbookWebConfig: resource('nonprod', 'rg-web-nonprod', 'Microsoft.Web/sites/config', ['app-webshop-test/web', 'app-api-test/appsettings']),
  terraformNonprod: resource('nonprod', 'rg-platform-nonprod', 'Microsoft.Network/virtualNetworks', ['vnet-nonprod-01', 'vnet-nonprod-02']),
  terraformNsg: resource('nonprod', 'rg-platform-nonprod', 'Microsoft.Network/networkSecurityGroups/securityRules', ['nsg-app/allow-https', 'nsg-app/allow-bastion']),
  terraformShared: resource('shared', 'rg-platform-shared', 'Microsoft.KeyVault/vaults', ['kv-platform-shared']),
  billingTags: resource('shared', 'rg-finance', 'Microsoft.Resources/tags', ['default']),
  webConfigShared: resource('shared', 'rg-web-shared', 'Microsoft.Web/sites/config', ['app-intranet/appsettings', 'app-intranet/web']),
  prodDeployments: resource('prod', 'rg-webshop-prod', 'Microsoft.Web/sites', ['app-webshop-prod', 'app-api-prod']),
  backupSnapshots: resource('shared', 'rg-backup', 'Microsoft.Compute/snapshots', ['snap-sql01-os', 'snap-sql01-data', 'snap-file01-data']),
  adoNonprod: resource('nonprod', 'rg-data-nonprod', 'Microsoft.Sql/servers/databases', ['sql-data-test/orders', 'sql-data-test/catalog']),
  appServiceSlots: resource('shared', 'rg-web-shared', 'Microsoft.Web/sites/slots', ['app-intranet/staging']),
  humanNonprod: resource('nonprod', 'rg-sandbox', 'Microsoft.Storage/storageAccounts', ['stsandbox01', 'stsandbox02', 'stsandbox03']),
  humanProd: resource('prod', 'rg-webshop-prod', 'Microsoft.Web/sites/config', ['app-webshop-prod/appsettings', 'app-api-prod/web']),
  workloadShared: resource('shared', 'rg-apps-shared', 'Microsoft.Web/sites', ['app-orders', 'func-invoice-processor', 'app-intranet']),
} as const satisfies Record<string, AzureResource>;

export function subscriptionOf(directory: DemoDirectory, target: AzureResource): Subscription {
  return directory.subscriptions[target.subscription];
}
