import { isMap, isScalar } from 'yaml';
import type { FederatedSubject } from '../../../model/plan.js';
import { field, mapPairs, nodeHoldsLine, parseYamlFile, scalarText, seqItems, stringList, keyText } from './yaml-at-line.js';
import type { GitHubRepo } from './git-remotes.js';

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';

/** What the job around a line of a workflow tells: its subjects, where it runs commands, and whether it runs Terraform. */
export interface GitHubJobFacts {
  job: string;
  subjects: FederatedSubject[];
  workingDirectories: string[];
  runsTerraform: boolean;
}

/** Events whose runs carry the default branch's ref in their token. */
const DEFAULT_BRANCH_EVENTS = new Set(['schedule', 'workflow_dispatch', 'workflow_run', 'repository_dispatch', 'workflow_call']);
const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);

function events(on: unknown): Map<string, unknown> {
  const found = new Map<string, unknown>();
  if (isScalar(on)) found.set(String(on.value), null);
  for (const name of seqItems(on).map(scalarText)) if (name) found.set(name, null);
  for (const pair of mapPairs(on)) {
    const name = keyText(pair);
    if (name) found.set(name, pair.value);
  }
  return found;
}

function refSubjects(prefix: string, kind: 'heads' | 'tags', names: readonly string[], from: string): FederatedSubject[] {
  return names.map((name) =>
    name.includes('*')
      ? { issuer: GITHUB_ISSUER, subject: null, claimsMatchingExpression: `claims['sub'] matches '${prefix}:ref:refs/${kind}/${name}'`, from, unresolved: [] }
      : { issuer: GITHUB_ISSUER, subject: `${prefix}:ref:refs/${kind}/${name}`, claimsMatchingExpression: null, from, unresolved: [] },
  );
}

/**
 * The subjects of the OIDC tokens a job gets (GitHub's `sub` claim): `repo:O/R:environment:E` when the job names an
 * environment; otherwise `repo:O/R:pull_request` for pull requests and `repo:O/R:ref:refs/heads/B` (or tags) per
 * branch its triggers run on, scheduled and manual runs taking the default branch. Wildcard branches need a
 * flexible federated credential (a claims-matching expression). Null when the line is not in a job.
 */
export function gitHubJobFacts(text: string, line: number, file: string, repo: GitHubRepo | null, defaultBranch: string | null): GitHubJobFacts | null {
  const yaml = parseYamlFile(text);
  if (!yaml) return null;
  const root = yaml.document.contents;
  const jobPair = mapPairs(field(root, 'jobs')).find((pair) => isMap(pair.value) && nodeHoldsLine(yaml, pair.value, line));
  if (!jobPair || !isMap(jobPair.value)) return null;
  const job = jobPair.value;
  const jobName = keyText(jobPair) ?? 'job';
  const unresolved = repo ? [] : ['the repository (owner/name): no GitHub remote in the checkout'];
  const prefix = `repo:${repo ? `${repo.owner}/${repo.repo}` : '<owner>/<repo>'}`;
  const from = `${file}:${line} (job ${jobName})`;
  const environment = field(job, 'environment');
  const environmentName = scalarText(environment) ?? scalarText(field(environment, 'name'));
  let subjects: FederatedSubject[] = [];
  if (environmentName) {
    subjects = [{ issuer: GITHUB_ISSUER, subject: `${prefix}:environment:${environmentName}`, claimsMatchingExpression: null, from, unresolved }];
  } else {
    for (const [event, filter] of events(field(root, 'on'))) {
      if (PULL_REQUEST_EVENTS.has(event)) subjects.push({ issuer: GITHUB_ISSUER, subject: `${prefix}:pull_request`, claimsMatchingExpression: null, from, unresolved });
      else if (event === 'push') {
        const branches = stringList(field(filter, 'branches'));
        const tags = stringList(field(filter, 'tags'));
        if (branches.length === 0 && tags.length === 0) subjects.push(...refSubjects(prefix, 'heads', ['*'], from));
        subjects.push(...refSubjects(prefix, 'heads', branches, from), ...refSubjects(prefix, 'tags', tags, from));
      } else if (DEFAULT_BRANCH_EVENTS.has(event)) {
        const branch = defaultBranch ?? 'main';
        subjects.push(...refSubjects(prefix, 'heads', [branch], from).map((subject) => (defaultBranch ? subject : { ...subject, unresolved: [...subject.unresolved, 'the default branch (assumed main)'] })));
      }
    }
    subjects = subjects.map((subject) => ({ ...subject, unresolved: [...new Set([...unresolved, ...subject.unresolved])] }));
  }
  const seen = new Set<string>();
  subjects = subjects.filter((subject) => {
    const key = subject.subject ?? subject.claimsMatchingExpression ?? '';
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const steps = seqItems(field(job, 'steps'));
  const workingDirectories = new Set<string>();
  const defaultDirectory = scalarText(field(field(field(job, 'defaults'), 'run'), 'working-directory'));
  if (defaultDirectory) workingDirectories.add(defaultDirectory);
  for (const step of steps) {
    const directory = scalarText(field(step, 'working-directory'));
    if (directory) workingDirectories.add(directory);
  }
  const runsTerraform = steps.some((step) => /(^|\s|;|&&)terraform\s/u.test(scalarText(field(step, 'run')) ?? '') || (scalarText(field(step, 'uses')) ?? '').startsWith('hashicorp/setup-terraform'));
  return { job: jobName, subjects, workingDirectories: [...workingDirectories], runsTerraform };
}
