import type { Node } from 'jsonc-parser';
import { findNodeAtLocation } from 'jsonc-parser';
import type { DetectContext, ParsedFile, SourceFile } from '../../core/detector.js';
import { createFinding, ruleById, type Point } from '../../core/finding.js';
import { CREDENTIAL_ENV_NAMES } from '../../../catalog/credential-env-vars.js';
import type { ScanFinding } from '../../../model/scan-finding.js';
import { unescapeInPlace } from '../../detector-kit/same-length-unescape.js';
import { offsetPoint } from '../../detector-kit/text-position.js';
import { envFindings } from '../config-env/detect.js';
import { literalOrNull, type EnvEntry } from '../config-env/env-entry.js';
import { jsonEnvEntries, parseJsonc } from '../config-env/json-entries.js';
import { lexBicep } from './bicep-lexer.js';
import { allObjects, bicepResources, property, stringOf, type BicepValue } from './bicep-values.js';
import { BICEP_RULES, DEPLOYMENT_SCRIPTS_TYPE, scriptLanguage } from './rules.js';

/**
 * Bicep and ARM JSON templates: deployment scripts (their managed identity, and the inline script handed to the
 * PowerShell / shell detectors) and credential variables set in app settings or a script's environment.
 */
export async function detectBicep(file: SourceFile, _parsed: ParsedFile, context: DetectContext): Promise<ScanFinding[]> {
  return file.path.toLowerCase().endsWith('.json') ? detectArmTemplate(file, context) : detectBicepFile(file, context);
}

/** The Azure Verified Module for deployment scripts (`br/public:avm/res/resources/deployment-script:<version>`): the resource's settings as params. */
const AVM_DEPLOYMENT_SCRIPT = /(?:^|[/:])avm\/res\/resources\/deployment-script(?::|$)/u;

async function detectBicepFile(file: SourceFile, context: DetectContext): Promise<ScanFinding[]> {
  const findings: ScanFinding[] = [];
  for (const resource of bicepResources(lexBicep(file.text))) {
    findings.push(...envFindings(file, [bicepEnvEntries(file.text, resource.body)]));
    // The resource itself (`kind`, `identity`, `properties.scriptContent`), or the AVM module (`params.kind`, `params.managedIdentities`, `params.scriptContent`).
    const isResource = resource.type.toLowerCase() === DEPLOYMENT_SCRIPTS_TYPE;
    const params = AVM_DEPLOYMENT_SCRIPT.test(resource.type) ? property(resource.body, 'params') : undefined;
    if (!isResource && !params) continue;
    const settings = isResource ? resource.body : params;
    const language = scriptLanguage(stringOf(property(settings, 'kind')));
    const script = property(isResource ? property(resource.body, 'properties') : params, 'scriptContent');
    // An interpolated '…${x}…' script still reads as a script: `${x}` is a variable to the shell and to PowerShell.
    const embedded = language && script?.kind === 'string' ? await scanBicepScript(file, context, language, script.token.kind === 'multiline-string', script.token.offset, script.token.value) : [];
    const hasIdentity = isResource ? property(resource.body, 'identity') !== undefined : property(params, 'managedIdentities') !== undefined;
    const identity = hasIdentity ? managedIdentity(file, offsetPoint(file.text, resource.keyword.offset)) : null;
    findings.push(...resolveInScript(context, identity, embedded));
  }
  return findings;
}

/** Credential variables in a resource: `{ name: 'AZURE_…', value | secureValue: … }` entries and `AZURE_…: …` properties. */
function bicepEnvEntries(text: string, body: BicepValue): EnvEntry[] {
  const entries: EnvEntry[] = [];
  for (const object of allObjects(body)) {
    if (object.kind !== 'object') continue;
    const name = stringOf(property(object, 'name'));
    const nameValue = property(object, 'name');
    if (name !== null && CREDENTIAL_ENV_NAMES.has(name) && nameValue?.kind === 'string') {
      entries.push({ name, value: literalOf(property(object, 'value')), at: offsetPoint(text, nameValue.token.offset) });
    }
    for (const entry of object.properties) {
      if (CREDENTIAL_ENV_NAMES.has(entry.key)) entries.push({ name: entry.key, value: literalOf(entry.value), at: offsetPoint(text, entry.keyToken.offset) });
    }
  }
  return entries;
}

