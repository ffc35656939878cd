import type { ApiTable } from '../../detector-kit/sdk-call.js';
import { sdkRules } from '../../detector-kit/sdk-call.js';

export const SDK_JAVA_RULES = sdkRules('sdk-java');

/** azure-identity builders (argument places are builder setters) and MSAL4J parameter builders. */
export const JAVA_APIS: ApiTable = {
  UsernamePasswordCredentialBuilder: { kind: 'username-password-credential', username: { names: ['username'] }, clientId: { names: ['clientId'] } },
  ClientSecretCredentialBuilder: { kind: 'client-secret-credential', clientId: { names: ['clientId'] } },
  ClientCertificateCredentialBuilder: { kind: 'client-certificate-credential', clientId: { names: ['clientId'] } },
  ClientAssertionCredentialBuilder: { kind: 'workload-federation-credential', clientId: { names: ['clientId'] } },
  WorkloadIdentityCredentialBuilder: { kind: 'workload-federation-credential', clientId: { names: ['clientId'] } },
  AzurePipelinesCredentialBuilder: { kind: 'workload-federation-credential', clientId: { names: ['clientId'] } },
  ManagedIdentityCredentialBuilder: { kind: 'managed-identity-credential', clientId: { names: ['clientId'] } },
  DeviceCodeCredentialBuilder: { kind: 'interactive-credential', clientId: { names: ['clientId'] } },
  InteractiveBrowserCredentialBuilder: { kind: 'interactive-credential', clientId: { names: ['clientId'] } },
  // MSAL4J: UserNamePasswordParameters.builder(scopes, username, password)
  UserNamePasswordParameters: { kind: 'msal-username-password', username: { index: 1 } },
  DeviceCodeFlowParameters: { kind: 'interactive-credential' },
  InteractiveRequestParameters: { kind: 'interactive-credential' },
  // MSAL4J confidential clients: the credential factory method (client ID from the builder it is passed to, detect.ts)
  createFromSecret: { kind: 'msal-client-secret', receiver: /^ClientCredentialFactory$/u, clientId: { names: ['clientId'] } },
  createFromCertificate: { kind: 'msal-client-certificate', receiver: /^ClientCredentialFactory$/u, clientId: { names: ['clientId'] } },
  createFromCertificateChain: { kind: 'msal-client-certificate', receiver: /^ClientCredentialFactory$/u, clientId: { names: ['clientId'] } },
  createFromClientAssertion: { kind: 'msal-client-assertion', receiver: /^ClientCredentialFactory$/u, clientId: { names: ['clientId'] } },
  createFromCallback: { kind: 'msal-client-assertion', receiver: /^ClientCredentialFactory$/u, clientId: { names: ['clientId'] } },
  // ADAL4J (retired): acquireToken(resource, clientId, username, password, callback)
  'AuthenticationContext.acquireToken': { kind: 'adal-username-password', username: { index: 2 }, clientId: { index: 1 } },
  // The legacy management libraries (azure-client-authentication): new UserTokenCredentials(clientId, domain, username, password, environment)
  UserTokenCredentials: { kind: 'legacy-username-password', username: { index: 2 }, clientId: { index: 0 } },
};
