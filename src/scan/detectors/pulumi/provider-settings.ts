import { isFalseLike } from '../../../catalog/credential-env-vars.js';
import type { IdentityRef, ScanFinding } from '../../../model/scan-finding.js';
import type { SourceFile } from '../../core/detector.js';
import { createFinding, ruleById, type Point } from '../../core/finding.js';
import { isGuid } from '../../core/identity-ref.js';
import { PULUMI_RULES } from './rules.js';

/** The Azure providers' packages, named as in config keys and resource types: azure-native, the classic azure provider, azuread. */
export const AZURE_PACKAGES = ['azure-native', 'azure', 'azuread'] as const;
export type AzurePackage = (typeof AZURE_PACKAGES)[number];

export function azurePackageOf(name: string): AzurePackage | null {
  return AZURE_PACKAGES.find((candidate) => candidate === name) ?? null;
}

/** One provider setting, wherever it is written (stack config, project config, a provider resource, program code). */
export interface ProviderSetting {
  /** The literal value's text (`true`, a GUID), null when it is not a literal (a secret, an expression). */
  text: string | null;
  at: Point;
}

/** Settings that choose the sign-in, in the providers' order (certificate, secret, OIDC, MSI); camelCase as in config. */
const AUTH_KEYS: readonly { rule: string; keys: readonly string[]; flags: readonly string[] }[] = [
  { rule: 'pulumi/client-certificate', keys: ['clientCertificatePath', 'clientCertificate'], flags: [] },
  { rule: 'pulumi/client-secret', keys: ['clientSecret'], flags: [] },
  { rule: 'pulumi/oidc', keys: ['useOidc', 'oidcToken', 'oidcTokenFilePath', 'oidcRequestToken'], flags: ['useOidc'] },
  { rule: 'pulumi/managed-identity', keys: ['useMsi', 'msiEndpoint'], flags: ['useMsi'] },
];

/** `client_secret` (Python) → `clientSecret`, as the config keys are spelled. */
export function camelCase(key: string): string {
  return key.replace(/_(?<letter>[a-z])/gu, (_match, letter: string) => letter.toUpperCase());
}

/**
 * How one Azure provider (its settings by camelCase key) signs in. No credential setting → `ambient`, reported at
 * `fallbackAt` (the first setting, or the provider resource): the Azure CLI login or ARM_* variables of whoever runs
 * Pulumi. `useCli: false` with nothing else leaves it to the environment: no finding.
 */
export function classifyProvider(file: SourceFile, what: string, settings: ReadonlyMap<string, ProviderSetting>, fallbackAt: Point, ambientDetail?: string): ScanFinding | null {
  const clientId = settings.get('clientId')?.text ?? null;
  const identity: IdentityRef | null = clientId !== null && isGuid(clientId) ? { kind: 'client-id', value: clientId.toLowerCase() } : null;
  for (const choice of AUTH_KEYS) {
    for (const key of choice.keys) {
      const setting = settings.get(key);
      if (!setting) continue;
      if (choice.flags.includes(key) && setting.text !== null && isFalseLike(setting.text)) continue;
      const rule = ruleById(PULUMI_RULES, choice.rule);
      return createFinding(rule, 'pulumi', file, setting.at, identity, `${what}: ${key} set. ${rule.summary}`);
    }
  }
  const useCli = settings.get('useCli')?.text ?? null;
  if (useCli !== null && isFalseLike(useCli)) return null;
  const rule = ruleById(PULUMI_RULES, 'pulumi/azure-cli-default');
  return createFinding(rule, 'pulumi', file, fallbackAt, identity, `${what}: ${ambientDetail ?? rule.summary}`);
}
