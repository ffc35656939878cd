import type { Node } from 'web-tree-sitter';
import type { ParsedFile, SourceFile } from '../../core/detector.js';
import type { ScanFinding } from '../../../model/scan-finding.js';
import type { SdkRuleKind } from '../../../catalog/azure-identity-apis.js';
import { LocalBindings, type Binding } from '../../detector-kit/local-bindings.js';
import { namesRopcEnv, sdkFindings, unquoteLiteral, type CallSite, type SdkLanguage } from '../../detector-kit/sdk-call.js';
import { PYTHON_APIS, SDK_PYTHON_RULES } from './rules.js';

export function pythonLiteral(node: Node): string | null {
  if (node.type !== 'string' || node.descendantsOfType('interpolation').length > 0) return null;
  return unquoteLiteral(node.text);
}

const PYTHON: SdkLanguage = { detectorId: 'sdk-python', ecosystem: 'python', rules: SDK_PYTHON_RULES, apis: PYTHON_APIS, credentialName: (name) => name, literal: pythonLiteral };

/** A plain name, for LocalBindings. */
export function pythonNameOf(node: Node): string | null {
  return node.type === 'identifier' ? node.text : null;
}

/** `x = …` (and `x: T = …`) in the file, for LocalBindings. */
export function pythonBindings(root: Node): Binding[] {
  const bindings: Binding[] = [];
  for (const assignment of root.descendantsOfType('assignment')) {
    const left = assignment?.childForFieldName('left');
    const right = assignment?.childForFieldName('right');
    if (left?.type === 'identifier' && right) bindings.push({ name: left.text, value: right });
  }
  return bindings;
}

/** Keys of MSAL Python's `client_credential` dict that make it a certificate, or a client assertion. */
const CERTIFICATE_KEYS = new Set(['private_key', 'thumbprint', 'private_key_pfx_path', 'public_certificate']);

/**
 * `ConfidentialClientApplication(client_id, client_credential=…)`: a string is a secret; a dict (followed through
 * variables) with `client_assertion` is an assertion, with `private_key`/`thumbprint`/`private_key_pfx_path` a
 * certificate. Any other value (read from settings, returned by a function) is taken as the common case, a secret.
 * Null when there is no credential argument.
 */
function confidentialKind(site: CallSite, locals: LocalBindings): SdkRuleKind | null {
  const argument = site.named.get('client_credential') ?? site.args[1];
  if (!argument || argument.text === 'None') return null;
  const value = locals.resolve(argument, pythonNameOf);
  if (value.type !== 'dictionary') return 'msal-client-secret';
  const keys = new Set(value.namedChildren.filter((child) => child?.type === 'pair').map((pair) => {
    const key = pair?.childForFieldName('key');
    return key ? (pythonLiteral(key) ?? key.text) : '';
  }));
  if (keys.has('client_assertion')) return 'msal-client-assertion';
  return [...keys].some((key) => CERTIFICATE_KEYS.has(key)) ? 'msal-client-certificate' : 'msal-client-secret';
}

/** Azure Identity, MSAL, ADAL and azure.common sign-ins in Python, by callee name with `import … as` aliases resolved. */
export function detectSdkPython(file: SourceFile, parsed: ParsedFile): ScanFinding[] {
  if (parsed.kind !== 'tree') return [];
  const root = parsed.tree.rootNode;
  const aliases = importAliases(root);
  const locals = new LocalBindings(pythonBindings(root));
  const calls: CallSite[] = [];
  for (const call of root.descendantsOfType('call')) {
    if (!call) continue;
    const site = callSite(call, aliases);
    if (!site) continue;
    if (site.name === 'ConfidentialClientApplication') {
      const kind = confidentialKind(site, locals);
      if (!kind) continue;
      site.kind = kind;
    }
    calls.push(site);
  }
  const language: SdkLanguage = { ...PYTHON, resolve: (node) => locals.resolve(node, pythonNameOf) };
  return sdkFindings(language, file, calls, namesRopcEnv(root, pythonLiteral, ['string']));
}

/** `from azure.identity import UsernamePasswordCredential as UPC` → UPC ↦ UsernamePasswordCredential. */
function importAliases(root: Node): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const aliased of root.descendantsOfType('aliased_import')) {
    const name = aliased?.childForFieldName('name')?.text.split('.').pop();
    const alias = aliased?.childForFieldName('alias')?.text;
    if (name && alias) aliases.set(alias, name);
  }
  return aliases;
}

function callSite(call: Node, aliases: ReadonlyMap<string, string>): CallSite | null {
  const callee = call.childForFieldName('function');
  let at: Node | null = null;
  if (callee?.type === 'identifier') at = callee;
  if (callee?.type === 'attribute') at = callee.childForFieldName('attribute');
  if (!at) return null;
  const args: Node[] = [];
  const named = new Map<string, Node>();
  for (const argument of call.childForFieldName('arguments')?.namedChildren ?? []) {
    if (!argument || argument.type === 'comment') continue;
    if (argument.type === 'keyword_argument') {
      const key = argument.childForFieldName('name')?.text;
      const value = argument.childForFieldName('value');
      if (key && value) named.set(key, value);
    } else {
      args.push(argument);
    }
  }
  const written = at.text;
  return { name: (callee?.type === 'identifier' ? aliases.get(written) : undefined) ?? written, at, args, named };
}
