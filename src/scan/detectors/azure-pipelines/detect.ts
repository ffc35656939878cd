import { isMap, isSeq, type Document, type Pair } from 'yaml';
import { MFA_IMPACT_OF, type IdentityRef, type ScanFinding } from '../../../model/scan-finding.js';
import type { DetectContext, ParsedFile, SourceFile } from '../../core/detector.js';
import { ciVariables, type CiVariable } from '../../core/ci-env.js';
import { createFinding, ruleById, type Point } from '../../core/finding.js';
import type { Language } from '../../core/languages.js';
import { GITHUB_EXPRESSION, PIPELINE_MACRO } from '../../core/placeholders.js';
import { embeddedScript, LineIndex, pairOf, scalarText, valueOf, yamlPoint } from '../../core/yaml-embedded.js';
import { matchEnvCredentials, setsTerraformCredential } from '../shell/env-credentials.js';
import { SHELL_RULES } from '../shell/rules.js';
import { isCompositeAction, isGithubWorkflow } from '../github-actions/workflow-shape.js';
import { AZURE_PIPELINES_RULES } from './rules.js';

export const AZURE_PIPELINES_ECOSYSTEM = 'azure-pipelines';

/** The env schemes a task's script can fill from its connection's variables, and the rule that says so. */
const HAND_OFFS: readonly { envRule: string; rule: string; from: 'idToken' | 'servicePrincipalKey' }[] = [
  { envRule: 'shell/env-arm-oidc', rule: 'azure-pipelines/terraform-federation-from-connection', from: 'idToken' },
  { envRule: 'shell/env-arm-client-secret', rule: 'azure-pipelines/terraform-secret-from-connection', from: 'servicePrincipalKey' },
];
const HAND_OFF_RULES: ReadonlySet<string> = new Set(HAND_OFFS.map((handOffRule) => handOffRule.rule));

function isHandOff(finding: ScanFinding): boolean {
  return HAND_OFF_RULES.has(finding.rule);
}

/**
 * What a task's script knows of its connection. AzureCLI@2 always sets `AZURESUBSCRIPTION_CLIENT_ID` /
 * `_TENANT_ID` / `_SERVICE_CONNECTION_ID`; with `addSpnToEnvironment: true` it also gives `servicePrincipalId`,
 * `servicePrincipalKey` and `idToken`.
 */
interface TaskConnection {
  name: string;
  addSpn: boolean;
  mentions: Readonly<Record<'idToken' | 'servicePrincipalKey', boolean>>;
}

/**
 * ARM_* credentials a task's script sets from its connection (`export`, `$env:`, `##vso[task.setvariable]`) are the
 * connection signing Terraform in: the env finding becomes a hand-off with the connection as its identity. The
 * value's source is known when ARM_CLIENT_ID came from `AZURESUBSCRIPTION_CLIENT_ID` or `$servicePrincipalId` (the env
 * finding's identity, followed through the script's variables), else from the script naming `idToken` /
 * `servicePrincipalKey` (which exist only with addSpnToEnvironment).
 */
function handOff(finding: ScanFinding, connection: TaskConnection): ScanFinding | null {
  const match = HAND_OFFS.find((candidate) => candidate.envRule === finding.rule);
  if (!match) return null;
  const clientFrom = finding.identity?.kind === 'env-var' ? finding.identity.value : null;
  const fromConnection = clientFrom === 'AZURESUBSCRIPTION_CLIENT_ID' || (connection.addSpn && (clientFrom === 'servicePrincipalId' || connection.mentions[match.from]));
  if (!fromConnection) return null;
  const rule = ruleById(AZURE_PIPELINES_RULES, match.rule);
  return {
    ...finding,
    ecosystem: AZURE_PIPELINES_ECOSYSTEM,
    rule: rule.id,
    authMethod: rule.authMethod,
    mfaImpact: MFA_IMPACT_OF[rule.authMethod],
    identity: { kind: 'connection', value: connection.name },
    message: `Terraform credentials set from the service connection ${connection.name}${clientFrom ? ` (ARM_CLIENT_ID from ${clientFrom})` : ''}: ${rule.summary}`,
    fix: rule.fix,
  };
}

