import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

type Segment = PropertyKey;

function keyText(key: unknown): string | null {
  if (isScalar(key)) return String(key.value);
  return typeof key === 'string' ? key : null;
}

/** The pair of `map` whose key is `name`, if any. */
function pairOf(node: unknown, name: string): { key: Node | null; value: unknown } | null {
  if (!isMap(node)) return null;
  for (const pair of node.items) {
    if (keyText(pair.key) === name) return { key: isScalar(pair.key) ? pair.key : null, value: pair.value };
  }
  return null;
}

function childOf(node: unknown, segment: Segment): unknown {
  if (isSeq(node) && typeof segment === 'number') return node.items[segment];
  return pairOf(node, String(segment))?.value;
}

function startOf(node: unknown): number | null {
  if (node !== null && typeof node === 'object' && 'range' in node) {
    const range: unknown = node.range;
    if (Array.isArray(range) && typeof range[0] === 'number') return range[0];
  }
  return null;
}

/**
 * The line (1-based) a validation issue is about: the value at `path`, or for `key` the key itself inside the map at
 * `path`; when the path leads nowhere (a missing key), the deepest node it reaches.
 */
export function lineOf(document: Document, counter: LineCounter, path: readonly Segment[], key: string | null = null): number | null {
  let node: unknown = document.contents;
  let offset = startOf(node);
  for (const segment of path) {
    const next = childOf(node, segment);
    if (next === undefined || next === null) {
      // A key given with no value (`owner:`) is null: its key still has a place.
      const pair = typeof segment === 'number' ? null : pairOf(node, String(segment));
      const at = startOf(pair?.key);
      if (at !== null) offset = at;
      node = null;
      break;
    }
    node = next;
    offset = startOf(next) ?? offset;
  }
  if (key !== null) offset = startOf(pairOf(node, key)?.key) ?? offset;
  return offset === null ? null : counter.linePos(offset).line;
}
