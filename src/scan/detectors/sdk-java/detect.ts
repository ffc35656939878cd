import type { Node } from 'web-tree-sitter';
import type { ParsedFile, SourceFile } from '../../core/detector.js';
import type { ScanFinding } from '../../../model/scan-finding.js';
import { LocalBindings, type Binding } from '../../detector-kit/local-bindings.js';
import { namesRopcEnv, sdkFindings, type CallSite, type SdkLanguage } from '../../detector-kit/sdk-call.js';
import { JAVA_APIS, SDK_JAVA_RULES } from './rules.js';

function javaLiteral(node: Node): string | null {
  if (node.type !== 'string_literal') return null;
  return node.namedChildren.filter((child) => child?.type === 'string_fragment').map((child) => child?.text ?? '').join('');
}

const JAVA: SdkLanguage = {
  detectorId: 'sdk-java',
  ecosystem: 'java',
  rules: SDK_JAVA_RULES,
  apis: JAVA_APIS,
  credentialName: (name) => name.replace(/Builder$/u, ''),
  literal: javaLiteral,
};

/** Types whose constructor signs in (the legacy management libraries), as opposed to azure-identity's builders. */
const CONSTRUCTED_TYPES = new Set(['UserTokenCredentials']);

/** The MSAL4J request-parameter types whose static `builder(…)` starts a sign-in. */
const PARAMETER_TYPES = new Set(['UserNamePasswordParameters', 'DeviceCodeFlowParameters', 'InteractiveRequestParameters']);

function nameOf(node: Node): string | null {
  return node.type === 'identifier' ? node.text : null;
}

/** `T x = …`, `var x = …`, fields and `x = …` in the file, for LocalBindings. */
function bindingsOf(root: Node): Binding[] {
  const bindings: Binding[] = [];
  for (const node of root.descendantsOfType(['variable_declarator', 'assignment_expression'])) {
    const name = node?.childForFieldName(node.type === 'variable_declarator' ? 'name' : 'left');
    const value = node?.childForFieldName(node.type === 'variable_declarator' ? 'value' : 'right');
    if (name?.type === 'identifier' && value) bindings.push({ name: name.text, value });
  }
  return bindings;
}

function argumentList(invocation: Node): Node[] {
  return (invocation.childForFieldName('arguments')?.namedChildren ?? []).filter((child): child is Node => child !== null && child.type !== 'line_comment' && child.type !== 'block_comment');
}

/** The last segment of a (possibly qualified) name: `com.microsoft.aad.msal4j.ClientCredentialFactory` → ClientCredentialFactory. */
function simpleName(node: Node | null): string {
  return node ? (node.text.split('.').pop() ?? '') : '';
}

/**
 * MSAL4J confidential clients: `ClientCredentialFactory.createFromSecret|createFromCertificate|createFromClientAssertion…`
 * makes the credential; the client ID is the first argument of the `ConfidentialClientApplication.builder(clientId,
 * credential)` that receives it, directly or through a variable.
 */
function msalCredentialSites(root: Node, locals: LocalBindings): CallSite[] {
  const builders = root.descendantsOfType('method_invocation').filter((node): node is Node => node !== null && node.childForFieldName('name')?.text === 'builder' && simpleName(node.childForFieldName('object')) === 'ConfidentialClientApplication');
  const sites: CallSite[] = [];
  for (const invocation of root.descendantsOfType('method_invocation')) {
    const name = invocation?.childForFieldName('name');
    if (!invocation || !name || simpleName(invocation.childForFieldName('object')) !== 'ClientCredentialFactory') continue;
    const builder = builders.find((candidate) => {
      const credential = argumentList(candidate)[1];
      return credential !== undefined && locals.resolve(credential, nameOf).id === invocation.id;
    });
    const clientId = builder ? argumentList(builder)[0] : undefined;
    sites.push({ name: name.text, at: name, args: [], named: clientId ? new Map([['clientId', clientId]]) : new Map(), receiver: 'ClientCredentialFactory' });
  }
  return sites;
}