/** Template expressions, macros and runtime expressions: Azure Pipelines substitutes them before the script runs. */
const EXPRESSIONS = [GITHUB_EXPRESSION, PIPELINE_MACRO, /\$\[[^\]]*\]/gu];
/** Task inputs naming an Azure Resource Manager service connection (inputs are case-insensitive). */
const CONNECTION_INPUTS = ['azureSubscription', 'connectedServiceNameARM', 'azureResourceManagerConnection', 'ConnectedServiceName', 'environmentServiceNameAzureRM', 'backendServiceArm'];
const STEP_SCRIPTS: readonly { key: string; language: Language }[] = [
  { key: 'script', language: 'bash' },
  { key: 'bash', language: 'bash' },
  { key: 'pwsh', language: 'powershell' },
  { key: 'powershell', language: 'powershell' },
];

interface TaskScript {
  node: unknown;
  language: Language;
}

/** The inline script of a task, by task name and its inputs. */
function taskScript(task: string, inputs: unknown): TaskScript | null {
  const input = (key: string): unknown => valueOf(inputs, key, true);
  if (task === 'azurecli') {
    const type = (scalarText(input('scriptType')) ?? 'bash').toLowerCase();
    const language: Language | null = type === 'bash' ? 'bash' : type === 'pscore' || type === 'ps' ? 'powershell' : null;
    return language ? { node: input('inlineScript'), language } : null;
  }
  if (task === 'azurepowershell') return { node: input('Inline') ?? input('inlineScript'), language: 'powershell' };
  if (task === 'bash' || task === 'cmdline' || task === 'shellscript') return { node: input('script'), language: 'bash' };
  if (task === 'powershell') return { node: input('script'), language: 'powershell' };
  return null;
}

/** Azure Pipelines YAML: service connections per task, inline scripts (bash, PowerShell), env and variables, resolved per job. */
export async function detectAzurePipelines(file: SourceFile, parsed: ParsedFile, context: DetectContext): Promise<ScanFinding[]> {
  if (parsed.kind !== 'yaml') return [];
  const index = new LineIndex(file.text);
  const findings: ScanFinding[] = [];
  for (const document of parsed.documents) {
    // A GitHub workflow or composite action kept outside .github/workflows/ is the github-actions detector's.
    if (isGithubWorkflow(document.contents) || isCompositeAction(document.contents)) continue;
    findings.push(...(await detectDocument(file, index, document, context)));
  }
  return findings;
}

