import { isMap, isSeq, type Document, type YAMLSeq } from 'yaml';
import type { IdentityRef, ScanFinding } from '../../../model/scan-finding.js';
import type { DetectContext, ParsedFile, RuleMeta, SourceFile } from '../../core/detector.js';
import { ciVariables, type CiVariable } from '../../core/ci-env.js';
import { createFinding, ruleById, type Point } from '../../core/finding.js';
import { clientIdentity, secretNameIdentity } from '../../core/identity-ref.js';
import type { Language } from '../../core/languages.js';
import { GITHUB_EXPRESSION } from '../../core/placeholders.js';
import { embeddedScript, LineIndex, pairOf, scalarText, valueOf, yamlPoint } from '../../core/yaml-embedded.js';
import { matchEnvCredentials, setsTerraformCredential } from '../shell/env-credentials.js';
import { SHELL_RULES } from '../shell/rules.js';
import { GITHUB_ACTIONS_RULES } from './rules.js';
import { isCompositeAction, isGithubWorkflow } from './workflow-shape.js';

export const GITHUB_ACTIONS_ECOSYSTEM = 'github-actions';

const AMBIENT_ACTIONS: Readonly<Record<string, { rule: string; script: Language | null }>> = {
  'azure/cli': { rule: 'github-actions/azure-cli-ambient', script: 'bash' },
  'azure/powershell': { rule: 'github-actions/azure-powershell-ambient', script: 'powershell' },
  'azure/arm-deploy': { rule: 'github-actions/arm-deploy-ambient', script: null },
};

/** The canonical place: a document there with a `jobs:` mapping is a workflow even without `on:` (a fragment under review). */
const WORKFLOWS_DIR = /(?:^|\/)\.github\/workflows\/[^/]+$/u;

function actionName(uses: string): string {
  return (uses.split('@')[0] ?? uses).toLowerCase();
}

function shellLanguage(shell: string | null, runsOn: string): Language | null {
  const name = (shell ?? '').trim().split(/\s+/u)[0]?.toLowerCase() ?? '';
  if (name === '') return /windows/iu.test(runsOn) ? 'powershell' : 'bash';
  if (name === 'bash' || name === 'sh') return 'bash';
  if (name === 'pwsh' || name === 'powershell') return 'powershell';
  return null;
}

/** `permissions:` grants id-token: write (`write-all` included). Null when the key is absent. */
function grantsIdToken(permissions: unknown): boolean | null {
  if (permissions === null) return null;
  const all = scalarText(permissions);
  if (all !== null) return all === 'write-all';
  return scalarText(valueOf(permissions, 'id-token')) === 'write';
}

type Make = (rule: RuleMeta, point: Point, identity: IdentityRef | null, message: string) => ScanFinding;

/**
 * Whether azure/login can get an OIDC token: known from the job's or workflow's `permissions:`, or `inherited`
 * in a composite action (the calling workflow's job grants it, or not).
 */
type IdTokenGrant = boolean | 'inherited';

interface StepScope {
  env: readonly CiVariable[];
  shell: string | null;
  runsOn: string;
  idToken: IdTokenGrant;
}

/** GitHub Actions workflows (wherever they live) and composite actions: azure/login by mode, ambient actions resolved per job, env credentials, `run:` scripts. */
export async function detectGithubActions(file: SourceFile, parsed: ParsedFile, context: DetectContext): Promise<ScanFinding[]> {
  if (parsed.kind !== 'yaml') return [];
  const index = new LineIndex(file.text);
  const findings: ScanFinding[] = [];
  for (const document of parsed.documents) {
    const root = document.contents;
    if (isGithubWorkflow(root) || (WORKFLOWS_DIR.test(file.path) && isMap(valueOf(root, 'jobs')))) findings.push(...(await detectWorkflow(file, index, document, context)));
    else if (isCompositeAction(root)) findings.push(...(await detectCompositeAction(file, index, document, context)));
  }
  return findings;
}

