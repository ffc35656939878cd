import { parseAllDocuments } from 'yaml';
import type { FederatedSubject } from '../../../model/plan.js';
import { field, scalarText } from './yaml-at-line.js';

export const AKS_ISSUER = '<the cluster OIDC issuer URL: az aks show --query oidcIssuerProfile.issuerUrl>';

/** The pod spec of a workload manifest: a Pod, a controller's template, or a CronJob's job template. */
function podSpec(manifest: unknown): unknown {
  const kind = scalarText(field(manifest, 'kind'));
  const spec = field(manifest, 'spec');
  if (kind === 'Pod') return spec;
  if (kind === 'CronJob') return field(field(field(field(spec, 'jobTemplate'), 'spec'), 'template'), 'spec');
  return field(field(spec, 'template'), 'spec');
}

/**
 * `system:serviceaccount:<namespace>:<service account>` of the manifest holding the line: its metadata.namespace
 * (else `default`) and its pod spec's serviceAccountName (else `default`, which should get its own account).
 */
export function kubernetesSubject(text: string, line: number, file: string): FederatedSubject | null {
  let offset = 0;
  const lineStarts = [0];
  for (const char of text) {
    offset += char.length;
    if (char === '\n') lineStarts.push(offset);
  }
  const at = lineStarts[line - 1] ?? -1;
  for (const document of parseAllDocuments(text, { keepSourceTokens: false })) {
    if (!('contents' in document) || !document.contents?.range) continue;
    const [start, , end] = document.contents.range;
    if (at < start || at > end) continue;
    const manifest = document.contents;
    const namespace = scalarText(field(field(manifest, 'metadata'), 'namespace'));
    const account = scalarText(field(podSpec(manifest), 'serviceAccountName'));
    const unresolved = ['the cluster\'s OIDC issuer URL'];
    if (!namespace) unresolved.push('the namespace (none in the manifest: default assumed)');
    if (!account) unresolved.push('a service account for the workload (it runs as default)');
    return { issuer: AKS_ISSUER, subject: `system:serviceaccount:${namespace ?? 'default'}:${account ?? 'default'}`, claimsMatchingExpression: null, from: `${file}:${line}`, unresolved };
  }
  return null;
}
