import type { Node } from 'web-tree-sitter';
import { AZURE_IDENTITY_CREDENTIALS, ROPC_ENV_NAMES, SDK_RULES, type SdkRuleKind } from '../../catalog/azure-identity-apis.js';
import type { IdentityRef, ScanFinding } from '../../model/scan-finding.js';
import type { RuleMeta, SourceFile } from '../core/detector.js';
import { createFinding, ruleById } from '../core/finding.js';
import { isGuid, isUpn } from '../core/identity-ref.js';
import { FIX_BY_METHOD } from './fix-text.js';

/**
 * The shared half of the SDK detectors: each language finds its call sites (constructor or method calls,
 * with aliases resolved) and hands them here to be classified against the catalog and turned into findings.
 */
export interface CallSite {
  /** The API's own name after alias resolution: `UsernamePasswordCredential`, `acquire_token_by_username_password`. */
  name: string;
  /** Where to report: the name as written at the call. */
  at: Node;
  /** Positional arguments, in order. */
  args: readonly Node[];
  /** Keyword / named arguments and properties of an options object, by name. */
  named: ReadonlyMap<string, Node>;
  /** Source text of the object the method is called on (`AzureCredentialsFactory` in `SdkContext.AzureCredentialsFactory.FromUser`), if any. */
  receiver?: string;
  /**
   * Additive (optional): the kind the language read from the call itself, over the table's (an MSAL confidential
   * client whose credential argument is a certificate rather than a secret).
   */
  kind?: SdkRuleKind;
}

/** Where an API takes the username and the client ID. */
export interface ArgumentPlaces {
  username?: { index?: number; names?: readonly string[] };
  clientId?: { index?: number; names?: readonly string[] };
}

/** A language's API table beyond the Azure Identity credential types: name as written → rule kind and argument places. */
export type ApiTable = Readonly<Record<string, { kind: SdkRuleKind; receiver?: RegExp } & ArgumentPlaces>>;

/**
 * Prefilter words for an SDK detector: every API name it knows, lower-cased. A call needs its name in the file
 * (an alias still imports the original name), so a file without one of these cannot produce a finding.
 */
export function sdkTriggers(apis: ApiTable, credentialPrefix = ''): string[] {
  const names = [...Object.keys(AZURE_IDENTITY_CREDENTIALS).map((name) => credentialPrefix + name), ...Object.keys(apis)];
  return [...new Set(names.map((name) => name.toLowerCase()))];
}

export function sdkRules(detectorId: string): RuleMeta[] {
  return SDK_RULES.map((facts) => ({ id: `${detectorId}/${facts.kind}`, authMethod: facts.authMethod, severity: facts.severity, summary: facts.summary, fix: FIX_BY_METHOD[facts.authMethod], docUrl: facts.docUrl }));
}

export interface SdkLanguage {
  detectorId: string;
  ecosystem: string;
  rules: readonly RuleMeta[];
  /** Language-specific APIs (MSAL, ADAL, legacy) plus argument places for credential types. */
  apis: ApiTable;
  /** Maps a written credential type name to the catalog's (Java drops `Builder`, Go drops `New`). */
  credentialName: (name: string) => string;
  /** The unquoted value of a string literal node, null for anything else. */
  literal: (node: Node) => string | null;
  /** Additive (optional): follows a variable in an identity position to the value bound to it (LocalBindings). */
  resolve?: (node: Node) => Node;
}

/** Environment-variable reads, whatever the language: the name is the identity when the value is not a literal. */
const ENV_READ = /(?:environ(?:\.get)?\s*[[(]\s*|getenv\s*\(\s*|GetEnvironmentVariable\s*\(\s*|Getenv\s*\(\s*|LookupEnv\s*\(\s*|process\.env\.|process\.env\[\s*)["'`]?(?<name>[A-Za-z_][A-Za-z0-9_]*)/u;

/** Classifies call sites and builds findings; `setsRopcEnv` says the same file sets AZURE_USERNAME and AZURE_PASSWORD. */
export function sdkFindings(language: SdkLanguage, file: SourceFile, calls: readonly CallSite[], setsRopcEnv: boolean): ScanFinding[] {
  const findings: ScanFinding[] = [];
  for (const call of calls) {
    const listed = language.apis[call.name];
    // A method with a common name (`FromUser`) only counts on the object the SDK puts it on.
    const api = listed?.receiver && !listed.receiver.test(call.receiver ?? '') ? undefined : listed;
    if (listed && !api) continue;
    const credentialKind = AZURE_IDENTITY_CREDENTIALS[language.credentialName(call.name)];
    let kind = call.kind ?? api?.kind ?? credentialKind;
    if (!kind) continue;
    if (kind === 'default-credential' && setsRopcEnv) kind = 'default-credential-user-password';
    const rule = ruleById(language.rules, `${language.detectorId}/${kind}`);
    const follow = (node: Node | null): Node | null => (node && language.resolve ? language.resolve(node) : node);
    const user = follow(api?.username ? argumentAt(call, api.username) : null);
    const client = follow(api?.clientId ? argumentAt(call, api.clientId) : null);
    const identity = (user ? usernameOf(language, user) : null) ?? (client ? clientIdOf(language, client) : null) ?? (kind === 'default-credential-user-password' ? { kind: 'env-var', value: ROPC_ENV_NAMES[0] } : null);
    const message = `${call.name}: ${rule.summary}${identity ? ` Identity: ${identity.value}.` : ''}`;
    findings.push(createFinding(rule, language.ecosystem, file, call.at.startPosition, identity, message));
  }
  return findings;
}

function argumentAt(call: CallSite, place: { index?: number; names?: readonly string[] }): Node | null {
  for (const name of place.names ?? []) {
    const named = call.named.get(name);
    if (named) return named;
  }
  return place.index === undefined ? null : (call.args[place.index] ?? null);
}

function usernameOf(language: SdkLanguage, node: Node): IdentityRef | null {
  const literal = language.literal(node);
  if (literal !== null) return isUpn(literal) ? { kind: 'upn', value: literal } : null;
  return envReference(node);
}

function clientIdOf(language: SdkLanguage, node: Node): IdentityRef | null {
  const literal = language.literal(node);
  if (literal !== null) return isGuid(literal) ? { kind: 'client-id', value: literal.toLowerCase() } : null;
  return envReference(node);
}

function envReference(node: Node): IdentityRef | null {
  const name = ENV_READ.exec(node.text)?.groups?.['name'];
  return name ? { kind: 'env-var', value: name } : null;
}

/** Whether string literals (or identifiers) naming both AZURE_USERNAME and AZURE_PASSWORD occur in the tree. */
export function namesRopcEnv(root: Node, literal: (node: Node) => string | null, literalTypes: readonly string[]): boolean {
  const seen = new Set<string>();
  for (const node of root.descendantsOfType([...literalTypes, 'property_identifier', 'identifier'])) {
    if (!node) continue;
    const text = literal(node) ?? node.text;
    if ((ROPC_ENV_NAMES as readonly string[]).includes(text)) seen.add(text);
  }
  return ROPC_ENV_NAMES.every((name) => seen.has(name));
}

/** Strips one layer of quotes (and Python/C# string prefixes) from a string literal's source text. */
export function unquoteLiteral(text: string): string | null {
  const match = /^(?:[rRbBuUfF]{0,2}|@|\$|\$@|@\$)(?<quote>"""|'''|["'`])(?<body>[\s\S]*)\k<quote>$/u.exec(text);
  return match?.groups?.['body'] ?? null;
}
