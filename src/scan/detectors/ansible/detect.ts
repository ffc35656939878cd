import { isMap, isScalar, isSeq, Pair, Scalar, YAMLMap } from 'yaml';
import type { ParsedFile, SourceFile } from '../../core/detector.js';
import { createFinding, ruleById } from '../../core/finding.js';
import { isGuid, isUpn } from '../../core/identity-ref.js';
import type { IdentityRef, ScanFinding } from '../../../model/scan-finding.js';
import { allMaps, pairOf, scalarText, valueOf, yamlDocuments, yamlPosition } from '../../detector-kit/yaml-nodes.js';
import { envFindings } from '../config-env/detect.js';
import { mapEnvEntries } from '../config-env/yaml-entries.js';
import { ANSIBLE_RULES } from './rules.js';

/** A task key that invokes an azure.azcollection module, or the collection's module_defaults group. */
const AZURE_MODULE = /^(?:azure\.azcollection\.)?azure_rm_\w+$|^group\/azure\.azcollection\.azure$/u;
const INVENTORY_PLUGIN = /^(?:azure\.azcollection\.)?azure_rm$/u;
const JINJA_VARIABLE = /^\{\{\s*(?<name>[A-Za-z_][\w.]*)\s*\}\}$/u;
const JINJA_ENV_LOOKUP = /lookup\(\s*['"]env['"]\s*,\s*['"](?<name>\w+)['"]\s*\)/u;

/**
 * azure.azcollection sign-ins: the auth arguments of every module call (and module_defaults), of the azure_rm
 * inventory plugin, and the credential variables a play or task puts in `environment:`.
 */
export function detectAnsible(file: SourceFile, parsed: ParsedFile): ScanFinding[] {
  if (isCredentialsFile(file.path)) return credentialsFileFindings(file);
  const findings: ScanFinding[] = [];
  for (const document of yamlDocuments(file, parsed)) {
    const root = document.contents;
    if (isMap(root) && INVENTORY_PLUGIN.test(scalarText(valueOf(root, 'plugin')) ?? '')) {
      const finding = classify(file, root);
      if (finding) findings.push(finding);
      continue;
    }
    // Playbooks, task files and handlers are sequences; a mapping root is some other tool's YAML.
    if (!isSeq(root)) continue;
    // A module_defaults mapping is classified once, as defaults, not again as module calls.
    const defaults = new Set<unknown>();
    for (const map of allMaps(root)) {
      if (defaults.has(map)) continue;
      for (const pair of map.items) {
        const key = scalarText(pair.key);
        if (key === null) continue;
        if (key === 'module_defaults') defaults.add(pair.value);
        if (AZURE_MODULE.test(key) && (isMap(pair.value) || isScalar(pair.value))) {
          const finding = classify(file, isMap(pair.value) ? pair.value : freeFormArguments(pair.value));
          if (finding) findings.push(finding);
        } else if (key === 'module_defaults' && isMap(pair.value)) {
          for (const group of pair.value.items) {
            if (AZURE_MODULE.test(scalarText(group.key) ?? '') && isMap(group.value)) {
              const finding = classify(file, group.value);
              if (finding) findings.push(finding);
            }
          }
        } else if (key === 'environment' && isMap(pair.value)) {
          findings.push(...envFindings(file, [mapEnvEntries(file.text, pair.value)]));
        }
      }
    }
  }
  return findings;
}

function classify(file: SourceFile, args: YAMLMap): ScanFinding | null {
  const authSource = scalarText(valueOf(args, 'auth_source'));
  const report = (ruleId: string, key: string, identity: IdentityRef | null): ScanFinding | null => {
    const at = yamlPosition(file.text, pairOf(args, key));
    if (!at) return null;
    const rule = ruleById(ANSIBLE_RULES, ruleId);
    return createFinding(rule, 'ansible', file, at, identity, `${key}: ${rule.summary}${identity ? ` Identity: ${identity.value}.` : ''}`);
  };
  if (authSource === 'msi') return report('ansible/managed-identity', 'auth_source', clientIdOf(valueOf(args, 'client_id')));
  if (authSource === 'cli') return report('ansible/azure-cli', 'auth_source', null);
  if (authSource !== null && authSource !== 'auto') return null;
  if (pairOf(args, 'ad_user') && pairOf(args, 'password')) return report('ansible/ad-user-password', 'ad_user', userOf(valueOf(args, 'ad_user')));
  if (pairOf(args, 'client_id') && pairOf(args, 'secret')) return report('ansible/client-secret', 'secret', clientIdOf(valueOf(args, 'client_id')));
  if (pairOf(args, 'client_id') && pairOf(args, 'x509_certificate_path')) return report('ansible/client-certificate', 'x509_certificate_path', clientIdOf(valueOf(args, 'client_id')));
  return null;
}

// `(?<!\w)`: a key starts a word. Without it a long word with no `=` is retried from each of its letters (quadratic).
const FREE_FORM_ARGUMENT = /(?<!\w)(?<key>\w+)=(?<value>"[^"]*"|'[^']*'|\{\{.*?\}\}|\S+)/gu;

/** `module: name=rg ad_user=… password=…` (Ansible's free-form `k=v` arguments) as a mapping at the scalar's position. */
function freeFormArguments(node: Scalar): YAMLMap {
  const args = new YAMLMap();
  const text = scalarText(node) ?? '';
  for (const match of text.matchAll(FREE_FORM_ARGUMENT)) {
    const key = new Scalar(match.groups?.['key'] ?? '');
    key.range = node.range;
    args.items.push(new Pair(key, new Scalar((match.groups?.['value'] ?? '').replace(/^["']|["']$/gu, ''))));
  }
  return args;
}

function reference(text: string): IdentityRef | null {
  const env = JINJA_ENV_LOOKUP.exec(text)?.groups?.['name'];
  if (env) return { kind: 'env-var', value: env };
  const variable = JINJA_VARIABLE.exec(text)?.groups?.['name'];
  return variable ? { kind: 'secret-ref', value: variable } : null;
}

function userOf(node: unknown): IdentityRef | null {
  const text = scalarText(node);
  if (text === null) return null;
  return isUpn(text) ? { kind: 'upn', value: text } : reference(text);
}

function clientIdOf(node: unknown): IdentityRef | null {
  const text = scalarText(node);
  if (text === null) return null;
  return isGuid(text) ? { kind: 'client-id', value: text.toLowerCase() } : reference(text);
}

/** The collection's credential file, `~/.azure/credentials`, committed or baked into an image. */
export function isCredentialsFile(path: string): boolean {
  return /(?:^|\/)\.azure\/credentials$/u.test(path);
}

const INI_SECTION = /^\s*\[(?<name>[^\]]+)\]\s*$/u;
const INI_ENTRY = /^(?<indent>\s*)(?<key>\w+)\s*=\s*(?<value>.*?)\s*$/u;

/** Each `[profile]` of the INI credential file is classified like module arguments. */
function credentialsFileFindings(file: SourceFile): ScanFinding[] {
  const findings: ScanFinding[] = [];
  let profile = new YAMLMap();
  const flush = (): void => {
    const finding = classify(file, profile);
    if (finding) findings.push(finding);
    profile = new YAMLMap();
  };
  file.text.split(/\r?\n/u).forEach((line, row) => {
    if (INI_SECTION.test(line)) {
      flush();
      return;
    }
    const entry = INI_ENTRY.exec(line)?.groups;
    if (!entry || /^\s*[#;]/u.test(line)) return;
    const key = new Scalar(entry['key'] ?? '');
    const offset = lineOffsetOf(file.text, row) + (entry['indent']?.length ?? 0);
    key.range = [offset, offset, offset];
    profile.items.push(new Pair(key, new Scalar(entry['value'] ?? '')));
  });
  flush();
  return findings;
}

function lineOffsetOf(text: string, row: number): number {
  let offset = 0;
  for (let current = 0; current < row; current += 1) offset = text.indexOf('\n', offset) + 1;
  return offset;
}
