import type { ApiTable } from '../../detector-kit/sdk-call.js';
import { sdkRules } from '../../detector-kit/sdk-call.js';

export const SDK_GO_RULES = sdkRules('sdk-go');

/** azidentity constructors (`New…`) and MSAL Go public-client calls. */
export const GO_APIS: ApiTable = {
  NewUsernamePasswordCredential: { kind: 'username-password-credential', username: { index: 2 }, clientId: { index: 1 } },
  NewClientSecretCredential: { kind: 'client-secret-credential', clientId: { index: 1 } },
  NewClientCertificateCredential: { kind: 'client-certificate-credential', clientId: { index: 1 } },
  NewClientAssertionCredential: { kind: 'workload-federation-credential', clientId: { index: 1 } },
  NewAzurePipelinesCredential: { kind: 'workload-federation-credential', clientId: { index: 1 } },
  // MSAL Go (github.com/AzureAD/microsoft-authentication-library-for-go/apps/public)
  AcquireTokenByUsernamePassword: { kind: 'msal-username-password', username: { index: 2 } },
  AcquireTokenInteractive: { kind: 'interactive-credential' },
  AcquireTokenByDeviceCode: { kind: 'interactive-credential' },
  // MSAL Go confidential credentials (apps/confidential); the client ID is read from the New(…) that takes them (detect.ts)
  NewCredFromSecret: { kind: 'msal-client-secret', clientId: { names: ['clientID'] } },
  NewCredFromCert: { kind: 'msal-client-certificate', clientId: { names: ['clientID'] } },
  NewCredFromAssertion: { kind: 'msal-client-assertion', clientId: { names: ['clientID'] } },
  NewCredFromAssertionCallback: { kind: 'msal-client-assertion', clientId: { names: ['clientID'] } },
  // go-autorest (retired in March 2023): adal.NewServicePrincipalTokenFromUsernamePassword(oauthConfig, clientID, username, password, resource)
  // and the legacy SDK's auth.NewUsernamePasswordConfig(username, password, clientID, tenantID).
  NewServicePrincipalTokenFromUsernamePassword: { kind: 'adal-username-password', username: { index: 2 }, clientId: { index: 1 } },
  NewUsernamePasswordConfig: { kind: 'legacy-username-password', username: { index: 0 }, clientId: { index: 2 } },
};
