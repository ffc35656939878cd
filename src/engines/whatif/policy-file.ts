import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { InputError } from '../../errors.js';
import { caPolicySchema, type CaPolicy } from '../../model/conditional-access-policy.js';

/**
 * A what-if policy file: Conditional Access policies in Microsoft Graph's JSON, one object, a list of them, or a Graph
 * page (`{ "value": [ … ] }`, as `GET /identity/conditionalAccess/policies` returns). Each is checked with the same
 * schema as an imported policy; a bad file is one InputError naming the file and line.
 */

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}

/** The policies' nodes: the document itself, its items, or its page's `value` items. */
function policyNodes(root: Node): Node[] {
  if (root.type === 'array') return root.children ?? [];
  const page = findNodeAtLocation(root, ['value']);
  if (root.type === 'object' && page?.type === 'array') return page.children ?? [];
  return [root];
}

export function parsePolicyFile(text: string, path: string): CaPolicy[] {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const [error] = errors;
  if (error !== undefined || root === undefined) {
    const at = error ? lineAt(text, error.offset) : 1;
    throw new InputError(`${path}:${at}: not JSON (${error ? printParseErrorCode(error.error) : 'empty file'})`, 'give Conditional Access policies as Microsoft Graph JSON: one object, a list, or a page with "value"');
  }
  const nodes = policyNodes(root);
  if (nodes.length === 0) throw new InputError(`${path}:1: no policy in the file`, 'give at least one Conditional Access policy');
  const policies: CaPolicy[] = [];
  nodes.forEach((node, index) => {
    const parsed = caPolicySchema.safeParse(getNodeValue(node));
    if (parsed.success) {
      policies.push(parsed.data);
      return;
    }
    const issue = parsed.error.issues[0];
    const issuePath = (issue?.path ?? []).filter((part): part is string | number => typeof part !== 'symbol');
    // The deepest node the issue's path reaches, for its line.
    let at: Node = node;
    for (let depth = issuePath.length; depth > 0; depth--) {
      const found = findNodeAtLocation(node, issuePath.slice(0, depth));
      if (found) {
        at = found;
        break;
      }
    }
    const field = issuePath.length > 0 ? `${issuePath.join('.')}: ` : '';
    throw new InputError(`${path}:${lineAt(text, at.offset)}: policy ${index + 1}: ${field}${issue?.message ?? 'invalid'}`, 'fix the policy, or export it again from Microsoft Graph');
  });
  const seen = new Set<string>();
  for (const policy of policies) {
    if (seen.has(policy.id)) throw new InputError(`${path}:1: policy ${policy.id} is given twice`, 'give each policy once');
    seen.add(policy.id);
  }
  return policies;
}
