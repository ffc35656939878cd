import { ARM_RESOURCE_ID, MFA_POLICY_DEFINITIONS } from '../../catalog/enforcement.js';
import { SOURCES } from '../../catalog/sources.js';
import { armPolicyAssignmentSchema, graphConditionalAccessPolicySchema } from './microsoft-schemas.js';
import type { KitAccount, KitAccounts } from './select-accounts.js';
import type { TestScope } from './test-scope.js';

/**
 * The test kit's files: a report-only Conditional Access policy requiring MFA on the Azure management app for exactly
 * the accounts at risk (break-glass excluded), and an Audit-mode assignment of the built-in "Users must authenticate
 * with multi-factor authentication to create or update resources" definition on a test scope, as ARM JSON, an
 * `az policy assignment create` command, Bicep and Terraform; then a runbook. Each JSON is checked against Microsoft's
 * documented shape before it is written. Everything here is a pure function of the analysis and the scope.
 */

export const ASSIGNMENT_NAME = 'unattended-mfa-audit';
const POLICY_API_VERSION = '2024-04-01';
const GRAPH_POLICIES_URL = 'https://graph.microsoft.com/v1.0/identity/conditionalAccess/policies';
const CA_DISPLAY_NAME = 'unattended test kit: require MFA on Azure management for the accounts at risk (report-only)';
const ASSIGNMENT_DISPLAY_NAME = 'unattended test kit: MFA for resource writes (Audit)';
const ASSIGNMENT_DESCRIPTION = 'Audits create and update requests whose token has no MFA, so the Activity log shows which callers mandatory MFA phase 2 will refuse. Assigned by the unattended test kit on a test scope.';
const NON_COMPLIANCE = 'This write was made without MFA: mandatory MFA for Azure Resource Manager will refuse it. Move the caller to a workload identity.';

export interface KitFile {
  name: string;
  content: string;
}

function createUpdateDefinition(): { id: string; name: string } {
  const definition = MFA_POLICY_DEFINITIONS.find((entry) => entry.covers === 'create-update');
  if (!definition) throw new Error('the catalog has no MFA policy definition for create and update');
  return definition;
}

function definitionId(): string {
  return `/providers/Microsoft.Authorization/policyDefinitions/${createUpdateDefinition().id}`;
}

export function caPolicy(accounts: KitAccounts): unknown {
  return graphConditionalAccessPolicySchema.parse({
    displayName: CA_DISPLAY_NAME,
    state: 'enabledForReportingButNotEnforced',
    conditions: {
      users: { includeUsers: accounts.targets.length > 0 ? accounts.targets.map((entry) => entry.id) : ['None'], excludeUsers: accounts.breakGlass.map((entry) => entry.id).filter((id) => /^[0-9a-f-]{36}$/iu.test(id)), includeGroups: [], excludeGroups: [], includeRoles: [], excludeRoles: [] },
      applications: { includeApplications: [ARM_RESOURCE_ID], excludeApplications: [], includeUserActions: [] },
      clientAppTypes: ['all'],
    },
    grantControls: { operator: 'OR', builtInControls: ['mfa'] },
  });
}

export function policyAssignment(): unknown {
  return armPolicyAssignmentSchema.parse({
    type: 'Microsoft.Authorization/policyAssignments',
    apiVersion: POLICY_API_VERSION,
    name: ASSIGNMENT_NAME,
    properties: {
      displayName: ASSIGNMENT_DISPLAY_NAME,
      description: ASSIGNMENT_DESCRIPTION,
      policyDefinitionId: definitionId(),
      enforcementMode: 'Default',
      parameters: { effect: { value: 'Audit' } },
      nonComplianceMessages: [{ message: NON_COMPLIANCE }],
    },
  });
}

