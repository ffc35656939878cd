import { findNodeAtLocation, parseTree, type Node as JsonNode } from 'jsonc-parser';
import type { Node } from 'web-tree-sitter';
import {
  DEPLOYMENT_SCRIPTS_RESOURCE_TYPE,
  RUNBOOK_SCRIPT_LANGUAGES,
  TERRAFORM_SCRIPT_PLACES,
  type ScriptLanguageRule,
  type TerraformScriptPlace,
} from '../../../catalog/terraform-embedded-scripts.js';
import type { ScanFinding } from '../../../model/scan-finding.js';
import type { DetectContext, SourceFile } from '../../core/detector.js';
import { detectLanguage } from '../../core/detect-language.js';
import { createFinding, ruleById } from '../../core/finding.js';
import type { Language } from '../../core/languages.js';
import { unescapeInPlace } from '../../detector-kit/same-length-unescape.js';
import { offsetPoint } from '../../detector-kit/text-position.js';
import { argumentsOf, blockArguments, blockHead, callArgument, childBlocks, innerValue, literalString } from './hcl-nodes.js';
import { templateOf, templateScript } from './hcl-template-script.js';
import { TERRAFORM_RULES } from './rules.js';

const JSON_ENCODERS = new Set(['jsonencode']);

/** Where a path leads inside a resource: a Terraform expression, or a string inside JSON written as a heredoc. */
type Located = { kind: 'hcl'; expression: Node } | { kind: 'json'; document: SourceFile; string: JsonNode };

/** Follows argument names through nested blocks, object literals, `jsonencode({…})` and JSON heredocs. */
function locate(host: SourceFile, container: Node, path: readonly string[]): Located | null {
  const [name, ...rest] = path;
  if (name === undefined) return null;
  if (container.type === 'block') {
    const nested = childBlocks(container).find((block) => blockHead(block).type === name);
    if (nested) return rest.length === 0 ? null : locate(host, nested, rest);
  }
  const value = argumentsOf(container.type === 'block' ? container : (callArgument(container, JSON_ENCODERS) ?? container)).get(name)?.value;
  if (!value) return null;
  if (rest.length === 0) return { kind: 'hcl', expression: value };
  if (templateOf(value)?.type === 'heredoc_template') return locateInJson(host, value, rest);
  return locate(host, value, rest);
}

/** `settings = <<SETTINGS { "commandToExecute": "…" } SETTINGS`: the heredoc read as JSON (interpolations as placeholders). */
function locateInJson(host: SourceFile, value: Node, path: readonly string[]): Located | null {
  const document = templateScript(host, value, 'json');
  const root = document ? parseTree(document.text) : undefined;
  const found = root ? findNodeAtLocation(root, [...path]) : undefined;
  return document && found?.type === 'string' ? { kind: 'json', document, string: found } : null;
}

/** A JSON string as a script at its place in the .tf file (one line; escapes decoded in place). */
function jsonScript(located: Extract<Located, { kind: 'json' }>, language: Language): SourceFile {
  const { document, string } = located;
  const start = string.offset + 1;
  const at = offsetPoint(document.text, start);
  const raw = document.text.slice(start, string.offset + string.length - 1);
  return { ...document, language, text: ' '.repeat(at.column) + unescapeInPlace(raw), lineOffset: document.lineOffset + at.row };
}

function literalAt(host: SourceFile, container: Node, path: readonly string[]): string | null {
  const located = locate(host, container, path);
  if (located?.kind === 'json') return typeof located.string.value === 'string' ? located.string.value : null;
  return located ? literalString(located.expression) : null;
}