function literalOf(value: BicepValue | undefined): string | null {
  const text = stringOf(value);
  return text === null ? null : literalOrNull(text);
}

async function scanBicepScript(file: SourceFile, context: DetectContext, language: 'powershell' | 'bash', multiline: boolean, offset: number, text: string): Promise<ScanFinding[]> {
  // A '''…''' body starts after the quotes and the newline that follows them; a '…' body right after its quote.
  let start = offset + (multiline ? 3 : 1);
  if (multiline) start += /^\r?\n/u.exec(file.text.slice(start))?.[0].length ?? 0;
  const at = offsetPoint(file.text, start);
  const firstLinePad = ' '.repeat(at.column);
  return context.scanEmbedded({ path: file.path, language, text: firstLinePad + text, lineOffset: file.lineOffset + at.row });
}

function managedIdentity(file: SourceFile, at: Point): ScanFinding {
  const rule = ruleById(BICEP_RULES, 'bicep/deployment-script-managed-identity');
  return createFinding(rule, 'bicep', file, at, null, rule.summary);
}

/** Commands in a deployment script run in the identity's session: let the core resolve them to it. */
function resolveInScript(context: DetectContext, identity: ScanFinding | null, embedded: readonly ScanFinding[]): ScanFinding[] {
  const all = identity ? [identity, ...embedded] : [...embedded];
  return context.resolveAmbient ? context.resolveAmbient(all) : all;
}

async function detectArmTemplate(file: SourceFile, context: DetectContext): Promise<ScanFinding[]> {
  const root = parseJsonc(file.text);
  const schema = root ? findNodeAtLocation(root, ['$schema'])?.value : null;
  if (!root || typeof schema !== 'string' || !/deploymentTemplate/iu.test(schema)) return [];
  const findings: ScanFinding[] = [...envFindings(file, [jsonEnvEntries(file.text, root)])];
  for (const resource of jsonObjects(root)) {
    const type = findNodeAtLocation(resource, ['type'])?.value;
    if (typeof type !== 'string' || type.toLowerCase() !== DEPLOYMENT_SCRIPTS_TYPE) continue;
    const kind = findNodeAtLocation(resource, ['kind'])?.value;
    const language = scriptLanguage(typeof kind === 'string' ? kind : null);
    const script = findNodeAtLocation(resource, ['properties', 'scriptContent']);
    const embedded = language && script && typeof script.value === 'string' && !script.value.startsWith('[') ? await scanJsonScript(file, context, language, script) : [];
    const identity = findNodeAtLocation(resource, ['identity']) ? managedIdentity(file, offsetPoint(file.text, resource.offset)) : null;
    findings.push(...resolveInScript(context, identity, embedded));
  }
  return findings;
}

/**
 * A JSON string is one line in the file: the script is its source text with the escapes decoded in place
 * (`\n` → `; `, `\"` → ` "`), so every finding keeps its own column on that line.
 */
async function scanJsonScript(file: SourceFile, context: DetectContext, language: 'powershell' | 'bash', script: Node): Promise<ScanFinding[]> {
  const at = offsetPoint(file.text, script.offset + 1);
  const raw = file.text.slice(script.offset + 1, script.offset + script.length - 1);
  return context.scanEmbedded({ path: file.path, language, text: ' '.repeat(at.column) + unescapeInPlace(raw), lineOffset: file.lineOffset + at.row });
}

function jsonObjects(root: Node): Node[] {
  const objects: Node[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) continue;
    if (node.type === 'object') objects.push(node);
    for (const child of [...(node.children ?? [])].reverse()) stack.push(child);
  }
  return objects;
}
