import type { Node } from 'web-tree-sitter';
import type { ParsedFile, SourceFile } from '../../core/detector.js';
import type { ScanFinding } from '../../../model/scan-finding.js';
import { LocalBindings, type Binding } from '../../detector-kit/local-bindings.js';
import { namesRopcEnv, sdkFindings, unquoteLiteral, type CallSite, type SdkLanguage } from '../../detector-kit/sdk-call.js';
import { DOTNET_APIS, SDK_DOTNET_RULES } from './rules.js';

const LITERALS = ['string_literal', 'verbatim_string_literal', 'raw_string_literal'];

function csharpLiteral(node: Node): string | null {
  if (node.type === 'string_literal') return node.namedChildren.filter((child) => child?.type === 'string_literal_content').map((child) => child?.text ?? '').join('');
  if (node.type === 'verbatim_string_literal') return unquoteLiteral(node.text);
  if (node.type === 'raw_string_literal') return node.namedChildren.find((child) => child?.type === 'raw_string_content')?.text ?? null;
  return null;
}

const DOTNET: SdkLanguage = { detectorId: 'sdk-dotnet', ecosystem: 'dotnet', rules: SDK_DOTNET_RULES, apis: DOTNET_APIS, credentialName: (name) => name, literal: csharpLiteral };

/** `x` as a plain name, for following it to what was assigned to it. */
function nameOf(node: Node): string | null {
  return node.type === 'identifier' ? node.text : null;
}

/** `var x = …`, `T x = …` and `x = …` in the file, for LocalBindings. */
function bindingsOf(root: Node): Binding[] {
  const bindings: Binding[] = [];
  for (const node of root.descendantsOfType(['variable_declarator', 'assignment_expression'])) {
    if (!node) continue;
    const named = node.namedChildren.filter((child): child is Node => child !== null);
    const name = node.type === 'variable_declarator' ? (node.childForFieldName('name') ?? named[0]) : node.childForFieldName('left');
    const value = node.type === 'variable_declarator' ? named[named.length - 1] : node.childForFieldName('right');
    if (name?.type === 'identifier' && value && value.id !== name.id) bindings.push({ name: name.text, value });
  }
  return bindings;
}

/** Azure.Identity, MSAL.NET, ADAL.NET and Fluent sign-ins in C#, from `new` expressions and method invocations. */
export function detectSdkDotnet(file: SourceFile, parsed: ParsedFile): ScanFinding[] {
  if (parsed.kind !== 'tree') return [];
  const root = parsed.tree.rootNode;
  const aliases = usingAliases(root);
  const locals = new LocalBindings(bindingsOf(root));
  const calls: CallSite[] = [];
  for (const node of root.descendantsOfType(['object_creation_expression', 'implicit_object_creation_expression', 'invocation_expression'])) {
    if (!node) continue;
    const at = calleeName(node);
    if (!at) continue;
    const target = node.type === 'invocation_expression' ? node.childForFieldName('function')?.childForFieldName('expression') : null;
    const site: CallSite = { name: aliases.get(at.text) ?? at.text, at, receiver: target?.text, ...argumentsOf(node.childForFieldName('arguments') ?? node.namedChildren.find((child) => child?.type === 'argument_list') ?? null) };
    const builder = MSAL_CREDENTIAL_METHODS.has(site.name) && target ? confidentialBuilder(target, locals, aliases) : null;
    if (builder) {
      site.receiver = CONFIDENTIAL_BUILDER;
      if (builder.clientId) site.named = new Map([['clientId', builder.clientId]]);
    }
    calls.push(site);
  }
  const language: SdkLanguage = { ...DOTNET, resolve: (node) => locals.resolve(node, nameOf) };
  return sdkFindings(language, file, calls, namesRopcEnv(root, csharpLiteral, LITERALS));
}

const CONFIDENTIAL_BUILDER = 'ConfidentialClientApplicationBuilder';
/** The builder methods that give an MSAL.NET confidential client its credential (kinds in rules.ts). */
const MSAL_CREDENTIAL_METHODS = new Set(['WithClientSecret', 'WithCertificate', 'WithClientClaims', 'WithClientAssertion']);

/**
 * Walks a builder chain back to `ConfidentialClientApplicationBuilder.Create(clientId)`, through the variables it
 * is kept in (`var b = …Create(id); b = b.WithCertificate(c);`). Null when the chain starts anywhere else.
 */
function confidentialBuilder(start: Node, locals: LocalBindings, aliases: ReadonlyMap<string, string>): { clientId: Node | null } | null {
  let current: Node | null = start;
  for (let hops = 0; current && hops < 16; hops += 1) {
    if (current.type === 'identifier') {
      current = locals.before(current.text, current.startIndex);
      continue;
    }
    if (current.type !== 'invocation_expression') return null;
    const callee = current.childForFieldName('function');
    if (callee?.type !== 'member_access_expression') return null;
    const method = callee.childForFieldName('name')?.text;
    const owner = callee.childForFieldName('expression');
    const ownerName = owner ? (owner.text.split('.').pop() ?? '') : '';
    if ((method === 'Create' || method === 'CreateWithApplicationOptions') && (aliases.get(ownerName) ?? ownerName) === CONFIDENTIAL_BUILDER) {
      const first = argumentsOf(current.childForFieldName('arguments')).args[0] ?? null;
      return { clientId: method === 'Create' ? first : null };
    }
    current = owner;
  }
  return null;
}

/** `using UPC = Azure.Identity.UsernamePasswordCredential;` → UPC ↦ UsernamePasswordCredential. */
function usingAliases(root: Node): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const using of root.descendantsOfType('using_directive')) {
    const alias = using?.childForFieldName('name')?.text;
    const target = using?.namedChildren.find((child) => child?.type === 'qualified_name' || (child?.type === 'identifier' && child.text !== alias));
    if (alias && target) aliases.set(alias, typeName(target)?.text ?? target.text);
  }
  return aliases;
}

/** The simple name of a type: `Azure.Identity.X` → X, `X<T>` → X. */
function typeName(type: Node): Node | null {
  if (type.type === 'identifier') return type;
  if (type.type === 'qualified_name') return type.childForFieldName('name');
  if (type.type === 'generic_name') return type.namedChildren.find((child) => child?.type === 'identifier') ?? null;
  return null;
}

function calleeName(node: Node): Node | null {
  if (node.type === 'object_creation_expression') {
    const type = node.childForFieldName('type');
    return type ? typeName(type) : null;
  }
  if (node.type === 'implicit_object_creation_expression') {
    // `ClientSecretCredential c = new(…)`: the type is the declaration's.
    const declaration = node.parent?.parent;
    const type = declaration?.type === 'variable_declaration' ? declaration.childForFieldName('type') : null;
    return type ? typeName(type) : null;
  }
  const callee = node.childForFieldName('function');
  if (callee?.type === 'member_access_expression') {
    const name = callee.childForFieldName('name');
    return name ? typeName(name) : null;
  }
  return callee ? typeName(callee) : null;
}

function argumentsOf(list: Node | null): { args: Node[]; named: Map<string, Node> } {
  const args: Node[] = [];
  const named = new Map<string, Node>();
  for (const argument of list?.namedChildren ?? []) {
    if (argument?.type !== 'argument') continue;
    const name = argument.childForFieldName('name')?.text;
    const value = argument.namedChildren[argument.namedChildren.length - 1];
    if (!value) continue;
    if (name) named.set(name, value);
    else args.push(value);
  }
  return { args, named };
}
