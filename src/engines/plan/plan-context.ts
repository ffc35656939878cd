import { isMap, isSeq } from 'yaml';
import type { AuthMethod, IdentityRef } from '../../model/scan-finding.js';
import type { FederatedSubject, FederationPlatform } from '../../model/plan.js';
import { fileKey, type ObservedActionRow, type PlanStoreInputs } from '../../store/read-model/plan-inputs.js';
import type { CurrentAssignment } from './least-privilege/least-privilege.js';
import type { ObservedAction } from './least-privilege/custom-role.js';
import { azurePipelinesStepFacts } from './subjects/azure-pipelines-subjects.js';
import { credentialReferences, loginLines } from './subjects/credential-references.js';
import { azureDevOpsProjectOf, gitHubRepoOf, repoFactsFromGit, type RepoFacts } from './subjects/git-remotes.js';
import { gitHubJobFacts } from './subjects/github-actions-subjects.js';
import { kubernetesSubject } from './subjects/kubernetes-subjects.js';
import { field, parseYamlFile } from './subjects/yaml-at-line.js';

const AUTH_METHODS: readonly AuthMethod[] = ['user-password', 'user-interactive', 'ambient', 'service-connection', 'workload-secret', 'workload-certificate', 'managed-identity', 'workload-federation'];

/** One place in code, with what its file says about where it runs: the planner's view of a scan finding. */
export interface CodeFinding {
  root: string;
  file: string;
  line: number;
  authMethod: AuthMethod;
  ecosystem: string;
  identity: IdentityRef | null;
  platform: FederationPlatform | null;
  /** The federated credentials the job or step around it would need (CI and Kubernetes files). */
  subjects: FederatedSubject[];
  /** Folders the CI job runs its commands in, and whether it runs Terraform (its providers then sign in as it does). */
  workingDirectories: string[];
  runsTerraform: boolean;
  /** The service connection the step's task already names (Azure Pipelines). */
  connection: string | null;
  /** Secrets and variables the login takes its credential from. */
  secrets: string[];
}

export interface FederatedWorkload {
  principalId: string;
  name: string | null;
  issuer: string;
  subject: string;
  firstSignIn: string | null;
  lastSignIn: string | null;
}

/** Everything the planner needs besides an identity's features; the same for every identity of a run (cloned to workers). */
export interface PlanContext {
  observed: Map<string, ObservedAction[]>;
  assignments: Map<string, CurrentAssignment[]>;
  findingsByUpn: Map<string, CodeFinding[]>;
  findingsByClientId: Map<string, CodeFinding[]>;
  /** Terraform files whose provider signs in with whatever login precedes it (ambient): CI jobs that run them pass it on. */
  terraformAmbient: CodeFinding[];
  federated: FederatedWorkload[];
  /** Days the old account must stay quiet before it is ready to retire. */
  quietDays: number;
  /**
   * The observed actions are not read yet (analyze reads them last, and only for the few identities a plan
   * migrates): a plan that needs them throws ObservedActionsDeferred, and the identity is analysed again once they
   * are in `observed`.
   */
  observedDeferred?: boolean;
}

/** Thrown by a plan that needs an identity's observed actions while the context defers them (PlanContext.observedDeferred). */
export class ObservedActionsDeferred extends Error {
  constructor(readonly identityId: string) {
    super(`the plan for ${identityId} needs its observed actions, which are not read yet`);
    this.name = 'ObservedActionsDeferred';
  }
}

/** Observed action rows as the planner keeps them: by identity, in the rows' order. */
export function observedByIdentity(rows: readonly ObservedActionRow[]): Map<string, ObservedAction[]> {
  const observed = new Map<string, ObservedAction[]>();
  for (const row of rows) push(observed, row.identityId, { action: row.action, kind: kindOf(row.action), count: row.count, resources: row.resources, resourceIds: row.resourceIds, groupScopes: row.groupScopes });
  return observed;
}

export const DEFAULT_QUIET_DAYS = 7;

export function emptyPlanContext(quietDays = DEFAULT_QUIET_DAYS): PlanContext {
  return { observed: new Map(), assignments: new Map(), findingsByUpn: new Map(), findingsByClientId: new Map(), terraformAmbient: [], federated: [], quietDays };
}

