import type { Node } from 'web-tree-sitter';

/** Nodes worth stopping at when unwrapping PowerShell's deep single-child expression chains. */
const MEANINGFUL = new Set([
  'variable', 'string_literal', 'command', 'invokation_expression', 'member_access', 'hash_literal_expression', 'sub_expression',
  'array_expression', 'integer_literal', 'generic_token', 'type_literal', 'element_access', 'cast_expression', 'script_block_expression',
]);

/** Descends `pipeline > pipeline_chain > logical_expression > … > unary_expression` to the node that carries meaning. */
export function unwrap(node: Node): Node {
  let current = node;
  for (let depth = 0; depth < 40; depth += 1) {
    if (MEANINGFUL.has(current.type)) return current;
    const children = current.namedChildren.filter((child): child is Node => child !== null && child.type !== 'comment');
    const only = children.length === 1 ? children[0] : undefined;
    if (!only) return current;
    current = only;
  }
  return current;
}

/** A variable's name as PowerShell resolves it: lower-case, without `$`/`@` and scope prefixes (`script:`, `using:`). */
export function variableName(text: string): string {
  return text.replace(/^[$@]\{?/u, '').replace(/\}$/u, '').replace(/^(?:script|global|local|private|using):/iu, '').toLowerCase();
}

export interface CommandParameter {
  /** Lower-case, without the dash. */
  name: string;
  value: Node | null;
  at: Node;
}

export interface CommandCall {
  /** Lower-case command name (`connect-azaccount`, `az`). */
  name: string;
  node: Node;
  parameters: CommandParameter[];
  positionals: Node[];
  /** Every argument's source text in order (parameters included): az's own flags are parsed from these. */
  words: string[];
  /** `@p` splats in the call. */
  splats: Node[];
}

/** Switch parameters: the argument after them is not their value (unless written `-Switch:$value`). */
const SWITCHES = new Set([
  'serviceprincipal', 'identity', 'msi', 'managedservice', 'usedeviceauthentication', 'devicecode', 'deviceauth', 'device', 'force',
  'skipcontextpopulation', 'skipvalidation', 'interactive', 'usewebLogin'.toLowerCase(), 'devicelogin', 'managedidentity', 'azureadworkloadidentity',
  'nowelcome', 'environmentvariable', 'asplaintext', 'usedevicecode', 'launchbrowser', 'showbanner', 'integratedwindowsauth', 'silent',
]);

export function commandName(command: Node): string | null {
  for (const child of command.namedChildren) {
    if (child?.type === 'command_name') return child.text.toLowerCase();
    if (child?.type === 'command_name_expr') {
      const name = child.namedChildren.find((inner) => inner?.type === 'command_name');
      return name ? name.text.toLowerCase() : null;
    }
  }
  return null;
}

/** A command's parameters, positionals and splats, from its `command_elements`. */
export function readCommand(command: Node): CommandCall | null {
  const rawName = commandName(command);
  if (rawName === null) return null;
  const name = (rawName.split(/[\\/]/u).pop() ?? rawName).replace(/\.(?:exe|cmd|ps1)$/u, '');
  const call: CommandCall = { name, node: command, parameters: [], positionals: [], words: [], splats: [] };
  const elements = command.namedChildren.find((child) => child?.type === 'command_elements');
  if (!elements) return call;
  let pending: CommandParameter | null = null;
  let attached = false;
  for (const child of elements.children) {
    if (!child) continue;
    if (child.type === 'command_argument_sep') {
      // `-Switch:$false` binds across a ':' separator; whitespace does not bind a switch.
      attached = child.text.trim() === ':';
      continue;
    }
    if (child.type === 'comment') continue;
    call.words.push(child.text);
    if (child.type === 'command_parameter') {
      const parameterName = child.text.replace(/^-+/u, '').replace(/:$/u, '').toLowerCase();
      pending = { name: parameterName, value: null, at: child };
      call.parameters.push(pending);
      attached = child.text.endsWith(':');
      continue;
    }
    const inner = unwrap(child);
    if (inner.type === 'variable' && inner.text.startsWith('@')) {
      call.splats.push(inner);
      pending = null;
      continue;
    }
    if (pending && (attached || !SWITCHES.has(pending.name))) {
      pending.value = child;
      pending = null;
      continue;
    }
    pending = null;
    call.positionals.push(child);
  }
  return call;
}

/** The entries of a `@{ Key = value; … }` literal: lower-case key → value node. */
export function hashEntries(hash: Node): Map<string, Node> {
  const entries = new Map<string, Node>();
  for (const body of hash.namedChildren) {
    if (body?.type !== 'hash_literal_body') continue;
    for (const entry of body.namedChildren) {
      if (entry?.type !== 'hash_entry') continue;
      const key = entry.namedChildren.find((child) => child?.type === 'key_expression');
      const value = entry.namedChildren.find((child) => child !== null && child.type !== 'key_expression');
      if (key && value) entries.set(key.text.replace(/^['"]|['"]$/gu, '').toLowerCase(), value);
    }
  }
  return entries;
}

/** The argument nodes of a `( a, b )` argument_list. */
export function argumentNodes(list: Node): Node[] {
  const expressions = list.namedChildren.find((child) => child?.type === 'argument_expression_list');
  if (!expressions) return [];
  return expressions.namedChildren.filter((child): child is Node => child?.type === 'argument_expression');
}

/** The last segment of a .NET type name in `[A.B.C]` or `A.B.C`, lower-case. */
export function typeBaseName(text: string): string {
  const cleaned = text.replace(/^\[|\]$/gu, '').trim();
  return (cleaned.split('.').pop() ?? cleaned).toLowerCase();
}