/** azure-identity credential builders and MSAL4J parameter builders and confidential-client credentials in Java. */
export function detectSdkJava(file: SourceFile, parsed: ParsedFile): ScanFinding[] {
  if (parsed.kind !== 'tree') return [];
  const root = parsed.tree.rootNode;
  const locals = new LocalBindings(bindingsOf(root));
  const calls: CallSite[] = [];
  for (const node of root.descendantsOfType(['object_creation_expression', 'method_invocation'])) {
    if (!node) continue;
    const site = node.type === 'object_creation_expression' ? (builderSite(node) ?? constructorSite(node)) : (parametersSite(node) ?? adalPasswordSite(node));
    if (site) calls.push(site);
  }
  calls.push(...msalCredentialSites(root, locals));
  const language: SdkLanguage = { ...JAVA, resolve: (node) => locals.resolve(node, nameOf) };
  return sdkFindings(language, file, calls, namesRopcEnv(root, javaLiteral, ['string_literal']));
}

/** `new XCredentialBuilder().clientId("…").username("…")…build()`: setter arguments become named arguments. */
function builderSite(creation: Node): CallSite | null {
  const type = creation.childForFieldName('type');
  const at = type?.type === 'scoped_type_identifier' ? type.namedChildren[type.namedChildren.length - 1] : type;
  if (!at || !at.text.endsWith('Builder')) return null;
  const named = new Map<string, Node>();
  let current: Node = creation;
  for (let parent = current.parent; parent?.type === 'method_invocation' && parent.childForFieldName('object')?.id === current.id; parent = current.parent) {
    const setter = parent.childForFieldName('name')?.text;
    const value = parent.childForFieldName('arguments')?.namedChildren[0];
    if (setter && value && !named.has(setter)) named.set(setter, value);
    current = parent;
  }
  return { name: at.text, at, args: [], named };
}

/** `new UserTokenCredentials(clientId, domain, username, password, environment)`: a sign-in type built by its constructor. */
function constructorSite(creation: Node): CallSite | null {
  const type = creation.childForFieldName('type');
  const at = type?.type === 'scoped_type_identifier' ? type.namedChildren[type.namedChildren.length - 1] : type;
  if (!at || !CONSTRUCTED_TYPES.has(at.text)) return null;
  const args = (creation.childForFieldName('arguments')?.namedChildren ?? []).filter((child): child is Node => child !== null && child.type !== 'line_comment' && child.type !== 'block_comment');
  return { name: at.text, at, args, named: new Map() };
}

/** `UserNamePasswordParameters.builder(scopes, username, password)`. */
function parametersSite(invocation: Node): CallSite | null {
  const object = invocation.childForFieldName('object');
  const name = invocation.childForFieldName('name');
  if (!object || name?.text !== 'builder') return null;
  const typeName = object.type === 'field_access' ? object.childForFieldName('field')?.text : object.text;
  if (!typeName || !PARAMETER_TYPES.has(typeName)) return null;
  const args = (invocation.childForFieldName('arguments')?.namedChildren ?? []).filter((child): child is Node => child !== null && child.type !== 'line_comment' && child.type !== 'block_comment');
  return { name: typeName, at: object.type === 'field_access' ? (object.childForFieldName('field') ?? object) : object, args, named: new Map() };
}

/**
 * ADAL4J `AuthenticationContext.acquireToken(resource, clientId, username, password, callback)`: the only
 * five-argument overload; the application overloads take three (resource, credential, callback).
 */
function adalPasswordSite(invocation: Node): CallSite | null {
  const name = invocation.childForFieldName('name');
  if (name?.text !== 'acquireToken' || !invocation.childForFieldName('object')) return null;
  const args = (invocation.childForFieldName('arguments')?.namedChildren ?? []).filter((child): child is Node => child !== null && child.type !== 'line_comment' && child.type !== 'block_comment');
  if (args.length !== 5) return null;
  return { name: 'AuthenticationContext.acquireToken', at: name, args, named: new Map() };
}
