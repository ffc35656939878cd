import { isMap } from 'yaml';
import { field, mapPairs, nodeHoldsLine, parseYamlFile, scalarText, seqItems } from '../../subjects/yaml-at-line.js';
import { flagValue, indentOf, linesOf, words } from './line-edits.js';
import type { PatchInput } from './patch-input.js';

/**
 * A password login step of a GitHub workflow → `azure/login@v2` with OIDC (client-id, tenant-id, subscription-id),
 * the workflow's `permissions: id-token: write` (without it the login fails), and, when the job runs Terraform,
 * `ARM_USE_OIDC`/`ARM_CLIENT_ID`/`ARM_TENANT_ID` in the job's env for the azurerm provider.
 */
export function gitHubActionsOidcPatch(input: PatchInput): string | null {
  const yaml = parseYamlFile(input.text);
  if (!yaml) return null;
  const root = yaml.document.contents;
  const job = mapPairs(field(root, 'jobs')).map((pair) => pair.value).find((value) => isMap(value) && nodeHoldsLine(yaml, value, input.line));
  const step = seqItems(field(job, 'steps')).find((item) => isMap(item) && nodeHoldsLine(yaml, item, input.line));
  if (!isMap(step) || !step.range) return null;
  const { lines, eol } = linesOf(input.text);
  const first = yaml.lines.linePos(step.range[0]).line;
  let last = yaml.lines.linePos(Math.max(step.range[0], step.range[2] - 1)).line;
  while (last > first && (lines[last - 1] ?? '').trim() === '') last -= 1;
  const dashLine = lines[first - 1] ?? '';
  const dash = dashLine.indexOf('-');
  if (dash < 0) return null;
  const indent = ' '.repeat(dash);
  const run = scalarText(field(step, 'run')) ?? '';
  const tenant = flagValue(words(run), ['--tenant', '-t']) ?? input.tenantId ?? '${{ vars.AZURE_TENANT_ID }}';
  const subscription = scalarText(field(field(job, 'env'), 'ARM_SUBSCRIPTION_ID')) ?? scalarText(field(field(root, 'env'), 'ARM_SUBSCRIPTION_ID')) ?? '${{ vars.AZURE_SUBSCRIPTION_ID }}';
  const replacement = [
    `${indent}- name: Azure login (workload identity federation)`,
    `${indent}  uses: azure/login@v2`,
    `${indent}  with:`,
    `${indent}    client-id: \${{ vars.AZURE_CLIENT_ID }}`,
    `${indent}    tenant-id: ${tenant}`,
    `${indent}    subscription-id: ${subscription}`,
  ];
  lines.splice(first - 1, last - first + 1, ...replacement);
  // Edits above the step go last-first, so the line numbers read before stay right.
  const runsTerraform = seqItems(field(job, 'steps')).some((item) => /(^|\s)terraform\s/u.test(scalarText(field(item, 'run')) ?? ''));
  const env = field(job, 'env');
  if (runsTerraform && isMap(env) && env.range) {
    const envFirst = yaml.lines.linePos(env.range[0]).line;
    const envIndent = indentOf(lines[envFirst - 1] ?? '');
    lines.splice(envFirst - 1, 0, `${envIndent}ARM_USE_OIDC: true`, `${envIndent}ARM_CLIENT_ID: \${{ vars.AZURE_CLIENT_ID }}`, `${envIndent}ARM_TENANT_ID: ${tenant}`);
  }
  const permissions = field(root, 'permissions');
  if (permissions === null) {
    const jobsLine = lines.findIndex((line) => /^jobs:\s*$/u.test(line));
    if (jobsLine < 0) return null;
    lines.splice(jobsLine, 0, 'permissions:', '  id-token: write', '  contents: read', '');
  } else if (scalarText(field(permissions, 'id-token')) !== 'write') {
    const permissionsLine = lines.findIndex((line) => /^permissions:\s*$/u.test(line));
    if (permissionsLine < 0) return null;
    lines.splice(permissionsLine + 1, 0, '  id-token: write');
  }
  return lines.join(eol);
}
