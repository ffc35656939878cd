import type { Node } from 'web-tree-sitter';
import type { ParsedFile, SourceFile } from '../../core/detector.js';
import type { ScanFinding } from '../../../model/scan-finding.js';
import { LocalBindings, type Binding } from '../../detector-kit/local-bindings.js';
import { namesRopcEnv, sdkFindings, type CallSite, type SdkLanguage } from '../../detector-kit/sdk-call.js';
import { GO_APIS, SDK_GO_RULES } from './rules.js';

function goLiteral(node: Node): string | null {
  if (node.type === 'interpreted_string_literal') return node.namedChildren.filter((child) => child?.type === 'interpreted_string_literal_content').map((child) => child?.text ?? '').join('');
  if (node.type === 'raw_string_literal') return node.namedChildren.find((child) => child?.type === 'raw_string_literal_content')?.text ?? '';
  return null;
}

const GO: SdkLanguage = { detectorId: 'sdk-go', ecosystem: 'go', rules: SDK_GO_RULES, apis: GO_APIS, credentialName: (name) => name.replace(/^New/u, ''), literal: goLiteral };

function nameOf(node: Node): string | null {
  return node.type === 'identifier' ? node.text : null;
}

function expressions(list: Node | null): Node[] {
  return (list?.namedChildren ?? []).filter((child): child is Node => child !== null && child.type !== 'comment');
}

/**
 * `x := …`, `x = …`, `var x = …`, `const x = …` in the file, for LocalBindings. With one value for several
 * names (`cred, err := confidential.NewCredFromSecret(s)`), the first name gets it.
 */
function bindingsOf(root: Node): Binding[] {
  const bindings: Binding[] = [];
  for (const node of root.descendantsOfType(['short_var_declaration', 'assignment_statement', 'var_spec', 'const_spec'])) {
    if (!node) continue;
    const names = node.type === 'var_spec' || node.type === 'const_spec' ? node.childrenForFieldName('name').filter((child): child is Node => child !== null) : expressions(node.childForFieldName('left'));
    const values = expressions(node.childForFieldName(node.type === 'var_spec' || node.type === 'const_spec' ? 'value' : 'right'));
    names.forEach((name, position) => {
      const value = values.length === names.length ? values[position] : position === 0 ? values[0] : undefined;
      if (name.type === 'identifier' && value) bindings.push({ name: name.text, value });
    });
  }
  return bindings;
}

/** MSAL Go's confidential credential constructors (kinds in rules.ts). */
const MSAL_CREDENTIALS = new Set(['NewCredFromSecret', 'NewCredFromCert', 'NewCredFromAssertion', 'NewCredFromAssertionCallback']);

/**
 * The client ID of the `confidential.New([authority,] clientID, cred)` that receives an MSAL credential, directly
 * or through the variable it was assigned to: the argument before the credential.
 */
function confidentialClientId(credential: Node, news: readonly Node[], locals: LocalBindings): Node | null {
  for (const call of news) {
    const args = expressions(call.childForFieldName('arguments'));
    const position = args.findIndex((arg) => locals.resolve(arg, nameOf).id === credential.id);
    if (position >= 1) return args[position - 1] ?? null;
  }
  return null;
}

/** azidentity `New…Credential` constructors and MSAL Go calls, by the called function's name. */
export function detectSdkGo(file: SourceFile, parsed: ParsedFile): ScanFinding[] {
  if (parsed.kind !== 'tree') return [];
  const root = parsed.tree.rootNode;
  const locals = new LocalBindings(bindingsOf(root));
  const sites: { call: Node; site: CallSite }[] = [];
  for (const call of root.descendantsOfType('call_expression')) {
    const callee = call?.childForFieldName('function');
    const at = callee?.type === 'selector_expression' ? callee.childForFieldName('field') : callee?.type === 'identifier' ? callee : null;
    if (!call || !at) continue;
    sites.push({ call, site: { name: at.text, at, args: expressions(call.childForFieldName('arguments')), named: new Map() } });
  }
  const news = sites.filter(({ site }) => site.name === 'New').map(({ call }) => call);
  for (const { call, site } of sites) {
    if (!MSAL_CREDENTIALS.has(site.name)) continue;
    const clientId = confidentialClientId(call, news, locals);
    if (clientId) site.named = new Map([['clientID', clientId]]);
  }
  const language: SdkLanguage = { ...GO, resolve: (node) => locals.resolve(node, nameOf) };
  return sdkFindings(language, file, sites.map(({ site }) => site), namesRopcEnv(root, goLiteral, ['interpreted_string_literal', 'raw_string_literal']));
}
