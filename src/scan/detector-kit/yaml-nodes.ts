import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document, type Pair, type YAMLMap } from 'yaml';
import type { ParsedFile, SourceFile } from '../core/detector.js';
import type { Point } from '../core/finding.js';
import { offsetPoint } from './text-position.js';

/** The file's YAML documents: the core's parse when it made one, else our own (same library, same result). */
export function yamlDocuments(file: SourceFile, parsed: ParsedFile): Document.Parsed[] {
  if (parsed.kind === 'yaml') return parsed.documents;
  return [...parseAllDocuments(file.text)];
}

/** The pair under `key` in a mapping (keys compared as written). */
export function pairOf(map: unknown, key: string): Pair | null {
  if (!isMap(map)) return null;
  for (const pair of map.items) if (isScalar(pair.key) && String(pair.key.value) === key) return pair;
  return null;
}

export function valueOf(map: unknown, key: string): unknown {
  return pairOf(map, key)?.value ?? null;
}

/** A scalar's text (strings, numbers, booleans), null for collections and missing nodes. */
export function scalarText(node: unknown): string | null {
  if (!isScalar(node)) return null;
  const { value } = node;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

/** Where a node (or a pair's key) starts in the file's text. */
export function yamlPosition(text: string, node: unknown): Point | null {
  const target = isPair(node) ? node.key : node;
  if (isScalar(target) || isMap(target) || isSeq(target)) {
    const range = target.range;
    if (range) return offsetPoint(text, range[0]);
  }
  return null;
}

/** Every mapping in a YAML tree, depth first, in document order. */
export function allMaps(node: unknown): YAMLMap[] {
  const found: YAMLMap[] = [];
  const stack: unknown[] = [node];
  while (stack.length > 0) {
    const current = stack.pop();
    if (isMap(current)) {
      found.push(current);
      for (let index = current.items.length - 1; index >= 0; index -= 1) stack.push(current.items[index]?.value);
    } else if (isSeq(current)) {
      for (let index = current.items.length - 1; index >= 0; index -= 1) stack.push(current.items[index]);
    }
  }
  return found;
}

/** The string keys of a mapping, as written. */
export function keysOf(map: YAMLMap): string[] {
  const keys: string[] = [];
  for (const pair of map.items) if (isScalar(pair.key)) keys.push(String(pair.key.value));
  return keys;
}