/** The script's language by the place's rule; null when it cannot run as a script we read. */
function languageOf(rule: ScriptLanguageRule, host: SourceFile, owner: Node, scriptHead: () => string): Language | null {
  switch (rule) {
    case 'powershell':
    case 'bash':
      return rule;
    case 'runbook-type':
      return RUNBOOK_SCRIPT_LANGUAGES[(literalAt(host, owner, ['runbook_type']) ?? '').toLowerCase()] ?? null;
    case 'shebang': {
      const language = detectLanguage('', scriptHead());
      return language === 'text' ? null : language;
    }
    case 'extension-type': {
      const type = literalAt(host, owner, ['type']);
      return type === 'CustomScript' ? 'bash' : type === 'CustomScriptExtension' ? 'powershell' : null;
    }
    case 'interpreter': {
      const interpreter = blockArguments(owner).get('interpreter');
      const first = interpreter ? innerValue(interpreter.value).namedChildren.find((child) => child?.type === 'expression') : null;
      if (!interpreter) return 'bash';
      const program = (first ? (literalString(first) ?? '') : '').split(/[\\/]/u).pop()?.toLowerCase().replace(/\.exe$/u, '') ?? '';
      if (program === 'pwsh' || program === 'powershell') return 'powershell';
      if (['sh', 'bash', 'zsh', 'dash', 'ash', 'ksh'].includes(program)) return 'bash';
      return program.startsWith('python') ? 'python' : null;
    }
    case 'deployment-script-kind': {
      const kind = (literalAt(host, owner, ['body', 'kind']) ?? '').toLowerCase();
      return kind === 'azurecli' ? 'bash' : kind === 'azurepowershell' ? 'powershell' : null;
    }
  }
}

/** The script at a place, as a SourceFile of its language, or null (not there, not a literal script, or no language). */
function scriptAt(host: SourceFile, owner: Node, place: TerraformScriptPlace): SourceFile | null {
  const located = locate(host, owner, place.path);
  if (!located) return null;
  const draft = located.kind === 'hcl' ? templateScript(host, located.expression, 'text') : jsonScript(located, 'text');
  if (!draft) return null;
  const language = languageOf(place.language, host, owner, () => draft.text.trimStart().slice(0, 256));
  return language ? { ...draft, language } : null;
}

function isDeploymentScriptsResource(host: SourceFile, block: Node): boolean {
  const type = literalAt(host, block, ['type']);
  return type !== null && type.toLowerCase().startsWith(`${DEPLOYMENT_SCRIPTS_RESOURCE_TYPE}@`);
}

/** `identity {}` on the resource, or an `identity` in an azapi body. */
function hasManagedIdentity(block: Node): boolean {
  if (childBlocks(block).some((inner) => blockHead(inner).type === 'identity')) return true;
  const body = blockArguments(block).get('body')?.value;
  return body ? argumentsOf(callArgument(body, JSON_ENCODERS) ?? body).has('identity') : false;
}

/**
 * Scripts a resource carries (runbook content, custom data, VM extension commands, deployment scripts,
 * local-exec provisioners), each scanned by the detectors of its language with lines mapped to the .tf file.
 * A deployment script with a managed identity is reported as that identity, and the ambient commands in it
 * resolve to it.
 */
export async function resourceScripts(host: SourceFile, block: Node, resourceType: string, context: DetectContext): Promise<ScanFinding[]> {
  const findings: ScanFinding[] = [];
  const places = TERRAFORM_SCRIPT_PLACES.filter((place) => place.owners.includes(resourceType));
  const deploymentScript = resourceType !== 'azapi_resource' || isDeploymentScriptsResource(host, block);
  for (const place of places) {
    if (!deploymentScript) continue;
    const script = scriptAt(host, block, place);
    const embedded = script ? await context.scanEmbedded(script) : [];
    if (!place.identity || !hasManagedIdentity(block)) {
      findings.push(...embedded);
      continue;
    }
    const rule = ruleById(TERRAFORM_RULES, 'terraform/deployment-script-managed-identity');
    const identity = createFinding(rule, 'terraform', host, block.startPosition, null, `resource "${resourceType}": ${rule.summary}`);
    const scoped = [identity, ...embedded];
    findings.push(...(context.resolveAmbient ? context.resolveAmbient(scoped) : scoped));
  }
  for (const inner of childBlocks(block)) {
    const head = blockHead(inner);
    if (head.type !== 'provisioner') continue;
    for (const place of TERRAFORM_SCRIPT_PLACES.filter((candidate) => candidate.owners.includes(`provisioner:${head.labels[0] ?? ''}`))) {
      const script = scriptAt(host, inner, place);
      if (script) findings.push(...(await context.scanEmbedded(script)));
    }
  }
  return findings;
}