async function detectDocument(file: SourceFile, index: LineIndex, document: Document.Parsed, context: DetectContext): Promise<ScanFinding[]> {
  const findings: ScanFinding[] = [];
  const seenEnv = new Set<string>();
  const hostLines = file.text.split('\n');
  const isServiceConnection = (finding: ScanFinding): boolean => finding.rule.startsWith('azure-pipelines/service-connection');

  const envFindings = (variables: readonly CiVariable[]): ScanFinding[] => {
    const out: ScanFinding[] = [];
    for (const match of matchEnvCredentials(variables)) {
      const key = `${match.rule}:${match.at.row}:${match.at.column}`;
      if (seenEnv.has(key)) continue;
      seenEnv.add(key);
      const rule = ruleById(SHELL_RULES, match.rule);
      out.push(createFinding(rule, AZURE_PIPELINES_ECOSYSTEM, file, match.at, match.identity, rule.summary));
    }
    return out;
  };

  const scan = async (node: unknown, language: Language): Promise<ScanFinding[]> => {
    const script = embeddedScript(file, index, node, language, EXPRESSIONS);
    return script ? context.scanEmbedded(script) : [];
  };

  const task = async (step: unknown, taskPair: Pair, stepEnv: readonly CiVariable[]): Promise<ScanFinding[]> => {
    const fullName = scalarText(taskPair.value) ?? '';
    const name = (fullName.split('@')[0] ?? '').toLowerCase().replace(/v\d+$/u, '');
    const inputs = valueOf(step, 'inputs');
    const script = taskScript(name, inputs);
    const scriptFindings = script ? await scan(script.node, script.language) : [];
    const connectionPair = CONNECTION_INPUTS.map((key) => pairOf(inputs, key, true)).find((pair) => pair !== null && scalarText(pair.value) !== null);
    const connection = connectionPair ? scalarText(connectionPair.value) : null;
    const terraformHasCredential = setsTerraformCredential(stepEnv.map((variable) => variable.name));
    const kept = scriptFindings.filter((finding) => !(terraformHasCredential && finding.rule === 'shell/terraform-ambient'));
    if (connection === null) return kept;
    const scriptText = script ? (scalarText(script.node) ?? '') : '';
    const federated = scalarText(valueOf(inputs, 'keepAzSessionActive', true)) === 'true' || /\bidToken\b/u.test(scriptText);
    const secret = /\bservicePrincipalKey\b/u.test(scriptText);
    const ruleId = secret ? 'azure-pipelines/service-connection-secret' : federated ? 'azure-pipelines/service-connection-federated' : 'azure-pipelines/service-connection';
    const identity: IdentityRef = { kind: 'connection', value: connection };
    const at: Point = yamlPoint(index, taskPair.key) ?? { row: 0, column: 0 };
    const login = createFinding(ruleById(AZURE_PIPELINES_RULES, ruleId), AZURE_PIPELINES_ECOSYSTEM, file, at, identity, `${fullName} signs in with the service connection ${connection}`);
    // The task's login lasts for the task only: its own script resolves to it, later steps do not.
    const scoped = [login, ...kept].sort((a, b) => a.line - b.line || a.column - b.column);
    const resolved = context.resolveAmbient ? context.resolveAmbient(scoped) : scoped;
    const taskConnection: TaskConnection = {
      name: connection,
      addSpn: scalarText(valueOf(inputs, 'addSpnToEnvironment', true)) === 'true',
      mentions: { idToken: /\bidToken\b/u.test(scriptText), servicePrincipalKey: secret },
    };
    return resolved.map((finding) => handOff(finding, taskConnection) ?? finding);
  };

  const steps = async (list: unknown, inherited: readonly CiVariable[]): Promise<void> => {
    if (!isSeq(list)) return;
    const jobFindings: ScanFinding[] = [...envFindings(inherited)];
    for (const step of list.items) {
      if (!isMap(step)) continue;
      const stepEnv = [...inherited, ...ciVariables(index, valueOf(step, 'env'))];
      jobFindings.push(...envFindings(stepEnv));
      const taskPair = pairOf(step, 'task');
      if (taskPair) {
        jobFindings.push(...(await task(step, taskPair, stepEnv)));
        continue;
      }
      const terraformHasCredential = setsTerraformCredential(stepEnv.map((variable) => variable.name));
      for (const { key, language } of STEP_SCRIPTS) {
        const body = valueOf(step, key);
        if (body === null) continue;
        const found = await scan(body, language);
        jobFindings.push(...found.filter((finding) => !(terraformHasCredential && finding.rule === 'shell/terraform-ambient')));
      }
    }
    const ordered = jobFindings.sort((a, b) => a.line - b.line || a.column - b.column);
    if (!context.resolveAmbient) {
      findings.push(...ordered);
      return;
    }
    // Terraform in a later step reads the ARM_* variables a hand-off set for the job with ##vso[task.setvariable];
    // an `export` lasts for its own step, where the script's Terraform already had its credentials.
    const lastsForJob = (finding: ScanFinding): boolean => isHandOff(finding) && (hostLines[finding.line - 1] ?? '').includes('##vso[task.setvariable');
    const terraform = ordered.filter((finding) => lastsForJob(finding) || finding.rule === 'shell/terraform-ambient');
    const resolvedTerraform = context.resolveAmbient(terraform, lastsForJob);
    const viaHandOff = new Map(terraform.map((finding, position) => [finding, resolvedTerraform[position] ?? finding]));
    const withTerraform = ordered.map((finding) => viaHandOff.get(finding) ?? finding);
    // Script steps of one job share the agent's Azure CLI / Az PowerShell caches; task service connections do not.
    findings.push(...context.resolveAmbient(withTerraform, (finding) => !isServiceConnection(finding) && !isHandOff(finding)));
  };

  const walk = async (node: unknown, inherited: readonly CiVariable[]): Promise<void> => {
    if (isSeq(node)) {
      for (const item of node.items) await walk(item, inherited);
      return;
    }
    if (!isMap(node)) return;
    const variables = [...inherited, ...ciVariables(index, valueOf(node, 'variables'))];
    for (const pair of node.items) {
      const key = scalarText(pair.key);
      if (key === 'steps') await steps(pair.value, variables);
      else if (key !== 'variables' && key !== 'env') await walk(pair.value, variables);
    }
  };

  await walk(document.contents, []);
  return findings;
}
