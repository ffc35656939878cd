import type { ApiTable } from '../../detector-kit/sdk-call.js';
import { sdkRules } from '../../detector-kit/sdk-call.js';

export const SDK_DOTNET_RULES = sdkRules('sdk-dotnet');

/** Azure.Identity argument places, MSAL.NET, ADAL.NET and the Fluent / ClientRuntime helpers. */
export const DOTNET_APIS: ApiTable = {
  UsernamePasswordCredential: { kind: 'username-password-credential', username: { index: 0, names: ['username'] }, clientId: { index: 3, names: ['clientId'] } },
  ClientSecretCredential: { kind: 'client-secret-credential', clientId: { index: 1, names: ['clientId'] } },
  ClientCertificateCredential: { kind: 'client-certificate-credential', clientId: { index: 1, names: ['clientId'] } },
  ClientAssertionCredential: { kind: 'workload-federation-credential', clientId: { index: 1, names: ['clientId'] } },
  AzurePipelinesCredential: { kind: 'workload-federation-credential', clientId: { index: 1, names: ['clientId'] } },
  ManagedIdentityCredential: { kind: 'managed-identity-credential', clientId: { index: 0, names: ['clientId'] } },
  // MSAL.NET
  AcquireTokenByUsernamePassword: { kind: 'msal-username-password', username: { index: 1, names: ['username'] } },
  // MSAL.NET 2.x
  AcquireTokenByUsernamePasswordAsync: { kind: 'msal-username-password', username: { index: 1, names: ['username'] } },
  AcquireTokenInteractive: { kind: 'interactive-credential' },
  AcquireTokenWithDeviceCode: { kind: 'interactive-credential' },
  // MSAL.NET confidential clients: the builder method that sets the credential, on a chain (or variable) from
  // ConfidentialClientApplicationBuilder.Create(clientId) — detect.ts resolves the receiver.
  WithClientSecret: { kind: 'msal-client-secret', receiver: /^ConfidentialClientApplicationBuilder$/u, clientId: { names: ['clientId'] } },
  WithCertificate: { kind: 'msal-client-certificate', receiver: /^ConfidentialClientApplicationBuilder$/u, clientId: { names: ['clientId'] } },
  WithClientClaims: { kind: 'msal-client-certificate', receiver: /^ConfidentialClientApplicationBuilder$/u, clientId: { names: ['clientId'] } },
  WithClientAssertion: { kind: 'msal-client-assertion', receiver: /^ConfidentialClientApplicationBuilder$/u, clientId: { names: ['clientId'] } },
  // ADAL.NET (retired): new UserPasswordCredential(user, password) passed to AcquireTokenAsync
  UserPasswordCredential: { kind: 'adal-username-password', username: { index: 0, names: ['userName'] } },
  AcquireDeviceCodeAsync: { kind: 'interactive-credential' },
  // Microsoft.Azure.Management.Fluent / Microsoft.Rest.ClientRuntime.Azure.Authentication
  FromUser: { kind: 'legacy-username-password', receiver: /CredentialsFactory|SdkContext/u, username: { index: 0, names: ['username'] }, clientId: { index: 2, names: ['clientId'] } },
  LoginSilentAsync: { kind: 'legacy-username-password', receiver: /UserTokenProvider/u, username: { index: 2 }, clientId: { index: 0 } },
  FromServicePrincipal: { kind: 'client-secret-credential', receiver: /CredentialsFactory|SdkContext/u, clientId: { index: 0, names: ['clientId'] } },
  FromMSI: { kind: 'managed-identity-credential', receiver: /CredentialsFactory|SdkContext/u },
};
