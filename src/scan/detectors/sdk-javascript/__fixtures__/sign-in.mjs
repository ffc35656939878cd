import { UsernamePasswordCredential as UPC, DeviceCodeCredential, ClientSecretCredential, ManagedIdentityCredential } from '@azure/identity';
import { PublicClientApplication } from '@azure/msal-node';
import * as msRestNodeAuth from '@azure/ms-rest-nodeauth';
import adal from 'adal-node';

const tenantId = process.env.AZURE_TENANT_ID;

// ruleid: sdk-javascript/username-password-credential
const nightly = new UPC(tenantId, '04b07795-8ddb-461a-bbee-02f9e1bf7b46', 'svc-nightly@contoso.com', process.env.NIGHTLY_PASSWORD);

const pca = new PublicClientApplication({ auth: { clientId: '11111111-2222-3333-4444-555555555555' } });
const result = await pca
  // ruleid: sdk-javascript/msal-username-password
  .acquireTokenByUsernamePassword({ username: process.env.REPORT_USER, password: process.env.REPORT_PASSWORD, scopes: ['https://management.azure.com/.default'] });

const context = new adal.AuthenticationContext('https://login.microsoftonline.com/contoso.onmicrosoft.com');
// ruleid: sdk-javascript/adal-username-password
context.acquireTokenWithUsernamePassword('https://management.core.windows.net/', 'legacy@contoso.com', process.env.LEGACY_PASSWORD, '04b07795-8ddb-461a-bbee-02f9e1bf7b46', () => {});

// ruleid: sdk-javascript/legacy-username-password
const legacy = await msRestNodeAuth.loginWithUsernamePassword('old-automation@contoso.com', process.env.OLD_PASSWORD);

// ruleid: sdk-javascript/interactive-credential
const device = new DeviceCodeCredential({ tenantId, clientId: '22222222-3333-4444-5555-666666666666' });
// ruleid: sdk-javascript/client-secret-credential
const secret = new ClientSecretCredential(tenantId, '33333333-4444-5555-6666-777777777777', process.env.SP_SECRET);
// ruleid: sdk-javascript/managed-identity-credential
const msi = new ManagedIdentityCredential('44444444-5555-6666-7777-888888888888');
// ruleid: sdk-javascript/interactive-credential
const legacyInteractive = await msRestNodeAuth.interactiveLogin();

// new UsernamePasswordCredential(...) in a comment is not a sign-in.
// ok: sdk-javascript/username-password-credential
const help = 'Never call new UsernamePasswordCredential(tenant, client, user, password) in automation';
// ok: sdk-javascript/username-password-credential
function createUsernamePasswordCredentialStub() { return null; }
// ok: sdk-javascript/username-password-credential
createUsernamePasswordCredentialStub();
