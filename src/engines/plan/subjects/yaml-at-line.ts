import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Document, type Pair } from 'yaml';

/** A YAML document with a way from a line number (1-based) to the nodes around it. */
export interface YamlFile {
  document: Document.Parsed;
  lines: LineCounter;
}

export function parseYamlFile(text: string): YamlFile | null {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines });
  if (document.errors.length > 0) return null;
  return { document, lines };
}

function lineOf(file: YamlFile, offset: number): number {
  return file.lines.linePos(offset).line;
}

/** Whether a node spans the line (its first line through its last). */
export function nodeHoldsLine(file: YamlFile, node: unknown, line: number): boolean {
  if (!isNode(node) || !node.range) return false;
  const [start, , end] = node.range;
  return lineOf(file, start) <= line && line <= lineOf(file, Math.max(start, end - 1));
}

export function mapPairs(node: unknown): Pair[] {
  return isMap(node) ? node.items : [];
}

export function seqItems(node: unknown): unknown[] {
  return isSeq(node) ? node.items : [];
}

export function keyText(pair: Pair): string | null {
  return isScalar(pair.key) ? String(pair.key.value) : null;
}

/** The value under `key` of a map node. */
export function field(node: unknown, key: string): unknown {
  return mapPairs(node).find((pair) => keyText(pair) === key)?.value ?? null;
}

/** A scalar's text, or null for anything else. */
export function scalarText(node: unknown): string | null {
  return isScalar(node) && node.value !== null && node.value !== undefined ? String(node.value) : null;
}

/** The strings of a scalar or a sequence of scalars (`branches: main` or `branches: [main, release/*]`). */
export function stringList(node: unknown): string[] {
  if (isScalar(node)) return scalarText(node) === null ? [] : [String(node.value)];
  return seqItems(node).map(scalarText).filter((value): value is string => value !== null);
}
