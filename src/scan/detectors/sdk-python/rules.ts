import type { ApiTable } from '../../detector-kit/sdk-call.js';
import { sdkRules } from '../../detector-kit/sdk-call.js';

export const SDK_PYTHON_RULES = sdkRules('sdk-python');

/** azure-identity argument places, MSAL / ADAL / azure.common calls (Python names). */
export const PYTHON_APIS: ApiTable = {
  UsernamePasswordCredential: { kind: 'username-password-credential', username: { index: 1, names: ['username'] }, clientId: { index: 0, names: ['client_id'] } },
  ClientSecretCredential: { kind: 'client-secret-credential', clientId: { index: 1, names: ['client_id'] } },
  CertificateCredential: { kind: 'client-certificate-credential', clientId: { index: 1, names: ['client_id'] } },
  ManagedIdentityCredential: { kind: 'managed-identity-credential', clientId: { names: ['client_id'] } },
  WorkloadIdentityCredential: { kind: 'workload-federation-credential', clientId: { names: ['client_id'] } },
  ClientAssertionCredential: { kind: 'workload-federation-credential', clientId: { index: 1, names: ['client_id'] } },
  AzurePipelinesCredential: { kind: 'workload-federation-credential', clientId: { index: 1, names: ['client_id'] } },
  DeviceCodeCredential: { kind: 'interactive-credential', clientId: { index: 0, names: ['client_id'] } },
  InteractiveBrowserCredential: { kind: 'interactive-credential', clientId: { names: ['client_id'] } },
  // MSAL for Python: the confidential client's kind follows its client_credential (detect.ts)
  ConfidentialClientApplication: { kind: 'msal-client-secret', clientId: { index: 0, names: ['client_id'] } },
  acquire_token_by_username_password: { kind: 'msal-username-password', username: { index: 0, names: ['username'] } },
  acquire_token_interactive: { kind: 'interactive-credential' },
  initiate_device_flow: { kind: 'interactive-credential' },
  // ADAL for Python (retired)
  acquire_token_with_username_password: { kind: 'adal-username-password', username: { index: 1, names: ['username'] }, clientId: { index: 3, names: ['client_id'] } },
  acquire_user_code: { kind: 'interactive-credential' },
  // azure.common.credentials (the pre-azure-identity SDKs)
  UserPassCredentials: { kind: 'legacy-username-password', username: { index: 0, names: ['username'] }, clientId: { names: ['client_id'] } },
  ServicePrincipalCredentials: { kind: 'client-secret-credential', clientId: { index: 0, names: ['client_id'] } },
  MSIAuthentication: { kind: 'managed-identity-credential', clientId: { names: ['client_id'] } },
  get_azure_cli_credentials: { kind: 'developer-credential' },
};
