import type { Node } from 'web-tree-sitter';
import type { ParsedFile, SourceFile } from '../../core/detector.js';
import type { ScanFinding } from '../../../model/scan-finding.js';
import { namesRopcEnv, sdkFindings, unquoteLiteral, type CallSite, type SdkLanguage } from '../../detector-kit/sdk-call.js';
import { JAVASCRIPT_APIS, SDK_JAVASCRIPT_RULES } from './rules.js';

function javascriptLiteral(node: Node): string | null {
  if (node.type === 'string') return unquoteLiteral(node.text);
  if (node.type === 'template_string' && node.descendantsOfType('template_substitution').length === 0) return unquoteLiteral(node.text);
  return null;
}

const JAVASCRIPT: SdkLanguage = { detectorId: 'sdk-javascript', ecosystem: 'javascript', rules: SDK_JAVASCRIPT_RULES, apis: JAVASCRIPT_APIS, credentialName: (name) => name, literal: javascriptLiteral };

/** @azure/identity, MSAL, ADAL and ms-rest-nodeauth sign-ins in JavaScript/TypeScript, by constructor or method name. */
export function detectSdkJavascript(file: SourceFile, parsed: ParsedFile): ScanFinding[] {
  if (parsed.kind !== 'tree') return [];
  const root = parsed.tree.rootNode;
  const aliases = importAliases(root);
  const calls: CallSite[] = [];
  for (const node of root.descendantsOfType(['new_expression', 'call_expression'])) {
    if (!node) continue;
    const site = callSite(node, aliases);
    if (site) calls.push(site);
  }
  return sdkFindings(JAVASCRIPT, file, calls, namesRopcEnv(root, javascriptLiteral, ['string', 'template_string']));
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
