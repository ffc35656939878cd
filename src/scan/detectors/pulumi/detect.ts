import { isMap } from 'yaml';
import type { ParsedFile, SourceFile } from '../../core/detector.js';
import { createFinding, ruleById } from '../../core/finding.js';
import { isGuid } from '../../core/identity-ref.js';
import { isFalseLike } from '../../../catalog/credential-env-vars.js';
import type { IdentityRef, ScanFinding } from '../../../model/scan-finding.js';
import { scalarText, valueOf, yamlDocuments, yamlPosition } from '../../detector-kit/yaml-nodes.js';
import { PULUMI_RULES } from './rules.js';

/** The Azure providers' config namespaces: azure-native, the classic azure provider, azuread. */
const NAMESPACES = ['azure-native', 'azure', 'azuread'];

/** Keys that choose the sign-in, in the providers' order (certificate, secret, OIDC, MSI). */
const AUTH_KEYS: readonly { rule: string; keys: readonly string[]; flags: readonly string[] }[] = [
  { rule: 'pulumi/client-certificate', keys: ['clientCertificatePath'], flags: [] },
  { rule: 'pulumi/client-secret', keys: ['clientSecret'], flags: [] },
  { rule: 'pulumi/oidc', keys: ['useOidc', 'oidcToken', 'oidcTokenFilePath', 'oidcRequestToken'], flags: ['useOidc'] },
  { rule: 'pulumi/managed-identity', keys: ['useMsi', 'msiEndpoint'], flags: ['useMsi'] },
];

/** How each Azure provider of a Pulumi stack (`Pulumi.<stack>.yaml` `config:`) signs in. */
export function detectPulumi(file: SourceFile, parsed: ParsedFile): ScanFinding[] {
  const findings: ScanFinding[] = [];
  for (const document of yamlDocuments(file, parsed)) {
    const config = valueOf(document.contents, 'config');
    if (!isMap(config)) continue;
    for (const namespace of NAMESPACES) {
      const entries = new Map<string, { value: unknown; key: unknown }>();
      for (const pair of config.items) {
        const key = scalarText(pair.key);
        if (key?.startsWith(`${namespace}:`)) entries.set(key.slice(namespace.length + 1), { value: pair.value, key: pair.key });
      }
      if (entries.size === 0) continue;
      const finding = classify(file, namespace, entries);
      if (finding) findings.push(finding);
    }
  }
  return findings;
}

function classify(file: SourceFile, namespace: string, entries: ReadonlyMap<string, { value: unknown; key: unknown }>): ScanFinding | null {
  const identity = clientIdOf(entries.get('clientId')?.value);
  for (const choice of AUTH_KEYS) {
    for (const key of choice.keys) {
      const entry = entries.get(key);
      if (!entry) continue;
      const text = scalarText(entry.value);
      if (choice.flags.includes(key) && text !== null && isFalseLike(text)) continue;
      const at = yamlPosition(file.text, entry.key);
      if (!at) continue;
      const rule = ruleById(PULUMI_RULES, choice.rule);
      return createFinding(rule, 'pulumi', file, at, identity, `${namespace}:${key} set. ${rule.summary}`);
    }
  }
  const useCli = scalarText(entries.get('useCli')?.value);
  if (useCli !== null && isFalseLike(useCli)) return null;
  const first = entries.values().next().value;
  const at = first ? yamlPosition(file.text, first.key) : null;
  if (!at) return null;
  const rule = ruleById(PULUMI_RULES, 'pulumi/azure-cli-default');
  return createFinding(rule, 'pulumi', file, at, identity, `${namespace}: ${rule.summary}`);
}

function clientIdOf(node: unknown): IdentityRef | null {
  const text = scalarText(node);
  return text !== null && isGuid(text) ? { kind: 'client-id', value: text.toLowerCase() } : null;
}
