import type { Node } from 'web-tree-sitter';
import type { IdentityRef, ScanFinding } from '../../../model/scan-finding.js';
import type { SourceFile } from '../../core/detector.js';
import { createFinding, ruleById } from '../../core/finding.js';
import { isGuid } from '../../core/identity-ref.js';
import { isFalse, literalString, type HclArgument } from './hcl-nodes.js';
import { TERRAFORM_RULES } from './rules.js';

/** Arguments that choose the sign-in, in the order the providers try them (certificate, secret, OIDC, MSI). */
const AUTH_ARGUMENTS: readonly { rule: string; names: readonly string[]; flags: readonly string[] }[] = [
  { rule: 'terraform/client-certificate', names: ['client_certificate_path', 'client_certificate'], flags: [] },
  { rule: 'terraform/client-secret', names: ['client_secret', 'client_secret_file_path'], flags: [] },
  {
    rule: 'terraform/oidc',
    names: ['use_oidc', 'oidc_token', 'oidc_token_file_path', 'oidc_request_token', 'oidc_request_url', 'ado_pipeline_service_connection_id', 'use_aks_workload_identity'],
    flags: ['use_oidc', 'use_aks_workload_identity'],
  },
  { rule: 'terraform/managed-identity', names: ['use_msi', 'msi_endpoint'], flags: ['use_msi'] },
];

/** Storage keys authenticate the state backend to a storage account, not to Entra ID. */
const STORAGE_KEY_ARGUMENTS = ['access_key', 'sas_token'];

/**
 * What is being configured: a provider, the azurerm state backend (in `terraform {}` or a `-backend-config`
 * file), or the azurerm backend another configuration's state is read from (`terraform_remote_state`).
 */
export type Configured = 'provider' | 'backend' | 'backend-config-file' | 'remote-state';

/**
 * How one provider, backend or remote-state config signs in, from its direct arguments in the providers' own
 * order. No credential argument → `ambient` (the ARM_* environment or the Azure CLI login of whoever runs
 * Terraform). A state backend authenticated by a storage key signs in to no Entra identity: no finding.
 */
export function classifyCredentials(file: SourceFile, args: ReadonlyMap<string, HclArgument>, block: Node, what: string, configured: Configured): ScanFinding | null {
  const identity = clientIdOf(args.get('client_id')?.value);
  for (const choice of AUTH_ARGUMENTS) {
    for (const name of choice.names) {
      const argument = args.get(name);
      if (!argument || (choice.flags.includes(name) && isFalse(argument.value))) continue;
      const rule = ruleById(TERRAFORM_RULES, choice.rule);
      return createFinding(rule, 'terraform', file, argument.at.startPosition, identity, `${what}: \`${name}\` set. ${rule.summary}`);
    }
  }
  const stateBackend = configured !== 'provider';
  if (stateBackend && STORAGE_KEY_ARGUMENTS.some((name) => args.has(name))) return null;
  const useCli = args.get('use_cli');
  if (useCli && isFalse(useCli.value)) return null;
  // A -backend-config file without a credential adds nothing to the backend block's own finding.
  if (configured === 'backend-config-file') return null;
  const rule = ruleById(TERRAFORM_RULES, 'terraform/azure-cli-default');
  const partial = configured === 'backend' && !args.has('storage_account_name');
  const detail = partial
    ? 'partial configuration: `terraform init -backend-config=…` supplies the rest; unless that sets a credential, state is read with the ARM_* environment or the Azure CLI login of whoever runs Terraform'
    : rule.summary;
  return createFinding(rule, 'terraform', file, block.startPosition, identity, `${what}: ${detail}`);
}

function clientIdOf(expression: Node | undefined): IdentityRef | null {
  if (!expression) return null;
  const literal = literalString(expression);
  if (literal !== null) return isGuid(literal) ? { kind: 'client-id', value: literal.toLowerCase() } : null;
  const reference = expression.text.trim();
  return /^(?:var|local|data)\.[\w.-]+$/u.test(reference) ? { kind: 'secret-ref', value: reference } : null;
}
