import type { IdentityRef } from '../../../model/scan-finding.js';
import { clientIdentity, unquote, userIdentity } from '../../core/identity-ref.js';

/** One environment variable a script or CI scope sets; `value` is the raw text (null when not a scalar). */
export interface EnvAssignment<At> {
  name: string;
  value: string | null;
  at: At;
}

interface EnvScheme {
  rule: string;
  /** Any one group fully set matches. */
  requires: readonly (readonly string[])[];
  /** These must not be set to a false-like literal. */
  truthy: readonly string[];
  /** Where the identity comes from, and whether it is a user or an application. */
  identityFrom: { name: string; kind: 'user' | 'client' } | null;
  /** Setting these means Terraform does not fall back to the Azure CLI login. */
  terraformCredential: boolean;
}

const SCHEMES: readonly EnvScheme[] = [
  { rule: 'shell/env-azure-username-password', requires: [['AZURE_USERNAME', 'AZURE_PASSWORD']], truthy: [], identityFrom: { name: 'AZURE_USERNAME', kind: 'user' }, terraformCredential: false },
  { rule: 'shell/env-ansible-ad-user-password', requires: [['AZURE_AD_USER', 'AZURE_PASSWORD']], truthy: [], identityFrom: { name: 'AZURE_AD_USER', kind: 'user' }, terraformCredential: false },
  { rule: 'shell/env-entraid-username-password', requires: [['ENTRAID_USERNAME', 'ENTRAID_PASSWORD']], truthy: [], identityFrom: { name: 'ENTRAID_USERNAME', kind: 'user' }, terraformCredential: false },
  { rule: 'shell/env-azure-client-secret', requires: [['AZURE_CLIENT_SECRET']], truthy: [], identityFrom: { name: 'AZURE_CLIENT_ID', kind: 'client' }, terraformCredential: false },
  { rule: 'shell/env-azure-client-certificate', requires: [['AZURE_CLIENT_CERTIFICATE_PATH']], truthy: [], identityFrom: { name: 'AZURE_CLIENT_ID', kind: 'client' }, terraformCredential: false },
  { rule: 'shell/env-azure-federated-token', requires: [['AZURE_FEDERATED_TOKEN_FILE']], truthy: [], identityFrom: { name: 'AZURE_CLIENT_ID', kind: 'client' }, terraformCredential: false },
  { rule: 'shell/env-arm-client-secret', requires: [['ARM_CLIENT_SECRET']], truthy: [], identityFrom: { name: 'ARM_CLIENT_ID', kind: 'client' }, terraformCredential: true },
  { rule: 'shell/env-arm-client-certificate', requires: [['ARM_CLIENT_CERTIFICATE_PATH'], ['ARM_CLIENT_CERTIFICATE']], truthy: [], identityFrom: { name: 'ARM_CLIENT_ID', kind: 'client' }, terraformCredential: true },
  { rule: 'shell/env-arm-oidc', requires: [['ARM_USE_OIDC'], ['ARM_OIDC_TOKEN'], ['ARM_OIDC_TOKEN_FILE_PATH'], ['ARM_ADO_PIPELINE_SERVICE_CONNECTION_ID'], ['ARM_OIDC_AZURE_SERVICE_CONNECTION_ID']], truthy: ['ARM_USE_OIDC'], identityFrom: { name: 'ARM_CLIENT_ID', kind: 'client' }, terraformCredential: true },
  { rule: 'shell/env-arm-msi', requires: [['ARM_USE_MSI']], truthy: ['ARM_USE_MSI'], identityFrom: { name: 'ARM_CLIENT_ID', kind: 'client' }, terraformCredential: true },
];

/** Every name the schemes read (lower-cased: the prefilter's trigger words). */
export const ENV_CREDENTIAL_NAMES: readonly string[] = [...new Set(SCHEMES.flatMap((scheme) => scheme.requires.flat()))];

function isFalseLike(value: string | null): boolean {
  return value !== null && /^(?:false|0|no|off|)$/iu.test(unquote(value));
}

export interface EnvCredentialMatch<At> {
  rule: string;
  at: At;
  identity: IdentityRef | null;
  names: readonly string[];
}

/**
 * The credential schemes one scope's variables switch on. The finding sits at the first required variable
 * set; its identity is the username / client id's literal (UPN, GUID) or the name it comes from, never a secret.
 */
export function matchEnvCredentials<At>(assignments: readonly EnvAssignment<At>[]): EnvCredentialMatch<At>[] {
  const byName = new Map<string, EnvAssignment<At>>();
  for (const assignment of assignments) byName.set(assignment.name.toUpperCase(), assignment);
  const matches: EnvCredentialMatch<At>[] = [];
  for (const scheme of SCHEMES) {
    const group = scheme.requires.find((names) => names.every((name) => byName.has(name)));
    if (!group) continue;
    if (scheme.truthy.some((name) => byName.has(name) && isFalseLike(byName.get(name)?.value ?? null))) continue;
    const first = group.map((name) => byName.get(name)).find((assignment) => assignment !== undefined);
    if (!first) continue;
    matches.push({ rule: scheme.rule, at: first.at, identity: identityOf(scheme, byName), names: group });
  }
  return matches;
}

function identityOf<At>(scheme: EnvScheme, byName: ReadonlyMap<string, EnvAssignment<At>>): IdentityRef | null {
  if (!scheme.identityFrom) return null;
  const source = byName.get(scheme.identityFrom.name);
  const fromValue = source?.value ? (scheme.identityFrom.kind === 'user' ? userIdentity(source.value) : clientIdentity(source.value)) : null;
  if (fromValue) return fromValue;
  return source ? { kind: 'env-var', value: scheme.identityFrom.name } : null;
}

/** Whether these variables give Terraform its own credential (so it does not use the CLI login). */
export function setsTerraformCredential(names: Iterable<string>): boolean {
  const set = new Set([...names].map((name) => name.toUpperCase()));
  return SCHEMES.some((scheme) => scheme.terraformCredential && scheme.requires.some((group) => group.every((name) => set.has(name))));
}
