import { isMap, isScalar, type Pair } from 'yaml';
import type { SourceFile } from './detector.js';
import type { Point } from './finding.js';
import type { Language } from './languages.js';
import { withPlaceholders } from './placeholders.js';

/** Offsets → 0-based rows/columns of one text (line starts computed once). */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) this.starts.push(index + 1);
  }
  pointAt(offset: number): Point {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { row: low, column: offset - (this.starts[low] ?? 0) };
  }
}

/** Where a YAML node (or a pair's key) starts, 0-based within the host text. */
export function yamlPoint(index: LineIndex, node: unknown): Point | null {
  if (node && typeof node === 'object' && 'range' in node) {
    const range: unknown = node.range;
    if (Array.isArray(range) && typeof range[0] === 'number') return index.pointAt(range[0]);
  }
  return null;
}

/** The pair under `key` in a mapping, keys compared case-insensitively when `caseInsensitive` (Azure Pipelines inputs). */
export function pairOf(map: unknown, key: string, caseInsensitive = false): Pair | null {
  if (!isMap(map)) return null;
  const wanted = caseInsensitive ? key.toLowerCase() : key;
  for (const pair of map.items) {
    if (!isScalar(pair.key)) continue;
    const name = String(pair.key.value);
    if ((caseInsensitive ? name.toLowerCase() : name) === wanted) return pair;
  }
  return null;
}

export function valueOf(map: unknown, key: string, caseInsensitive = false): unknown {
  return pairOf(map, key, caseInsensitive)?.value ?? null;
}

/** A scalar's text (strings, numbers, booleans), null otherwise. */
export function scalarText(node: unknown): string | null {
  if (!isScalar(node)) return null;
  const { value } = node;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

/**
 * A script held in a YAML scalar (`run:`, `script:`, `inlineScript:`) as a SourceFile of its own language, with
 * lines and columns mapped back to the host: block scalars are cut from the host text and de-indented, so every
 * line keeps its place; expressions the shell cannot parse (`${{ }}`, `$(macro)`) become same-length placeholders.
 */
export function embeddedScript(host: SourceFile, index: LineIndex, node: unknown, language: Language, expressions: readonly RegExp[]): SourceFile | null {
  if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return null;
  const [start, valueEnd] = node.range;
  let text: string;
  let at: Point;
  let indent = 0;
  if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
    const headerEnd = host.text.indexOf('\n', start);
    if (headerEnd === -1) return null;
    const lines = host.text.slice(headerEnd + 1, valueEnd).split('\n');
    const indents = lines.filter((line) => line.trim() !== '').map((line) => line.length - line.trimStart().length);
    indent = indents.length > 0 ? Math.min(...indents) : 0;
    text = lines.map((line) => line.slice(indent)).join('\n');
    at = index.pointAt(headerEnd + 1);
  } else {
    text = node.value;
    const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
    at = index.pointAt(start + (quoted ? 1 : 0));
    indent = at.column;
  }
  const placeholders = new Map<string, string>();
  for (const pattern of expressions) text = withPlaceholders(text, pattern, placeholders);
  return {
    path: host.path,
    language,
    text,
    lineOffset: host.lineOffset + at.row,
    columnOffset: (host.columnOffset ?? 0) + indent,
    placeholders,
  };
}