function kindOf(action: string): ObservedAction['kind'] {
  if (action.endsWith('/delete')) return 'delete';
  if (action.endsWith('/action')) return 'action';
  if (action.endsWith('/read')) return 'read';
  return 'update';
}

/** Which CI or orchestration platform a YAML file belongs to, by its shape (not its path: workflows live anywhere). */
export function yamlPlatform(text: string): FederationPlatform | null {
  const yaml = parseYamlFile(text);
  const root = yaml?.document.contents;
  if (!isMap(root)) return null;
  if (isMap(field(root, 'jobs')) && field(root, 'on') !== null) return 'github-actions';
  if (field(root, 'apiVersion') !== null && field(root, 'kind') !== null) return 'kubernetes';
  if (isSeq(field(root, 'steps')) || isSeq(field(root, 'jobs')) || isSeq(field(root, 'stages')) || field(root, 'trigger') !== null || field(root, 'pool') !== null) return 'azure-pipelines';
  return null;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key) ?? [];
  list.push(value);
  map.set(key, list);
}

function identityRef(kind: string | null, value: string | null): IdentityRef | null {
  if (value === null) return null;
  if (kind === 'upn' || kind === 'client-id' || kind === 'secret-ref' || kind === 'env-var' || kind === 'connection') return { kind, value };
  return null;
}

/** Reads the files once: each finding gets the subjects and secrets its file gives, and the texts are dropped. */
export function buildPlanContext(inputs: PlanStoreInputs, quietDays = DEFAULT_QUIET_DAYS): PlanContext {
  const context = emptyPlanContext(quietDays);
  context.observed = observedByIdentity(inputs.observed);
  for (const row of inputs.assignments) push(context.assignments, row.principalId, { roleDefinitionId: row.roleDefinitionId, roleName: row.roleName, scope: row.scope });
  const repos = new Map<string, RepoFacts>();
  for (const [root, git] of inputs.git) repos.set(root, repoFactsFromGit(git.config, git.head));
  for (const row of inputs.findings) {
    const authMethod = AUTH_METHODS.find((method) => method === row.authMethod);
    if (!authMethod) continue;
    const identity = identityRef(row.identityKind, row.identityValue);
    const text = inputs.files.get(fileKey(row.root, row.file)) ?? null;
    const repo = repos.get(row.root) ?? null;
    const finding: CodeFinding = { root: row.root, file: row.file, line: row.line, authMethod, ecosystem: row.ecosystem, identity, platform: null, subjects: [], workingDirectories: [], runsTerraform: false, connection: null, secrets: [] };
    if (text !== null) {
      if (authMethod === 'user-password') finding.secrets = credentialReferences(loginLines(text, row.line));
      const platform = /\.ya?ml$/iu.test(row.file) ? yamlPlatform(text) : null;
      finding.platform = platform;
      if (platform === 'github-actions') {
        const facts = gitHubJobFacts(text, row.line, row.file, gitHubRepoOf(repo), repo?.headBranch ?? null);
        if (facts) Object.assign(finding, { subjects: facts.subjects, workingDirectories: facts.workingDirectories, runsTerraform: facts.runsTerraform });
      } else if (platform === 'azure-pipelines') {
        const account = identity?.kind === 'upn' ? identity.value.split('@')[0] ?? 'automation' : 'automation';
        const facts = azurePipelinesStepFacts(text, row.line, row.file, azureDevOpsProjectOf(repo), `sc-${account}`);
        if (facts) Object.assign(finding, { subjects: [facts.subject], connection: facts.connection });
      } else if (platform === 'kubernetes') {
        const subject = kubernetesSubject(text, row.line, row.file);
        if (subject) finding.subjects = [subject];
      }
    }
    if (identity?.kind === 'upn') push(context.findingsByUpn, identity.value.toLowerCase(), finding);
    else if (identity?.kind === 'client-id') push(context.findingsByClientId, identity.value.toLowerCase(), finding);
    if (row.ecosystem === 'terraform' && authMethod === 'ambient') context.terraformAmbient.push(finding);
  }
  context.federated = inputs.federated.map((row) => ({ ...row }));
  return context;
}
