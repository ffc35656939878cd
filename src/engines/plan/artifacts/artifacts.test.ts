import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import type { Node as SyntaxNode } from 'web-tree-sitter';
import { afterAll, describe, expect, it } from 'vitest';
import type { MigrationPlan, PlanTarget } from '../../../model/plan.js';
import { parse } from '../../../scan/core/tree-sitter.js';
import { lexBicep } from '../../../scan/detectors/bicep/bicep-lexer.js';
import { leastPrivilege } from '../least-privilege/least-privilege.js';
import { azCliArtifact } from './az-cli-artifact.js';
import { bicepArtifact } from './bicep-artifact.js';
import { jsonArtifacts } from './json-artifacts.js';
import { CUSTOM_ROLE_SCHEMA, FEDERATED_CREDENTIAL_SCHEMA } from './json-schemas.js';
import { terraformArtifact } from './terraform-artifact.js';

const SHARED = '/subscriptions/aae4a249-d0d7-4882-94e8-a429874e3694';
const NONPROD = '/subscriptions/d3b4daf0-d6af-4fb9-bfc2-10de698a089c';
const lp = leastPrivilege('svc-terraform workload', [
  { action: 'microsoft.network/virtualnetworks/write', kind: 'update', count: 92, resources: 1, resourceIds: [`${NONPROD}/resourcegroups/rg-platform-nonprod/providers/microsoft.network/virtualnetworks/vnet-nonprod-01`], groupScopes: [] },
  { action: 'microsoft.keyvault/vaults/write', kind: 'update', count: 86, resources: 1, resourceIds: [`${SHARED}/resourcegroups/rg-platform-shared/providers/microsoft.keyvault/vaults/kv-platform-shared`], groupScopes: [] },
  { action: 'microsoft.compute/snapshots/delete', kind: 'delete', count: 3, resources: 1, resourceIds: [`${SHARED}/resourcegroups/rg-platform-shared/providers/microsoft.compute/snapshots/old`], groupScopes: [] },
], []);

const subject = { issuer: 'https://token.actions.githubusercontent.com', subject: 'repo:contoso/ops-automation:ref:refs/heads/main', claimsMatchingExpression: null, from: '.github/workflows/terraform.yml:25', unresolved: [] };
const federation: PlanTarget = { kind: 'workload-identity-federation', assignment: null, platform: 'github-actions', name: 'wi-svc-terraform', subjects: [subject, { ...subject, subject: 'repo:contoso/ops-automation:environment:prod' }], runsOn: [], reasons: [] };
const targets: Record<string, PlanTarget> = {
  federation,
  certificate: { kind: 'service-principal-certificate', assignment: null, platform: null, name: 'sp-svc-backup', subjects: [], runsOn: [], reasons: [] },
  userAssigned: { kind: 'managed-identity', assignment: 'user-assigned', platform: null, name: 'id-svc-vm-cli', subjects: [], runsOn: ['2 Azure addresses'], reasons: [] },
  systemAssigned: { kind: 'managed-identity', assignment: 'system-assigned', platform: null, name: null, subjects: [], runsOn: [], reasons: [] },
};

function planWith(target: PlanTarget): MigrationPlan {
  return { target, leastPrivilege: lp, automation: [], secrets: [], stage: { stage: 'planned', detail: '', command: null } };
}

