import type { Node } from 'web-tree-sitter';
import { describe, expect, it } from 'vitest';
import type { IdentityAnalysis } from '../../model/analysis.js';
import { parse } from '../../scan/core/tree-sitter.js';
import { buildTestkit } from './build-testkit.js';
import { armPolicyAssignmentSchema, graphConditionalAccessPolicySchema } from './microsoft-schemas.js';
import { selectKitAccounts } from './select-accounts.js';
import { parseTestScope } from './test-scope.js';

function identity(overrides: Partial<IdentityAnalysis>): IdentityAnalysis {
  return {
    id: 'x', upn: null, displayName: 'x', kind: 'user', class: 'human', confidence: 0.9, evidence: [], verdict: 'not-affected', breaksOn: null, phase: null,
    reasons: [], automation: [], recommendation: { action: 'none', why: '' }, owner: null, exception: null, retirement: null, ...overrides,
  };
}

const IDENTITIES = [
  identity({ id: '0a000000-0000-4000-8000-000000000001', upn: 'svc-deploy@contoso.example', class: 'service-account', verdict: 'breaks', breaksOn: '2026-12-15' }),
  identity({ id: '0a000000-0000-4000-8000-000000000002', upn: 'svc-legacy@contoso.example', class: 'service-account', verdict: 'broken' }),
  identity({ id: '0a000000-0000-4000-8000-000000000003', upn: 'anna`\u001b[2J@contoso.example', verdict: 'at-risk' }),
  identity({ id: '0a000000-0000-4000-8000-000000000004', upn: 'ben@contoso.example', verdict: 'ready' }),
  identity({ id: '0a000000-0000-4000-8000-000000000005', upn: 'breakglass-01@contoso.example', class: 'break-glass', verdict: 'broken' }),
  identity({ id: '0a000000-0000-4000-8000-000000000006', upn: 'emergency@contoso.example', class: 'service-account', verdict: 'breaks', breaksOn: '2026-12-15' }),
  identity({ id: 'ghost@contoso.example', upn: 'ghost@contoso.example', class: 'service-account', verdict: 'breaks', breaksOn: '2026-12-15' }),
  identity({ id: '0b000000-0000-4000-8000-000000000007', upn: null, kind: 'servicePrincipal', class: 'workload-identity', verdict: 'breaks' }),
];
const SUBSCRIPTION = '/subscriptions/11111111-2222-4333-8444-555555555555';

function kit(scope = SUBSCRIPTION): Map<string, string> {
  const accounts = selectKitAccounts(IDENTITIES, ['Emergency@contoso.example', 'missing@contoso.example']);
  return new Map(buildTestkit(accounts, parseTestScope(scope)).map((file) => [file.name, file.content]));
}

function hasError(node: Node): boolean {
  return node.type === 'ERROR' || node.isMissing || node.children.some((child) => child !== null && hasError(child));
}

