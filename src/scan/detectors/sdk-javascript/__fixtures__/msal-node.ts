// @azure/msal-node: confidential clients by the credential in config.auth, public clients by the flow they use.
import { ConfidentialClientApplication, PublicClientApplication, type Configuration } from '@azure/msal-node';
import { readFileSync } from 'node:fs';

const clientId = process.env.SYNC_CLIENT_ID ?? '';
const authority = 'https://login.microsoftonline.com/contoso.onmicrosoft.com';

const secretConfig: Configuration = {
  auth: { clientId, authority, clientSecret: process.env.SYNC_CLIENT_SECRET },
};
// ruleid: sdk-javascript/msal-client-secret
export const secretApp = new ConfidentialClientApplication(secretConfig);

const certificateAuth = {
  clientId: '0a1b2c3d-0000-4000-8000-00000000000b',
  authority,
  clientCertificate: { thumbprintSha256: process.env.CERT_THUMBPRINT ?? '', privateKey: readFileSync('/certs/sync.key', 'utf8') },
};
// ruleid: sdk-javascript/msal-client-certificate
export const certificateApp = new ConfidentialClientApplication({ auth: certificateAuth });

// ruleid: sdk-javascript/msal-client-assertion
export const federatedApp = new ConfidentialClientApplication({
  auth: { clientId: '0a1b2c3d-0000-4000-8000-00000000000c', authority, clientAssertion: readFileSync(process.env.AZURE_FEDERATED_TOKEN_FILE ?? '', 'utf8') },
} as Configuration);

const publicApp = new PublicClientApplication({ auth: { clientId: '0a1b2c3d-0000-4000-8000-00000000000d', authority } });
const username = 'nightly-export@contoso.com';
export const ropc = await publicApp
  // ruleid: sdk-javascript/msal-username-password
  .acquireTokenByUsernamePassword({ username, password: process.env.EXPORT_PASSWORD ?? '', scopes: ['https://management.azure.com/.default'] });
// ruleid: sdk-javascript/interactive-credential
export const device = await publicApp.acquireTokenByDeviceCode({ scopes: ['User.Read'], deviceCodeCallback: (response) => console.log(response.message) });

// A config read from elsewhere cannot be classified.
// ok: sdk-javascript/msal-client-secret
export const fromFile = new ConfidentialClientApplication(JSON.parse(readFileSync('msal.json', 'utf8')));
