import type { Node } from 'web-tree-sitter';
import type { ParsedFile, SourceFile } from '../../core/detector.js';
import type { ScanFinding } from '../../../model/scan-finding.js';
import { namesRopcEnv, sdkFindings, type CallSite, type SdkLanguage } from '../../detector-kit/sdk-call.js';
import { GO_APIS, SDK_GO_RULES } from './rules.js';

function goLiteral(node: Node): string | null {
  if (node.type === 'interpreted_string_literal') return node.namedChildren.filter((child) => child?.type === 'interpreted_string_literal_content').map((child) => child?.text ?? '').join('');
  if (node.type === 'raw_string_literal') return node.namedChildren.find((child) => child?.type === 'raw_string_literal_content')?.text ?? '';
  return null;
}

const GO: SdkLanguage = { detectorId: 'sdk-go', ecosystem: 'go', rules: SDK_GO_RULES, apis: GO_APIS, credentialName: (name) => name.replace(/^New/u, ''), literal: goLiteral };

/** azidentity `New…Credential` constructors and MSAL Go calls, by the called function's name. */
export function detectSdkGo(file: SourceFile, parsed: ParsedFile): ScanFinding[] {
  if (parsed.kind !== 'tree') return [];
  const root = parsed.tree.rootNode;
  const calls: CallSite[] = [];
  for (const call of root.descendantsOfType('call_expression')) {
    const callee = call?.childForFieldName('function');
    const at = callee?.type === 'selector_expression' ? callee.childForFieldName('field') : callee?.type === 'identifier' ? callee : null;
    if (!call || !at) continue;
    const args = (call.childForFieldName('arguments')?.namedChildren ?? []).filter((child): child is Node => child !== null && child.type !== 'comment');
    calls.push({ name: at.text, at, args, named: new Map() });
  }
  return sdkFindings(GO, file, calls, namesRopcEnv(root, goLiteral, ['interpreted_string_literal', 'raw_string_literal']));
}
