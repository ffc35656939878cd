import type { RuleMeta } from '../../core/detector.js';
import { FIX_BY_METHOD } from '../../detector-kit/fix-text.js';

const AUTH_DOC = 'https://www.pulumi.com/registry/packages/azure-native/installation-configuration/';

export const PULUMI_RULES: readonly RuleMeta[] = [
  { id: 'pulumi/client-secret', authMethod: 'workload-secret', severity: 'note', summary: 'The Azure provider (stack or project config, provider resource) signs in as a service principal with a client secret.', fix: FIX_BY_METHOD['workload-secret'], docUrl: AUTH_DOC },
  { id: 'pulumi/client-certificate', authMethod: 'workload-certificate', severity: 'note', summary: 'The Azure provider signs in as a service principal with a certificate.', fix: FIX_BY_METHOD['workload-certificate'], docUrl: AUTH_DOC },
  { id: 'pulumi/oidc', authMethod: 'workload-federation', severity: 'note', summary: 'The Azure provider uses workload identity federation (OIDC).', fix: FIX_BY_METHOD['workload-federation'], docUrl: AUTH_DOC },
  { id: 'pulumi/managed-identity', authMethod: 'managed-identity', severity: 'note', summary: 'The Azure provider uses a managed identity.', fix: FIX_BY_METHOD['managed-identity'], docUrl: AUTH_DOC },
  { id: 'pulumi/azure-cli-default', authMethod: 'ambient', severity: 'warning', summary: 'The Azure provider is configured without credentials: it uses the Azure CLI login (or ARM_* variables) of whoever runs Pulumi.', fix: FIX_BY_METHOD.ambient, docUrl: AUTH_DOC },
];
