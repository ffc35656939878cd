import type { ApiTable } from '../../detector-kit/sdk-call.js';
import { sdkRules } from '../../detector-kit/sdk-call.js';

export const SDK_JAVASCRIPT_RULES = sdkRules('sdk-javascript');

/** @azure/identity argument places, @azure/msal-node, adal-node and ms-rest-nodeauth / ms-rest-azure calls. */
export const JAVASCRIPT_APIS: ApiTable = {
  UsernamePasswordCredential: { kind: 'username-password-credential', username: { index: 2 }, clientId: { index: 1 } },
  ClientSecretCredential: { kind: 'client-secret-credential', clientId: { index: 1 } },
  ClientCertificateCredential: { kind: 'client-certificate-credential', clientId: { index: 1 } },
  ClientAssertionCredential: { kind: 'workload-federation-credential', clientId: { index: 1 } },
  AzurePipelinesCredential: { kind: 'workload-federation-credential', clientId: { index: 1 } },
  WorkloadIdentityCredential: { kind: 'workload-federation-credential', clientId: { names: ['clientId'] } },
  ManagedIdentityCredential: { kind: 'managed-identity-credential', clientId: { index: 0, names: ['clientId'] } },
  DeviceCodeCredential: { kind: 'interactive-credential', clientId: { names: ['clientId'] } },
  InteractiveBrowserCredential: { kind: 'interactive-credential', clientId: { names: ['clientId'] } },
  // @azure/msal-node: the confidential client's kind follows config.auth (detect.ts)
  ConfidentialClientApplication: { kind: 'msal-client-secret', clientId: { names: ['clientId'] } },
  acquireTokenByUsernamePassword: { kind: 'msal-username-password', username: { names: ['username'] } },
  acquireTokenByDeviceCode: { kind: 'interactive-credential' },
  acquireTokenInteractive: { kind: 'interactive-credential' },
  // adal-node (retired)
  acquireTokenWithUsernamePassword: { kind: 'adal-username-password', username: { index: 1 }, clientId: { index: 3 } },
  acquireUserCode: { kind: 'interactive-credential' },
  // @azure/ms-rest-nodeauth and ms-rest-azure (the pre-@azure/identity SDKs)
  loginWithUsernamePassword: { kind: 'legacy-username-password', username: { index: 0 }, clientId: { names: ['clientId'] } },
  loginWithUsernamePasswordWithAuthResponse: { kind: 'legacy-username-password', username: { index: 0 }, clientId: { names: ['clientId'] } },
  interactiveLogin: { kind: 'interactive-credential' },
  interactiveLoginWithAuthResponse: { kind: 'interactive-credential' },
  loginWithServicePrincipalSecret: { kind: 'client-secret-credential', clientId: { index: 0 } },
  loginWithServicePrincipalSecretWithAuthResponse: { kind: 'client-secret-credential', clientId: { index: 0 } },
  loginWithServicePrincipalCertificate: { kind: 'client-certificate-credential', clientId: { index: 0 } },
  loginWithVmMSI: { kind: 'managed-identity-credential' },
  loginWithAppServiceMSI: { kind: 'managed-identity-credential' },
};