describe('the test kit', () => {
  it('targets exactly the users at risk, excluding break-glass accounts (by class and by unattended.yaml)', () => {
    const accounts = selectKitAccounts(IDENTITIES, ['Emergency@contoso.example', 'missing@contoso.example']);
    expect(accounts.targets.map((entry) => entry.upn)).toEqual(['svc-deploy@contoso.example', 'svc-legacy@contoso.example', 'anna`\u001b[2J@contoso.example']);
    expect(accounts.breakGlass.map((entry) => entry.upn)).toEqual(['breakglass-01@contoso.example', 'emergency@contoso.example']);
    expect(accounts.withoutObjectId.map((entry) => entry.upn)).toEqual(['ghost@contoso.example']);
    expect(accounts.breakGlassUnmatched).toEqual(['missing@contoso.example']);
  });

  it('writes a report-only CA policy on the Azure management app in Graph\'s documented shape', () => {
    const policy = graphConditionalAccessPolicySchema.parse(JSON.parse(kit().get('ca-report-only-policy.json') ?? ''));
    expect(policy.state).toBe('enabledForReportingButNotEnforced');
    expect(policy.conditions.users.includeUsers).toEqual(['0a000000-0000-4000-8000-000000000001', '0a000000-0000-4000-8000-000000000002', '0a000000-0000-4000-8000-000000000003']);
    expect(policy.conditions.users.excludeUsers).toEqual(['0a000000-0000-4000-8000-000000000005', '0a000000-0000-4000-8000-000000000006']);
    expect(policy.conditions.applications.includeApplications).toEqual(['797f4846-ba00-4fd7-ba43-dac1f8f63013']);
    expect(policy.grantControls).toEqual({ operator: 'OR', builtInControls: ['mfa'] });
  });

  it('rejects what Graph would: a misspelt property, an unknown state', () => {
    const policy: unknown = JSON.parse(kit().get('ca-report-only-policy.json') ?? '');
    expect(graphConditionalAccessPolicySchema.safeParse({ ...Object(policy), state: 'reportOnly' }).success).toBe(false);
    expect(graphConditionalAccessPolicySchema.safeParse({ ...Object(policy), grantControl: {} }).success).toBe(false);
  });

  it('writes the Audit-mode assignment of the built-in MFA definition in ARM\'s documented shape', () => {
    const assignment = armPolicyAssignmentSchema.parse(JSON.parse(kit().get('policy-assignment.json') ?? ''));
    expect(assignment.properties.policyDefinitionId).toBe('/providers/Microsoft.Authorization/policyDefinitions/4e6c27d5-a6ee-49cf-b2b4-d8fe90fa2b8b');
    expect([assignment.name, assignment.properties.enforcementMode, assignment.properties.parameters]).toEqual(['unattended-mfa-audit', 'Default', { effect: { value: 'Audit' } }]);
  });

  it('writes Terraform that the HCL parser reads without error, for a subscription and for a resource group', async () => {
    for (const [scope, resource, attribute] of [
      [SUBSCRIPTION, 'azurerm_subscription_policy_assignment', 'subscription_id'],
      [`${SUBSCRIPTION}/resourceGroups/rg-test.(1)`, 'azurerm_resource_group_policy_assignment', 'resource_group_id'],
    ] as const) {
      const tree = await parse('terraform', kit(scope).get('policy-assignment.tf') ?? '');
      try {
        expect(hasError(tree.rootNode)).toBe(false);
        const block = tree.rootNode.descendantsOfType('block')[0];
        expect(block?.namedChildren.filter((child) => child?.type === 'string_lit').map((child) => child?.text)).toEqual([`"${resource}"`, '"mfa_audit"']);
        const attributes = block?.descendantsOfType('attribute').map((node) => node?.namedChildren[0]?.text);
        expect(attributes).toEqual(['name', attribute, 'policy_definition_id', 'display_name', 'description', 'enforce', 'parameters', 'content']);
      } finally {
        tree.delete();
      }
    }
  });

  it('writes the az commands, Bicep for the scope\'s level, and a runbook that escapes names from the logs', () => {
    const files = kit(`${SUBSCRIPTION}/resourceGroups/rg-test`);
    expect(files.get('az-commands.sh')).toContain("--policy '4e6c27d5-a6ee-49cf-b2b4-d8fe90fa2b8b' --scope '/subscriptions/11111111-2222-4333-8444-555555555555/resourceGroups/rg-test'");
    expect(files.get('policy-assignment.bicep')).toContain("targetScope = 'resourceGroup'\n");
    const runbook = files.get('RUNBOOK.md') ?? '';
    expect(runbook).toContain('## The 3 accounts under test\n\n- `svc-deploy@contoso.example` (service-account, breaks 2026-12-15), object id `0a000000-0000-4000-8000-000000000001`\n');
    expect(runbook).toContain('- `anna??[2J@contoso.example` (human, at-risk)');
    expect(runbook).toContain('add each by hand to `includeUsers` once you have it):\n\n- `ghost@contoso.example`');
    expect(runbook).toContain('not seen in the data (add their object ids to `excludeUsers`): `missing@contoso.example`');
    expect(runbook).not.toContain('\u001b');
  });

  it('takes a subscription or resource group id only', () => {
    expect(parseTestScope('/subscriptions/11111111-2222-4333-8444-555555555555/').id).toBe(SUBSCRIPTION);
    for (const bad of ['/subscriptions/not-a-guid', `${SUBSCRIPTION}/resourceGroups/rg'; rm -rf /`, `${SUBSCRIPTION}/resourceGroups/x/providers/y`, 'rg-test']) {
      expect(() => parseTestScope(bad)).toThrow(/is not a subscription or resource group id/u);
    }
  });
});
