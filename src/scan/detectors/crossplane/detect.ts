import type { ParsedFile, SourceFile } from '../../core/detector.js';
import { createFinding, ruleById } from '../../core/finding.js';
import { isGuid } from '../../core/identity-ref.js';
import type { IdentityRef, ScanFinding } from '../../../model/scan-finding.js';
import { pairOf, scalarText, valueOf, yamlDocuments, yamlPosition } from '../../detector-kit/yaml-nodes.js';
import { CREDENTIAL_SOURCES, CROSSPLANE_RULES } from './rules.js';

/** Azure provider API groups: upbound's family (azure.upbound.io, azuread.upbound.io, …) and the classic crossplane-contrib one. */
const AZURE_API_GROUP = /^(?:azure|azuread)(?:\.m)?\.(?:upbound|crossplane)\.io\//u;

/** How each Azure ProviderConfig signs in (`spec.credentials.source`). */
export function detectCrossplane(file: SourceFile, parsed: ParsedFile): ScanFinding[] {
  const findings: ScanFinding[] = [];
  for (const document of yamlDocuments(file, parsed)) {
    const root = document.contents;
    const apiVersion = scalarText(valueOf(root, 'apiVersion'));
    const kind = scalarText(valueOf(root, 'kind'));
    if (apiVersion === null || !AZURE_API_GROUP.test(apiVersion) || (kind !== 'ProviderConfig' && kind !== 'ClusterProviderConfig')) continue;
    const spec = valueOf(root, 'spec');
    const credentials = valueOf(spec, 'credentials');
    const sourcePair = pairOf(credentials, 'source');
    const source = scalarText(sourcePair?.value);
    const ruleId = source === null ? undefined : CREDENTIAL_SOURCES[source];
    const at = yamlPosition(file.text, sourcePair);
    if (!ruleId || !at) continue;
    const rule = ruleById(CROSSPLANE_RULES, ruleId);
    findings.push(createFinding(rule, 'crossplane', file, at, identityOf(spec, credentials), `credentials.source: ${source}. ${rule.summary}`));
  }
  return findings;
}

function identityOf(spec: unknown, credentials: unknown): IdentityRef | null {
  const clientId = scalarText(valueOf(spec, 'clientID'));
  if (clientId !== null && isGuid(clientId)) return { kind: 'client-id', value: clientId.toLowerCase() };
  const secretRef = valueOf(credentials, 'secretRef');
  const name = scalarText(valueOf(secretRef, 'name'));
  if (name === null) return null;
  const namespace = scalarText(valueOf(secretRef, 'namespace'));
  return { kind: 'secret-ref', value: namespace === null ? name : `${namespace}/${name}` };
}
