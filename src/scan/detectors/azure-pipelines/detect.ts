import { isMap, isSeq, type Document, type Pair } from 'yaml';
import type { IdentityRef, ScanFinding } from '../../../model/scan-finding.js';
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
    return context.resolveAmbient ? context.resolveAmbient(scoped) : scoped;
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
    // Script steps of one job share the agent's Azure CLI / Az PowerShell caches; task service connections do not.
    findings.push(...(context.resolveAmbient ? context.resolveAmbient(ordered, (finding) => !isServiceConnection(finding)) : ordered));
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
