import type { RuleMeta } from '../../core/detector.js';
import { FIX_BY_METHOD } from '../../detector-kit/fix-text.js';

const DOC = 'https://marketplace.upbound.io/providers/upbound/provider-family-azure/latest/docs/configuration';

export const CROSSPLANE_RULES: readonly RuleMeta[] = [
  { id: 'crossplane/secret', authMethod: 'workload-secret', severity: 'note', summary: 'The ProviderConfig reads a service principal secret (JSON) from a Kubernetes Secret.', fix: FIX_BY_METHOD['workload-secret'], docUrl: DOC },
  { id: 'crossplane/managed-identity', authMethod: 'managed-identity', severity: 'note', summary: 'The ProviderConfig uses a managed identity.', fix: FIX_BY_METHOD['managed-identity'], docUrl: DOC },
  { id: 'crossplane/oidc-token-file', authMethod: 'workload-federation', severity: 'note', summary: 'The ProviderConfig uses workload identity federation (a projected OIDC token).', fix: FIX_BY_METHOD['workload-federation'], docUrl: DOC },
];

/** `spec.credentials.source` → rule. The provider has no user mode. */
export const CREDENTIAL_SOURCES: Readonly<Record<string, string>> = {
  Secret: 'crossplane/secret',
  SystemAssignedManagedIdentity: 'crossplane/managed-identity',
  UserAssignedManagedIdentity: 'crossplane/managed-identity',
  InjectedIdentity: 'crossplane/managed-identity',
  OIDCTokenFile: 'crossplane/oidc-token-file',
  Upbound: 'crossplane/oidc-token-file',
};
