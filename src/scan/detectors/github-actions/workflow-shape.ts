import { isMap, isScalar, isSeq } from 'yaml';
import { scalarText, valueOf } from '../../core/yaml-embedded.js';

/**
 * What makes a YAML document a GitHub Actions workflow or a composite action, read from its content so that
 * workflow templates, samples, reusable workflows and `docs/` copies are recognised wherever they live.
 * Azure Pipelines (jobs as a list, no `on:`), Ansible (a list at the root), Kubernetes and compose files never match.
 */

/** The trigger key: `on` in YAML 1.2; a YAML 1.1 reader (a `%YAML 1.1` directive) turns the bare word into `true`. */
function hasTrigger(root: unknown): boolean {
  if (!isMap(root)) return false;
  return root.items.some((pair) => isScalar(pair.key) && (pair.key.value === 'on' || pair.key.value === true));
}

/** A job of a workflow: a mapping that runs steps on a runner, or calls a reusable workflow. */
function isJob(node: unknown): boolean {
  if (!isMap(node)) return false;
  return valueOf(node, 'runs-on') !== null || isSeq(valueOf(node, 'steps')) || scalarText(valueOf(node, 'uses')) !== null;
}

/** `on:` plus a `jobs:` mapping with at least one job that has `runs-on`, `steps` or `uses`. */
export function isGithubWorkflow(root: unknown): boolean {
  const jobs = valueOf(root, 'jobs');
  return hasTrigger(root) && isMap(jobs) && jobs.items.some((pair) => isJob(pair.value));
}

/** A composite action (`action.yml`): `runs:` with `using: composite` and a list of `steps`. */
export function isCompositeAction(root: unknown): boolean {
  const runs = valueOf(root, 'runs');
  return scalarText(valueOf(runs, 'using'))?.toLowerCase() === 'composite' && isSeq(valueOf(runs, 'steps'));
}
