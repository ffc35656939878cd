import type { Node } from 'web-tree-sitter';
import type { ParsedFile, SourceFile } from '../../core/detector.js';
import { createFinding, ruleById } from '../../core/finding.js';
import { isGuid } from '../../core/identity-ref.js';
import type { IdentityRef, ScanFinding } from '../../../model/scan-finding.js';
import { TERRAFORM_RULES } from './rules.js';

const AZURE_PROVIDERS = new Set(['azurerm', 'azuread', 'azapi']);

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

/** How each azurerm/azuread/azapi provider block and azurerm backend signs in. */
export function detectTerraform(file: SourceFile, parsed: ParsedFile): ScanFinding[] {
  if (parsed.kind !== 'tree') return [];
  const findings: ScanFinding[] = [];
  for (const block of topLevelBlocks(parsed.tree.rootNode)) {
    const [type, label] = blockHead(block);
    if (type === 'provider' && label !== null && AZURE_PROVIDERS.has(label)) {
      const finding = classify(file, block, `provider "${label}"`, false);
      if (finding) findings.push(finding);
    }
    if (type === 'terraform') {
      for (const inner of childBlocks(block)) {
        const [innerType, innerLabel] = blockHead(inner);
        if (innerType !== 'backend' || innerLabel !== 'azurerm') continue;
        const finding = classify(file, inner, 'backend "azurerm"', true);
        if (finding) findings.push(finding);
      }
    }
  }
  return findings;
}

function classify(file: SourceFile, block: Node, what: string, isBackend: boolean): ScanFinding | null {
  const attributes = blockAttributes(block);
  const identity = clientIdOf(attributes.get('client_id'));
  for (const choice of AUTH_ARGUMENTS) {
    for (const name of choice.names) {
      const expression = attributes.get(name);
      if (!expression || (choice.flags.includes(name) && isFalse(expression))) continue;
      const rule = ruleById(TERRAFORM_RULES, choice.rule);
      const attribute = expression.parent ?? expression;
      return createFinding(rule, 'terraform', file, attribute.startPosition, identity, `${what}: \`${name}\` set. ${rule.summary}`);
    }
  }
  if (isBackend && (STORAGE_KEY_ARGUMENTS.some((name) => attributes.has(name)) || !attributes.has('storage_account_name'))) return null;
  const useCli = attributes.get('use_cli');
  if (useCli && isFalse(useCli)) return null;
  const rule = ruleById(TERRAFORM_RULES, 'terraform/azure-cli-default');
  return createFinding(rule, 'terraform', file, block.startPosition, identity, `${what}: ${rule.summary}`);
}

function topLevelBlocks(root: Node): Node[] {
  const body = root.namedChildren.find((child) => child?.type === 'body');
  return body ? body.namedChildren.filter((child): child is Node => child?.type === 'block') : [];
}

function childBlocks(block: Node): Node[] {
  const body = block.namedChildren.find((child) => child?.type === 'body');
  return body ? body.namedChildren.filter((child): child is Node => child?.type === 'block') : [];
}

/** A block's type and first label: `provider "azurerm"` → ['provider', 'azurerm']. */
function blockHead(block: Node): [string, string | null] {
  const type = block.namedChildren.find((child) => child?.type === 'identifier')?.text ?? '';
  const label = block.namedChildren.find((child) => child?.type === 'string_lit' || (child?.type === 'identifier' && child.text !== type));
  const labelText = label ? (label.namedChildren.find((child) => child?.type === 'template_literal')?.text ?? label.text) : null;
  return [type, labelText];
}

/** The block's direct `name = expression` attributes (nested blocks such as `features {}` are not arguments). */
function blockAttributes(block: Node): Map<string, Node> {
  const attributes = new Map<string, Node>();
  const body = block.namedChildren.find((child) => child?.type === 'body');
  for (const child of body?.namedChildren ?? []) {
    if (child?.type !== 'attribute') continue;
    const name = child.namedChildren.find((part) => part?.type === 'identifier')?.text;
    const expression = child.namedChildren.find((part) => part?.type === 'expression');
    if (name && expression) attributes.set(name, expression);
  }
  return attributes;
}

function isFalse(expression: Node): boolean {
  return expression.text.trim() === 'false';
}

function literalString(expression: Node): string | null {
  const literal = expression.descendantsOfType('template_literal')[0];
  const text = expression.text.trim();
  if (literal && text.startsWith('"') && text.endsWith('"') && !text.includes('${')) return literal.text;
  return null;
}

function clientIdOf(expression: Node | undefined): IdentityRef | null {
  if (!expression) return null;
  const literal = literalString(expression);
  if (literal !== null) return isGuid(literal) ? { kind: 'client-id', value: literal.toLowerCase() } : null;
  const reference = expression.text.trim();
  return /^(?:var|local|data)\.[\w.-]+$/u.test(reference) ? { kind: 'secret-ref', value: reference } : null;
}
