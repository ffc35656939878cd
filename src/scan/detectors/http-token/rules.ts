import type { RuleMeta } from '../../core/detector.js';
import { FIX_BY_METHOD } from '../../detector-kit/fix-text.js';

const ROPC = 'https://learn.microsoft.com/entra/identity-platform/v2-oauth-ropc';

export const HTTP_TOKEN_RULES: readonly RuleMeta[] = [
  { id: 'http-token/password-grant', authMethod: 'user-password', severity: 'error', summary: 'A raw token request to Entra ID with grant_type=password (ROPC): mandatory MFA blocks it.', fix: FIX_BY_METHOD['user-password'], docUrl: ROPC },
  { id: 'http-token/device-code-grant', authMethod: 'user-interactive', severity: 'warning', summary: 'A raw device-code token request: a person must complete the sign-in.', fix: FIX_BY_METHOD['user-interactive'], docUrl: 'https://learn.microsoft.com/entra/identity-platform/v2-oauth2-device-code' },
  { id: 'http-token/client-secret-grant', authMethod: 'workload-secret', severity: 'note', summary: 'A raw client-credentials token request with a client secret.', fix: FIX_BY_METHOD['workload-secret'], docUrl: 'https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow' },
  { id: 'http-token/client-assertion-certificate', authMethod: 'workload-certificate', severity: 'note', summary: 'A raw client-credentials token request with a signed client assertion (certificate).', fix: FIX_BY_METHOD['workload-certificate'], docUrl: 'https://learn.microsoft.com/entra/identity-platform/certificate-credentials' },
  { id: 'http-token/client-assertion-federated', authMethod: 'workload-federation', severity: 'note', summary: 'A raw client-credentials token request with a federated token as client assertion.', fix: FIX_BY_METHOD['workload-federation'], docUrl: 'https://learn.microsoft.com/entra/workload-id/workload-identity-federation' },
  { id: 'http-token/managed-identity-endpoint', authMethod: 'managed-identity', severity: 'note', summary: 'A token request to the managed identity endpoint (IMDS or IDENTITY_ENDPOINT).', fix: FIX_BY_METHOD['managed-identity'], docUrl: 'https://learn.microsoft.com/entra/identity/managed-identities-azure-resources/how-to-use-vm-token' },
];