/** Reports each credential scheme a scope's variables switch on once, however many steps inherit the scope. */
function envReporter(make: Make): (variables: readonly CiVariable[]) => ScanFinding[] {
  const seen = new Set<string>();
  return (variables) => {
    const out: ScanFinding[] = [];
    for (const match of matchEnvCredentials(variables)) {
      const key = `${match.rule}:${match.at.row}:${match.at.column}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const rule = ruleById(SHELL_RULES, match.rule);
      out.push(make(rule, match.at, match.identity, rule.summary));
    }
    return out;
  };
}

function finish(findings: ScanFinding[], context: DetectContext): ScanFinding[] {
  const ordered = findings.sort((a, b) => a.line - b.line || a.column - b.column);
  return context.resolveAmbient ? context.resolveAmbient(ordered) : ordered;
}

async function detectWorkflow(file: SourceFile, index: LineIndex, document: Document.Parsed, context: DetectContext): Promise<ScanFinding[]> {
  const root = document.contents;
  const jobs = valueOf(root, 'jobs');
  if (!isMap(jobs)) return [];
  const findings: ScanFinding[] = [];
  const make: Make = (rule, point, identity, message) => createFinding(rule, GITHUB_ACTIONS_ECOSYSTEM, file, point, identity, message);
  const envFindings = envReporter(make);
  const workflowEnv = ciVariables(index, valueOf(root, 'env'));
  const workflowShell = scalarText(valueOf(valueOf(valueOf(root, 'defaults'), 'run'), 'shell'));
  const workflowIdToken = grantsIdToken(valueOf(root, 'permissions'));

  for (const jobPair of jobs.items) {
    const job = jobPair.value;
    if (!isMap(job)) continue;
    const jobEnv = [...workflowEnv, ...ciVariables(index, valueOf(job, 'env'))];
    const scope: StepScope = {
      env: jobEnv,
      runsOn: scalarText(valueOf(job, 'runs-on')) ?? '',
      shell: scalarText(valueOf(valueOf(valueOf(job, 'defaults'), 'run'), 'shell')) ?? workflowShell,
      idToken: grantsIdToken(valueOf(job, 'permissions')) ?? workflowIdToken ?? false,
    };
    const jobFindings: ScanFinding[] = [...envFindings(jobEnv)];
    const steps = valueOf(job, 'steps');
    if (isSeq(steps)) jobFindings.push(...(await scanSteps(file, index, steps, scope, make, envFindings, context)));
    // A login in one job does not carry over to another: each job is resolved on its own.
    findings.push(...finish(jobFindings, context));
  }
  return findings;
}

/** A composite action's steps run inside the caller's job: resolved among themselves, `shell:` given per step. */
async function detectCompositeAction(file: SourceFile, index: LineIndex, document: Document.Parsed, context: DetectContext): Promise<ScanFinding[]> {
  const steps = valueOf(valueOf(document.contents, 'runs'), 'steps');
  if (!isSeq(steps)) return [];
  const make: Make = (rule, point, identity, message) => createFinding(rule, GITHUB_ACTIONS_ECOSYSTEM, file, point, identity, message);
  const scope: StepScope = { env: [], runsOn: '', shell: null, idToken: 'inherited' };
  return finish(await scanSteps(file, index, steps, scope, make, envReporter(make), context), context);
}

async function scanSteps(
  file: SourceFile,
  index: LineIndex,
  steps: YAMLSeq,
  scope: StepScope,
  make: Make,
  envFindings: (variables: readonly CiVariable[]) => ScanFinding[],
  context: DetectContext,
): Promise<ScanFinding[]> {
  const found: ScanFinding[] = [];
  const at = (node: unknown): Point => yamlPoint(index, node) ?? { row: 0, column: 0 };
  for (const step of steps.items) {
    if (!isMap(step)) continue;
    const stepEnv = [...scope.env, ...ciVariables(index, valueOf(step, 'env'))];
    found.push(...envFindings(stepEnv));
    const terraformHasCredential = setsTerraformCredential(stepEnv.map((variable) => variable.name));
    const usesPair = pairOf(step, 'uses');
    const uses = scalarText(usesPair?.value);
    const withMap = valueOf(step, 'with');
    const stepFindings: ScanFinding[] = [];
    if (uses && usesPair) {
      const action = actionName(uses);
      const point = at(usesPair.key);
      if (action === 'azure/login') stepFindings.push(azureLogin(withMap, scope.idToken, point, make));
      const ambient = AMBIENT_ACTIONS[action];
      if (ambient) {
        stepFindings.push(make(ruleById(GITHUB_ACTIONS_RULES, ambient.rule), point, null, `${action} uses the login made earlier in the job`));
        const script = ambient.script ? embeddedScript(file, index, valueOf(withMap, 'inlineScript'), ambient.script, [GITHUB_EXPRESSION]) : null;
        if (script) stepFindings.push(...(await context.scanEmbedded(script)));
      }
    }
    const run = valueOf(step, 'run');
    if (run !== null) {
      const language = shellLanguage(scalarText(valueOf(step, 'shell')) ?? scope.shell, scope.runsOn);
      const script = language ? embeddedScript(file, index, run, language, [GITHUB_EXPRESSION]) : null;
      if (script) stepFindings.push(...(await context.scanEmbedded(script)));
    }
    found.push(...stepFindings.filter((finding) => !(terraformHasCredential && finding.rule === 'shell/terraform-ambient')));
  }
  return found;
}

function azureLogin(withMap: unknown, idToken: IdTokenGrant, point: Point, make: Make): ScanFinding {
  const creds = scalarText(valueOf(withMap, 'creds'));
  const clientId = scalarText(valueOf(withMap, 'client-id'));
  const authType = scalarText(valueOf(withMap, 'auth-type'))?.toUpperCase() ?? 'SERVICE_PRINCIPAL';
  if (authType === 'IDENTITY') {
    return make(ruleById(GITHUB_ACTIONS_RULES, 'github-actions/azure-login-managed-identity'), point, clientId ? clientIdentity(clientId) : null, 'azure/login signs in with the runner\'s managed identity');
  }
  if (creds !== null) {
    return make(ruleById(GITHUB_ACTIONS_RULES, 'github-actions/azure-login-client-secret'), point, secretNameIdentity(creds), 'azure/login signs in with a service principal secret from creds:');
  }
  const identity = clientId ? clientIdentity(clientId) : null;
  if (idToken === false) {
    return make(ruleById(GITHUB_ACTIONS_RULES, 'github-actions/azure-login-oidc-missing-id-token'), point, identity, 'azure/login uses OIDC but the job cannot request an ID token (no permissions: id-token: write): the login fails');
  }
  const message = idToken === 'inherited'
    ? 'azure/login signs in with workload identity federation (OIDC); the calling workflow\'s job must grant id-token: write'
    : 'azure/login signs in with workload identity federation (OIDC)';
  return make(ruleById(GITHUB_ACTIONS_RULES, 'github-actions/azure-login-oidc'), point, identity, message);
}
