import { parseAllDocuments, type Document } from 'yaml';
import type { ParsedFile, SourceFile } from './detector.js';
import { isTreeSitterLanguage } from './languages.js';
import { parse } from './tree-sitter.js';

/** Parses a file by language family: tree-sitter grammars, `yaml` for YAML, plain text for the rest. */
export async function parseSource(file: SourceFile): Promise<ParsedFile> {
  if (isTreeSitterLanguage(file.language)) return { kind: 'tree', tree: await parse(file.language, file.text) };
  if (file.language === 'yaml') {
    const parsed = parseAllDocuments(file.text);
    const documents: Document.Parsed[] = Array.isArray(parsed) ? parsed : [];
    return { kind: 'yaml', documents };
  }
  return { kind: 'text' };
}

/** Frees what a parse holds outside the JS heap (tree-sitter trees live in wasm memory). */
export function releaseParsed(parsed: ParsedFile): void {
  if (parsed.kind === 'tree') parsed.tree.delete();
}