/** One POSIX shell word: single quotes, with any single quote closed, escaped and reopened. */
function shellWord(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

export function azCommands(scope: TestScope): string {
  return [
    '#!/bin/sh',
    '# The unattended test kit, step by step (see RUNBOOK.md). Review each file before running.',
    'set -eu',
    '',
    '# 1. The report-only Conditional Access policy (needs Policy.ReadWrite.ConditionalAccess).',
    `az rest --method POST --url ${shellWord(GRAPH_POLICIES_URL)} --headers 'Content-Type=application/json' --body @ca-report-only-policy.json`,
    '',
    '# 2. The Azure Policy assignment in Audit mode on the test scope.',
    `az policy assignment create --name ${shellWord(ASSIGNMENT_NAME)} --display-name ${shellWord(ASSIGNMENT_DISPLAY_NAME)} \\`,
    `  --policy ${shellWord(createUpdateDefinition().id)} --scope ${shellWord(scope.id)} \\`,
    `  --params ${shellWord('{"effect":{"value":"Audit"}}')} --enforcement-mode Default`,
    '',
  ].join('\n');
}

function bicepString(text: string): string {
  return `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'").replaceAll('${', '\\${')}'`;
}

export function bicep(scope: TestScope): string {
  return [
    `// Deploy with: az deployment ${scope.kind === 'subscription' ? `sub create --location <region> --subscription ${scope.subscription}` : `group create --subscription ${scope.subscription} --resource-group ${scope.resourceGroup}`} --template-file policy-assignment.bicep`,
    `targetScope = '${scope.kind}'`,
    '',
    `resource mfaAudit 'Microsoft.Authorization/policyAssignments@${POLICY_API_VERSION}' = {`,
    `  name: ${bicepString(ASSIGNMENT_NAME)}`,
    '  properties: {',
    `    displayName: ${bicepString(ASSIGNMENT_DISPLAY_NAME)}`,
    `    description: ${bicepString(ASSIGNMENT_DESCRIPTION)}`,
    `    policyDefinitionId: ${bicepString(definitionId())}`,
    "    enforcementMode: 'Default'",
    '    parameters: {',
    '      effect: {',
    "        value: 'Audit'",
    '      }',
    '    }',
    '    nonComplianceMessages: [',
    '      {',
    `        message: ${bicepString(NON_COMPLIANCE)}`,
    '      }',
    '    ]',
    '  }',
    '}',
    '',
  ].join('\n');
}

function hclString(text: string): string {
  return JSON.stringify(text).replaceAll('${', '$${').replaceAll('%{', '%%{');
}

export function terraform(scope: TestScope): string {
  const resource = scope.kind === 'subscription' ? 'azurerm_subscription_policy_assignment' : 'azurerm_resource_group_policy_assignment';
  const scopeAttribute = scope.kind === 'subscription' ? 'subscription_id     ' : 'resource_group_id   ';
  return [
    `# ${SOURCES.terraformPolicyAssignment}`,
    `resource "${resource}" "mfa_audit" {`,
    `  name                 = ${hclString(ASSIGNMENT_NAME)}`,
    `  ${scopeAttribute} = ${hclString(scope.id)}`,
    `  policy_definition_id = ${hclString(definitionId())}`,
    `  display_name         = ${hclString(ASSIGNMENT_DISPLAY_NAME)}`,
    `  description          = ${hclString(ASSIGNMENT_DESCRIPTION)}`,
    '  enforce              = true',
    '  parameters = jsonencode({',
    '    effect = { value = "Audit" }',
    '  })',
    '',
    '  non_compliance_message {',
    `    content = ${hclString(NON_COMPLIANCE)}`,
    '  }',
    '}',
    '',
  ].join('\n');
}

/** A value from the logs, inside a Markdown code span: no backtick, no control character, no line break. */
function code(text: string): string {
  return `\`${text.replace(/[`\u0000-\u001f\u007f-\u009f\u2028\u2029]/gu, '?')}\``;
}

function accountLine(entry: KitAccount): string {
  const when = entry.verdict === 'breaks' && entry.breaksOn !== null ? `breaks ${entry.breaksOn}` : entry.verdict;
  return `- ${code(entry.upn ?? entry.id)} (${entry.class}, ${when}), object id ${code(entry.id)}`;
}

