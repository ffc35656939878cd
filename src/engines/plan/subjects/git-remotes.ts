/**
 * Which repository a checkout is: the URLs of its git remotes (`.git/config`, read by the loader) and the branch its
 * HEAD names. A GitHub remote gives owner/repo for GitHub Actions subjects; an Azure Repos remote gives the Azure
 * DevOps organization and project for service-connection subjects.
 */
export interface RepoFacts {
  remotes: string[];
  /** The branch HEAD points at (`ref: refs/heads/main`), as the default branch; null when unknown. */
  headBranch: string | null;
}

export interface GitHubRepo {
  owner: string;
  repo: string;
}

export interface AzureDevOpsProject {
  organization: string;
  project: string;
}

const GITHUB = /^(?:https?:\/\/(?:[^@/]+@)?github\.com\/|(?:ssh:\/\/)?git@github\.com[:/])(?<owner>[\w.-]+)\/(?<repo>[\w.-]+?)(?:\.git)?\/?$/u;
const AZURE_DEVOPS_HTTPS = /^https:\/\/(?:[^@/]+@)?dev\.azure\.com\/(?<organization>[^/]+)\/(?<project>[^/]+)\/_git\/[^/]+\/?$/u;
const AZURE_DEVOPS_SSH = /^(?:ssh:\/\/)?git@ssh\.dev\.azure\.com[:/]v3\/(?<organization>[^/]+)\/(?<project>[^/]+)\/[^/]+$/u;
const VISUALSTUDIO = /^https:\/\/(?<organization>[\w-]+)\.visualstudio\.com\/(?:DefaultCollection\/)?(?<project>[^/]+)\/_git\/[^/]+\/?$/u;

export function gitHubRepoOf(facts: RepoFacts | null): GitHubRepo | null {
  for (const url of facts?.remotes ?? []) {
    const groups = GITHUB.exec(url.trim())?.groups;
    if (groups?.['owner'] && groups['repo']) return { owner: groups['owner'], repo: groups['repo'] };
  }
  return null;
}

export function azureDevOpsProjectOf(facts: RepoFacts | null): AzureDevOpsProject | null {
  for (const url of facts?.remotes ?? []) {
    const groups = AZURE_DEVOPS_HTTPS.exec(url.trim())?.groups ?? AZURE_DEVOPS_SSH.exec(url.trim())?.groups ?? VISUALSTUDIO.exec(url.trim())?.groups;
    if (groups?.['organization'] && groups['project']) return { organization: decodeURIComponent(groups['organization']), project: decodeURIComponent(groups['project']) };
  }
  return null;
}

/**
 * The remote URLs and HEAD branch from the text of `.git/config` and `.git/HEAD`. git's config format is INI-like:
 * `[remote "name"]` sections with `url = …` keys; only those are read.
 */
export function repoFactsFromGit(config: string, head: string | null): RepoFacts {
  const remotes: string[] = [];
  let inRemote = false;
  for (const raw of config.split(/\r?\n/u)) {
    const line = raw.trim();
    if (line.startsWith('[')) {
      inRemote = /^\[remote\s+"[^"]*"\]$/u.test(line);
      continue;
    }
    const key = /^url\s*=\s*(?<url>\S+)$/u.exec(line)?.groups?.['url'];
    if (inRemote && key) remotes.push(key);
  }
  const branch = head ? (/^ref:\s*refs\/heads\/(?<branch>\S+)\s*$/u.exec(head.trim())?.groups?.['branch'] ?? null) : null;
  return { remotes, headBranch: branch };
}