const scratch = mkdtempSync(join(tmpdir(), 'unattended-artifacts-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function children(node: SyntaxNode): SyntaxNode[] {
  return node.namedChildren.filter((child): child is SyntaxNode => child !== null);
}

/** Declared `type.name` of every resource, `var.x` of every variable; and every reference an expression makes. */
function hclSymbols(root: SyntaxNode): { declared: Set<string>; referenced: string[]; errors: number } {
  const declared = new Set<string>();
  const referenced: string[] = [];
  let errors = 0;
  function walk(node: SyntaxNode): void {
    if (node.type === 'ERROR' || node.isMissing) errors += 1;
    if (node.type === 'block') {
      const [kind, ...labels] = children(node).filter((child) => child.type === 'identifier' || child.type === 'string_lit');
      const names = labels.map((label) => label.text.replace(/^"|"$/gu, ''));
      if (kind?.text === 'resource' && names.length === 2) declared.add(`${names[0] ?? ''}.${names[1] ?? ''}`);
      if (kind?.text === 'variable' && names.length === 1) declared.add(`var.${names[0] ?? ''}`);
    }
    if (node.type === 'variable_expr') {
      const parent = node.parent;
      const attributes = parent ? children(parent).filter((child) => child.type === 'get_attr').map((child) => child.text.replace(/^\./u, '')) : [];
      // An object key (`source = …`) is a bare variable_expr too: only `a.b` reads another block.
      if (attributes.length > 0) referenced.push(node.text === 'var' ? `var.${attributes[0] ?? ''}` : `${node.text}.${attributes[0] ?? ''}`);
    }
    for (const child of children(node)) walk(child);
  }
  walk(root);
  return { declared, referenced, errors };
}

describe('generated artifacts are checked by real tools', () => {
  it('Terraform parses with the HCL grammar and every reference names a block of the file', async () => {
    for (const [name, target] of Object.entries(targets)) {
      const [file] = terraformArtifact({ plan: planWith(target), account: 'svc-terraform@contoso.example', tenantId: null });
      const tree = await parse('terraform', file?.content ?? '');
      const symbols = hclSymbols(tree.rootNode);
      tree.delete();
      expect(symbols.errors, name).toBe(0);
      expect(symbols.referenced.filter((reference) => !symbols.declared.has(reference)), name).toEqual([]);
      expect(symbols.referenced.length, name).toBeGreaterThan(0);
    }
    const [federated] = terraformArtifact({ plan: planWith(federation), account: 'svc-terraform@contoso.example', tenantId: null });
    const tree = await parse('terraform', federated?.content ?? '');
    const symbols = hclSymbols(tree.rootNode);
    tree.delete();
    expect([...symbols.declared].sort()).toEqual([
      'azuread_application.workload',
      'azuread_application_federated_identity_credential.subject_1',
      'azuread_application_federated_identity_credential.subject_2',
      'azuread_service_principal.workload',
      'azurerm_role_assignment.workload_1',
      'azurerm_role_assignment.workload_2',
      'azurerm_role_definition.workload',
    ]);
  });

  it('Bicep passes the structural check: balanced brackets, declared symbols, known target scope (no compiler here)', () => {
    for (const [name, target] of Object.entries(targets)) {
      for (const file of bicepArtifact({ plan: planWith(target), account: "o'brien@contoso.example", tenantId: null })) {
        const tokens = lexBicep(file.content);
        const stack: string[] = [];
        for (const token of tokens.filter((entry) => entry.kind === 'punctuation')) {
          if ('{[('.includes(token.text)) stack.push(token.text);
          if ('}])'.includes(token.text)) expect(stack.pop(), `${name} ${file.path}`).toBe({ '}': '{', ']': '[', ')': '(' }[token.text]);
        }
        expect(stack, `${name} ${file.path}`).toEqual([]);
        const identifiers = tokens.filter((entry) => entry.kind === 'identifier').map((entry) => entry.text);
        const declared = new Set<string>();
        identifiers.forEach((text, index) => {
          if (['resource', 'module', 'param', 'var'].includes(text)) declared.add(identifiers[index + 1] ?? '');
        });
        // Every `symbol.id` / `.appId` / `.uniqueName` the file reads is a symbol it declares.
        const read = [...file.content.matchAll(/(?<symbol>[a-zA-Z_]\w*)\.(?:id|appId|uniqueName)\b/gu)].map((match) => match.groups?.['symbol'] ?? '');
        expect(read.filter((symbol) => !declared.has(symbol)), `${name} ${file.path}`).toEqual([]);
        expect(/^targetScope = '(?:subscription|resourceGroup)'/mu.test(file.content), `${name} ${file.path}`).toBe(true);
      }
    }
  });

  it('the custom role and the federated credentials validate against the schemas of Microsoft\'s documented shapes', () => {
    const ajv = new Ajv({ allErrors: true, strict: true });
    const role = ajv.compile(CUSTOM_ROLE_SCHEMA);
    const credential = ajv.compile(FEDERATED_CREDENTIAL_SCHEMA);
    const files = jsonArtifacts({ plan: planWith(federation), account: 'svc-terraform@contoso.example', tenantId: null });
    expect(files.map((file) => file.path)).toEqual(['custom-role.json', 'federated-credential-1.json', 'federated-credential-2.json']);
    for (const file of files) {
      const validate = file.path === 'custom-role.json' ? role : credential;
      expect(validate(JSON.parse(file.content)), `${file.path}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    expect(JSON.parse(files[0]?.content ?? '{}')).toMatchObject({ Actions: ['microsoft.keyvault/vaults/write', 'microsoft.network/virtualnetworks/write', 'microsoft.compute/snapshots/delete', 'microsoft.compute/snapshots/read', 'microsoft.keyvault/vaults/read', 'microsoft.network/virtualnetworks/read', 'microsoft.resources/subscriptions/resourcegroups/read'], AssignableScopes: [SHARED, NONPROD] });
    // The schemas do reject what Azure would: a name with a space, two audiences, a scope that is no scope.
    expect(credential({ name: 'has space', issuer: 'i', subject: 's', audiences: ['a'] })).toBe(false);
    expect(credential({ name: 'ok-name', issuer: 'i', subject: 's', audiences: ['a', 'b'] })).toBe(false);
    expect(role({ ...JSON.parse(files[0]?.content ?? '{}'), AssignableScopes: ['/subscriptions/x/resourcegroups'] })).toBe(false);
  });

  it('the az CLI script is valid bash', () => {
    for (const [name, target] of Object.entries(targets)) {
      const [script] = azCliArtifact({ plan: planWith(target), account: "o'brien@contoso.example", tenantId: null });
      const path = join(scratch, `${name}.sh`);
      writeFileSync(path, script?.content ?? '');
      expect(() => execFileSync('bash', ['-n', path]), name).not.toThrow();
      expect(script?.content).toContain("--role 'svc-terraform workload'");
    }
  });
});
