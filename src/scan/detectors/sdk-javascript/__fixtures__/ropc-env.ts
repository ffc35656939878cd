import { DefaultAzureCredential, WorkloadIdentityCredential } from '@azure/identity';

// The process sets the variables that make EnvironmentCredential use a password.
process.env.AZURE_USERNAME = 'svc-report@contoso.com';
process.env.AZURE_PASSWORD = readPassword();

// ruleid: sdk-javascript/default-credential-user-password
const credential: DefaultAzureCredential = new DefaultAzureCredential();
// ruleid: sdk-javascript/workload-federation-credential
const federated = new WorkloadIdentityCredential({ clientId: '55555555-6666-7777-8888-999999999999' });

declare function readPassword(): string;
