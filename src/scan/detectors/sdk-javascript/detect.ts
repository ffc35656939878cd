import type { Node } from 'web-tree-sitter';
import type { ParsedFile, SourceFile } from '../../core/detector.js';
import type { ScanFinding } from '../../../model/scan-finding.js';
import type { SdkRuleKind } from '../../../catalog/azure-identity-apis.js';
import { LocalBindings, type Binding } from '../../detector-kit/local-bindings.js';
import { namesRopcEnv, sdkFindings, unquoteLiteral, type CallSite, type SdkLanguage } from '../../detector-kit/sdk-call.js';
import { JAVASCRIPT_APIS, SDK_JAVASCRIPT_RULES } from './rules.js';

export function javascriptLiteral(node: Node): string | null {
  if (node.type === 'string') return unquoteLiteral(node.text);
  if (node.type === 'template_string' && node.descendantsOfType('template_substitution').length === 0) return unquoteLiteral(node.text);
  return null;
}

const JAVASCRIPT: SdkLanguage = { detectorId: 'sdk-javascript', ecosystem: 'javascript', rules: SDK_JAVASCRIPT_RULES, apis: JAVASCRIPT_APIS, credentialName: (name) => name, literal: javascriptLiteral };

/** A plain name (identifier or `{ x }` shorthand), for LocalBindings. */
export function javascriptNameOf(node: Node): string | null {
  return node.type === 'identifier' || node.type === 'shorthand_property_identifier' ? node.text : null;
}

/** `const x = …`, `let x = …`, `x = …` in the file, for LocalBindings. */
export function javascriptBindings(root: Node): Binding[] {
  const bindings: Binding[] = [];
  for (const node of root.descendantsOfType(['variable_declarator', 'assignment_expression'])) {
    const name = node?.childForFieldName(node.type === 'variable_declarator' ? 'name' : 'left');
    const value = node?.childForFieldName(node.type === 'variable_declarator' ? 'value' : 'right');
    if (name?.type === 'identifier' && value) bindings.push({ name: name.text, value: unwrapExpression(value) });
  }
  return bindings;
}

/** `(x)`, `x as T`, `x satisfies T`, `<T>x`: the value inside. */
export function unwrapExpression(node: Node): Node {
  let current = node;
  while (['parenthesized_expression', 'as_expression', 'satisfies_expression', 'type_assertion', 'non_null_expression'].includes(current.type)) {
    const inner = current.namedChildren.find((child) => child !== null && !child.type.includes('type'));
    if (!inner) break;
    current = inner;
  }
  return current;
}

/** An object literal's properties by key: `{ a: x, b }` (shorthand properties are their own value). */
export function objectProperties(object: Node): Map<string, Node> {
  const properties = new Map<string, Node>();
  for (const property of object.namedChildren) {
    if (property?.type === 'pair') {
      const key = property.childForFieldName('key');
      const value = property.childForFieldName('value');
      const name = key ? (javascriptLiteral(key) ?? key.text) : null;
      if (name && value) properties.set(name, value);
    } else if (property?.type === 'shorthand_property_identifier') {
      properties.set(property.text, property);
    }
  }
  return properties;
}

/**
 * `new ConfidentialClientApplication(config)` (@azure/msal-node): `config.auth` — followed through the variables
 * they are kept in — holds `clientSecret`, `clientCertificate` or `clientAssertion`, and the `clientId`.
 */
function confidentialClient(site: CallSite, locals: LocalBindings): { kind: SdkRuleKind; clientId: Node | null } | null {
  const first = site.args[0];
  const config = first ? locals.resolve(unwrapExpression(first), javascriptNameOf) : null;
  const authNode = config?.type === 'object' ? objectProperties(config).get('auth') : undefined;
  const auth = authNode ? locals.resolve(unwrapExpression(authNode), javascriptNameOf) : null;
  if (auth?.type !== 'object') return null;
  const properties = objectProperties(auth);
  const kind: SdkRuleKind | null = properties.has('clientAssertion') ? 'msal-client-assertion' : properties.has('clientCertificate') ? 'msal-client-certificate' : properties.has('clientSecret') ? 'msal-client-secret' : null;
  return kind ? { kind, clientId: properties.get('clientId') ?? null } : null;
}

/** @azure/identity, MSAL, ADAL and ms-rest-nodeauth sign-ins in JavaScript/TypeScript, by constructor or method name. */
export function detectSdkJavascript(file: SourceFile, parsed: ParsedFile): ScanFinding[] {
  if (parsed.kind !== 'tree') return [];
  const root = parsed.tree.rootNode;
  const aliases = importAliases(root);
  const locals = new LocalBindings(javascriptBindings(root));
  const calls: CallSite[] = [];
  for (const node of root.descendantsOfType(['new_expression', 'call_expression'])) {
    if (!node) continue;
    const site = callSite(node, aliases);
    if (!site) continue;
    if (site.name === 'ConfidentialClientApplication') {
      const client = confidentialClient(site, locals);
      if (!client) continue;
      site.kind = client.kind;
      site.named = client.clientId ? new Map([['clientId', client.clientId]]) : new Map();
    }
    calls.push(site);
  }
  const language: SdkLanguage = { ...JAVASCRIPT, resolve: (node) => locals.resolve(unwrapExpression(node), javascriptNameOf) };
  return sdkFindings(language, file, calls, namesRopcEnv(root, javascriptLiteral, ['string', 'template_string']));
}

/** `import { X as Y }` and `const { X: Y } = require(…)` → Y ↦ X. */
function importAliases(root: Node): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const specifier of root.descendantsOfType('import_specifier')) {
    const name = specifier?.childForFieldName('name')?.text;
    const alias = specifier?.childForFieldName('alias')?.text;
    if (name && alias) aliases.set(alias, name);
  }
  for (const pair of root.descendantsOfType('pair_pattern')) {
    const key = pair?.childForFieldName('key')?.text;
    const value = pair?.childForFieldName('value');
    if (key && value?.type === 'identifier') aliases.set(value.text, key);
  }
  return aliases;
}

function callSite(node: Node, aliases: ReadonlyMap<string, string>): CallSite | null {
  const callee = node.childForFieldName(node.type === 'new_expression' ? 'constructor' : 'function');
  let at: Node | null = null;
  if (callee?.type === 'identifier') at = callee;
  if (callee?.type === 'member_expression') at = callee.childForFieldName('property');
  if (!at) return null;
  const args: Node[] = [];
  const named = new Map<string, Node>();
  for (const argument of node.childForFieldName('arguments')?.namedChildren ?? []) {
    if (!argument || argument.type === 'comment') continue;
    args.push(argument);
    if (argument.type !== 'object') continue;
    for (const property of argument.namedChildren) {
      if (property?.type === 'pair') {
        const key = property.childForFieldName('key');
        const value = property.childForFieldName('value');
        const name = key ? (javascriptLiteral(key) ?? key.text) : null;
        if (name && value) named.set(name, value);
      } else if (property?.type === 'shorthand_property_identifier') {
        named.set(property.text, property);
      }
    }
  }
  const written = at.text;
  return { name: (callee?.type === 'identifier' ? aliases.get(written) : undefined) ?? written, at, args, named };
}
