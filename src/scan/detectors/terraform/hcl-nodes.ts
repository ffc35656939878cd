import type { Node } from 'web-tree-sitter';

/**
 * Reading the tree-sitter `terraform` grammar's nodes: blocks, their labels and arguments, object literals,
 * string literals. Shared by the credential and embedded-script halves of the detector.
 */

/** An argument: its value expression and the node to report at (the `name = …` attribute or object element). */
export interface HclArgument {
  value: Node;
  at: Node;
}

function bodyOf(node: Node): Node | null {
  return node.namedChildren.find((child) => child?.type === 'body') ?? null;
}

/** The blocks directly inside a config file or a block. */
export function childBlocks(node: Node): Node[] {
  const body = node.type === 'body' ? node : bodyOf(node);
  return body ? body.namedChildren.filter((child): child is Node => child?.type === 'block') : [];
}

/** A block's type and labels: `resource "azurerm_x" "name"` → ['resource', ['azurerm_x', 'name']]. */
export function blockHead(block: Node): { type: string; labels: string[] } {
  const children = block.namedChildren.filter((child): child is Node => child !== null);
  const type = children[0]?.type === 'identifier' ? children[0].text : '';
  const labels: string[] = [];
  for (const child of children.slice(1)) {
    if (child.type === 'string_lit') labels.push(child.namedChildren.find((part) => part?.type === 'template_literal')?.text ?? '');
    else if (child.type === 'identifier') labels.push(child.text);
    else break;
  }
  return { type, labels };
}

/** The block's direct `name = expression` arguments (nested blocks such as `features {}` are not arguments). */
export function blockArguments(block: Node): Map<string, HclArgument> {
  const found = new Map<string, HclArgument>();
  const body = bodyOf(block);
  for (const child of body?.namedChildren ?? []) {
    if (child?.type !== 'attribute') continue;
    const name = child.namedChildren.find((part) => part?.type === 'identifier')?.text;
    const value = child.namedChildren.find((part) => part?.type === 'expression');
    if (name && value) found.set(name, { value, at: child });
  }
  return found;
}

/** Descends an expression's single-child wrappers (`expression > collection_value > object`). */
export function innerValue(expression: Node): Node {
  let current = expression;
  for (let depth = 0; depth < 8; depth += 1) {
    if (current.type !== 'expression' && current.type !== 'collection_value' && current.type !== 'literal_value' && current.type !== 'template_expr') return current;
    const only = current.namedChildren.filter((child): child is Node => child !== null);
    if (only.length !== 1 || !only[0]) return current;
    current = only[0];
  }
  return current;
}

/**
 * The elements of an object literal `{ key = value, "key" = value }` as arguments. Keys that are expressions
 * other than a bare name or a plain string (`(var.k) = …`) are left out.
 */
export function objectArguments(expression: Node): Map<string, HclArgument> | null {
  const object = innerValue(expression);
  if (object.type !== 'object') return null;
  const found = new Map<string, HclArgument>();
  for (const element of object.namedChildren) {
    if (element?.type !== 'object_elem') continue;
    const [key, value] = element.namedChildren.filter((child): child is Node => child?.type === 'expression');
    if (!key || !value) continue;
    const keyNode = innerValue(key);
    const name = keyNode.type === 'variable_expr' ? keyNode.text : literalString(key);
    if (name !== null) found.set(name, { value, at: element });
  }
  return found;
}

/** The arguments of a block or of an object-valued argument, whichever `node` is. */
export function argumentsOf(node: Node): Map<string, HclArgument> {
  return node.type === 'block' ? blockArguments(node) : (objectArguments(node) ?? new Map<string, HclArgument>());
}

/** A string literal without interpolation: `"azurerm"` → azurerm. Null for anything else. */
export function literalString(expression: Node): string | null {
  const inner = innerValue(expression);
  if (inner.type !== 'string_lit') return null;
  const parts = inner.namedChildren.filter((child): child is Node => child !== null && child.type !== 'quoted_template_start' && child.type !== 'quoted_template_end');
  if (parts.length === 0) return '';
  const [only] = parts;
  return parts.length === 1 && only?.type === 'template_literal' ? only.text : null;
}

/** `false` (the literal) turns a flag off. */
export function isFalse(expression: Node): boolean {
  return expression.text.trim() === 'false';
}

/** The first argument of a call such as `base64encode(<<EOF … EOF)` or `jsonencode({ … })`, by function name. */
export function callArgument(expression: Node, functions: ReadonlySet<string>): Node | null {
  const inner = innerValue(expression);
  if (inner.type !== 'function_call') return null;
  const name = inner.namedChildren.find((child) => child?.type === 'identifier')?.text ?? '';
  if (!functions.has(name)) return null;
  const args = inner.namedChildren.find((child) => child?.type === 'function_arguments');
  return args?.namedChildren.find((child) => child?.type === 'expression') ?? null;
}
