import { parseTree, type Node, type ParseError } from 'jsonc-parser';

/**
 * JSON text → value, keeping the FIRST of duplicate keys in an object.
 *
 * JSON leaves duplicate keys undefined (RFC 8259 §4). `JSON.parse` keeps the last one; DuckDB's reader, which reads
 * JSON Lines on the import's fast path, keeps the first. A record that said `"userPrincipalName"` twice would then be a
 * different sign-in depending on the road it took (the fast path, or the line-by-line path a single bad line elsewhere
 * in the file sends it down), so every path keeps the first, as DuckDB does. `JSON.parse` still does the parsing and
 * the error messages; only a text with more `:` separators than the parsed value has keys holds a duplicate, and only
 * that text is parsed again, by jsonc-parser, into a first-key-wins value.
 */
export function parseJsonFirstKeyWins(text: string): unknown {
  const value: unknown = JSON.parse(text);
  if (separatorCount(text) === keyCount(value)) return value;
  const errors: ParseError[] = [];
  let tree: Node | undefined;
  try {
    tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  } catch (error) {
    // jsonc-parser recurses; JSON.parse does not. A deep document with a duplicate key is refused, not misread.
    if (error instanceof RangeError) throw new Error('nested too deeply to read its duplicate keys', { cause: error });
    throw error;
  }
  if (tree === undefined || errors.length > 0) throw new Error('duplicate keys in a document jsonc-parser cannot read');
  return nodeValue(tree);
}

/** The `:` outside strings: one per object member in valid JSON. */
function separatorCount(text: string): number {
  let count = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 92) i += 1;
      else if (code === 34) inString = false;
    } else if (code === 34) inString = true;
    else if (code === 58) count += 1;
  }
  return count;
}

/** Object members in a parsed value, counted without recursion: JSON.parse accepts nesting a recursive walk cannot. */
function keyCount(value: unknown): number {
  let count = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next !== 'object' || next === null) continue;
    const values = Array.isArray(next) ? next : Object.values(next);
    if (!Array.isArray(next)) count += values.length;
    // One push per value: spreading a million-element array would overflow the argument limit.
    for (const item of values) pending.push(item);
  }
  return count;
}

function nodeValue(node: Node): unknown {
  if (node.type === 'array') return (node.children ?? []).map(nodeValue);
  if (node.type !== 'object') return node.value;
  const out: Record<string, unknown> = {};
  for (const member of node.children ?? []) {
    const [key, value] = member.children ?? [];
    if (key === undefined || value === undefined || typeof key.value !== 'string' || Object.hasOwn(out, key.value)) continue;
    // As JSON.parse does: "__proto__" becomes an own property, never the prototype.
    Object.defineProperty(out, key.value, { value: nodeValue(value), enumerable: true, writable: true, configurable: true });
  }
  return out;
}
