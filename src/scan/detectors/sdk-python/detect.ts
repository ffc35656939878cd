import type { Node } from 'web-tree-sitter';
import type { ParsedFile, SourceFile } from '../../core/detector.js';
import type { ScanFinding } from '../../../model/scan-finding.js';
import { namesRopcEnv, sdkFindings, unquoteLiteral, type CallSite, type SdkLanguage } from '../../detector-kit/sdk-call.js';
import { PYTHON_APIS, SDK_PYTHON_RULES } from './rules.js';

function pythonLiteral(node: Node): string | null {
  if (node.type !== 'string' || node.descendantsOfType('interpolation').length > 0) return null;
  return unquoteLiteral(node.text);
}

const PYTHON: SdkLanguage = { detectorId: 'sdk-python', ecosystem: 'python', rules: SDK_PYTHON_RULES, apis: PYTHON_APIS, credentialName: (name) => name, literal: pythonLiteral };

/** Azure Identity, MSAL, ADAL and azure.common sign-ins in Python, by callee name with `import … as` aliases resolved. */
export function detectSdkPython(file: SourceFile, parsed: ParsedFile): ScanFinding[] {
  if (parsed.kind !== 'tree') return [];
  const root = parsed.tree.rootNode;
  const aliases = importAliases(root);
  const calls: CallSite[] = [];
  for (const call of root.descendantsOfType('call')) {
    if (!call) continue;
    const site = callSite(call, aliases);
    if (site) calls.push(site);
  }
  return sdkFindings(PYTHON, file, calls, namesRopcEnv(root, pythonLiteral, ['string']));
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