export function runbook(accounts: KitAccounts, scope: TestScope): string {
  const lines = [
    '# unattended test kit: prove what mandatory MFA will break, in a controlled way',
    '',
    'Nothing here blocks anyone: the Conditional Access policy is report-only and the Azure Policy assignment audits.',
    'Both write down, for each sign-in and each write, what enforcement would have done.',
    '',
    `## The ${accounts.targets.length} accounts under test`,
    '',
    ...(accounts.targets.length > 0 ? accounts.targets.map(accountLine) : ['(none: analyze found no account at risk; the policy then includes no user)']),
    '',
  ];
  if (accounts.withoutObjectId.length > 0) {
    lines.push('Not in the policy: no object id in the data (add each by hand to `includeUsers` once you have it):', '', ...accounts.withoutObjectId.map(accountLine), '');
  }
  lines.push('Excluded (break-glass):', '', ...(accounts.breakGlass.length > 0 ? accounts.breakGlass.map(accountLine) : ['(none found: add your emergency-access accounts to `excludeUsers` before step 2)']), '');
  if (accounts.breakGlassUnmatched.length > 0) lines.push(`Break-glass entries of unattended.yaml not seen in the data (add their object ids to \`excludeUsers\`): ${accounts.breakGlassUnmatched.map(code).join(', ')}`, '');
  lines.push(
    '## Steps, in order',
    '',
    '1. Review `ca-report-only-policy.json` and `policy-assignment.json` (or `.bicep`, `.tf`).',
    `2. Create the report-only Conditional Access policy (Policy.ReadWrite.ConditionalAccess): \`az rest --method POST --url ${GRAPH_POLICIES_URL} --headers Content-Type=application/json --body @ca-report-only-policy.json\` (step 1 of \`az-commands.sh\`).`,
    `3. Assign the built-in "${createUpdateDefinition().name}" definition in Audit mode on the test scope ${code(scope.id)}: step 2 of \`az-commands.sh\`, or \`policy-assignment.bicep\`, or \`policy-assignment.tf\`. Use a test subscription or resource group: Audit blocks nothing, but keep the trial where you control it.`,
    '4. Let the automation run as usual for one to two weeks, so every scheduled job signs in and writes at least once.',
    '5. Export and import what they recorded:',
    '   - the sign-in logs (interactive and non-interactive): each sign-in of the accounts under test carries the policy\'s report-only result (`reportOnlyFailure` = would have been refused) in `appliedConditionalAccessPolicies`;',
    '   - the Activity log of the test scope: each write without MFA has a `Microsoft.Authorization/policies/audit/action` event naming the definition;',
    '   - then `unattended import <exports>` and `unattended analyze`: both are shown as proof in the reasons of each identity.',
    `6. Remove the trial: delete the Conditional Access policy (\`az rest --method DELETE --url ${GRAPH_POLICIES_URL}/<id>\`) and the assignment (\`az policy assignment delete --name ${ASSIGNMENT_NAME} --scope ${scope.id}\`).`,
    '',
    `Sources: ${SOURCES.caReportOnly}, ${SOURCES.azurePolicyMfa}, ${SOURCES.graphCreatePolicy}, ${SOURCES.policyAssignmentCli}.`,
    '',
  );
  return lines.join('\n');
}

export function buildTestkit(accounts: KitAccounts, scope: TestScope): KitFile[] {
  return [
    { name: 'ca-report-only-policy.json', content: `${JSON.stringify(caPolicy(accounts), null, 2)}\n` },
    { name: 'policy-assignment.json', content: `${JSON.stringify(policyAssignment(), null, 2)}\n` },
    { name: 'az-commands.sh', content: azCommands(scope) },
    { name: 'policy-assignment.bicep', content: bicep(scope) },
    { name: 'policy-assignment.tf', content: terraform(scope) },
    { name: 'RUNBOOK.md', content: runbook(accounts, scope) },
  ];
}
