import * as azure_native from '@pulumi/azure-native';
import { Provider as AzureAdProvider } from '@pulumi/azuread';

// The default provider: configured by the stack (see Pulumi.yaml), not here.
// ok: pulumi/azure-cli-default
const group = new azure_native.resources.ResourceGroup('web');

// ruleid: pulumi/managed-identity
const deployer = new azure_native.Provider('deployer', { useMsi: true, clientId: '0a1b2c3d-0000-4000-8000-0000000000ab' });

const directorySettings = { tenantId: 'contoso.onmicrosoft.com', clientId: process.env.DIRECTORY_APP_ID, clientSecret: process.env.DIRECTORY_SECRET };
// ruleid: pulumi/client-secret
const directory = new AzureAdProvider('directory', directorySettings);

// An explicit provider with nothing set signs in like the default one.
// ruleid: pulumi/azure-cli-default
const plain = new azure_native.Provider('plain', { subscriptionId: '00000000-0000-0000-0000-000000000000' });

export const names = [group.name, deployer.urn, directory.urn, plain.urn];
