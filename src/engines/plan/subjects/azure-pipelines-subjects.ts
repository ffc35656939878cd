import { isMap, type YAMLMap } from 'yaml';
import type { FederatedSubject } from '../../../model/plan.js';
import type { AzureDevOpsProject } from './git-remotes.js';
import { field, mapPairs, nodeHoldsLine, parseYamlFile, scalarText, seqItems, type YamlFile } from './yaml-at-line.js';

/** The issuer of Azure DevOps workload-identity service connections: the organization's GUID is not in any YAML. */
export const AZURE_DEVOPS_ISSUER = 'https://vstoken.dev.azure.com/<organization-id>';

/** Task inputs that name an Azure Resource Manager service connection. */
const CONNECTION_INPUTS = ['azureSubscription', 'azureResourceManagerConnection', 'connectedServiceNameARM', 'ConnectedServiceName', 'backendServiceArm', 'environmentServiceNameAzureRM'];

export interface AzurePipelinesStepFacts {
  /** The service connection the step's task names, or null (a plain script step). */
  connection: string | null;
  task: string | null;
  subject: FederatedSubject;
}

/** The step (a map in some `steps:` list, at any depth) holding the line. */
function stepAt(yaml: YamlFile, node: unknown, line: number): YAMLMap | null {
  for (const pair of mapPairs(node)) {
    if (!nodeHoldsLine(yaml, pair.value, line)) continue;
    if (pair.key !== null && scalarText(pair.key) === 'steps') {
      for (const step of seqItems(pair.value)) if (isMap(step) && nodeHoldsLine(yaml, step, line)) return step;
    }
    const found = stepAt(yaml, pair.value, line);
    if (found) return found;
  }
  for (const item of seqItems(node)) {
    const found = stepAt(yaml, item, line);
    if (found) return found;
  }
  return null;
}

/**
 * The subject of the workload-identity service connection that replaces a user login in a pipeline step:
 * `sc://<organization>/<project>/<connection>`. The connection is the one the step's task already names (converted
 * in place to workload identity federation, one click in the portal), or, for a plain script step, a new one named
 * after the account it replaces.
 */
export function azurePipelinesStepFacts(text: string, line: number, file: string, project: AzureDevOpsProject | null, newConnection: string): AzurePipelinesStepFacts | null {
  const yaml = parseYamlFile(text);
  if (!yaml) return null;
  const step = stepAt(yaml, yaml.document.contents, line);
  if (!step) return null;
  const inputs = field(step, 'inputs');
  const connection = CONNECTION_INPUTS.map((name) => scalarText(field(inputs, name))).find((value): value is string => value !== null) ?? null;
  const name = connection ?? newConnection;
  const unresolved = ['the organization id in the issuer (shown on the service connection once converted)'];
  if (!project) unresolved.push('the Azure DevOps organization and project: no Azure Repos remote in the checkout');
  if (!connection) unresolved.push(`the service connection: none on this step, "${newConnection}" proposed`);
  return {
    connection,
    task: scalarText(field(step, 'task')),
    subject: {
      issuer: AZURE_DEVOPS_ISSUER,
      subject: `sc://${project?.organization ?? '<organization>'}/${project?.project ?? '<project>'}/${name}`,
      claimsMatchingExpression: null,
      from: `${file}:${line}${connection ? ` (service connection ${connection})` : ''}`,
      unresolved,
    },
  };
}
