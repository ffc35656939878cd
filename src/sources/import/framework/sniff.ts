import { readJsonDocument, type JsonDocument } from './json-document.js';
import { readHead, type TextEncodingName } from './file-text.js';
import { isRecord, parseJson } from './values.js';
import { parseCsvLine } from './csv.js';

/** What detection looks at: the file's first megabyte, read the way each family of formats reads it. */
export interface Sniff {
  head: string;
  /** UTF-8 unless a UTF-16 BOM says otherwise; only UTF-8 files go to DuckDB's own JSON reader. */
  encoding: TextEncodingName;
  /** The first non-blank line, parsed, when it is a JSON object on its own (JSON Lines). */
  firstLineObject: Record<string, unknown> | null;
  /** The head as a JSON document (when it starts with '{' or '['), and its first record parsed. */
  document: JsonDocument | null;
  firstRecord: Record<string, unknown> | null;
  /** The first line as a CSV header, names normalised (see normaliseHeader). */
  csvHeader: string[] | null;
}

const HEAD_LIMIT = 1 << 20;

/** Lowercase, single spaces, trimmed: "Application ID " and "Autonomous system  number" match their clean names. */
export function normaliseHeader(name: string): string {
  return name.replace(/^\uFEFF/, '').trim().replace(/\s+/g, ' ').toLowerCase();
}

export async function sniffFile(path: string): Promise<Sniff> {
  const { head, encoding } = await readHead(path, HEAD_LIMIT);
  const trimmed = head.trimStart();
  const firstLine = trimmed.split('\n', 1)[0]?.replace(/\r$/, '') ?? '';
  let firstLineObject: Record<string, unknown> | null = null;
  const lineParse = firstLine.startsWith('{') ? parseJson(firstLine) : null;
  if (lineParse?.ok && isRecord(lineParse.value)) firstLineObject = lineParse.value;
  let document: JsonDocument | null = null;
  let firstRecord: Record<string, unknown> | null = null;
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    document = readJsonDocument(trimmed);
    const first = document.elements[0];
    const parsed = first ? parseJson(first.text) : null;
    if (parsed?.ok && isRecord(parsed.value)) firstRecord = parsed.value;
  }
  const csvHeader = !trimmed.startsWith('{') && !trimmed.startsWith('[') && firstLine.includes(',') ? parseCsvLine(firstLine).map(normaliseHeader) : null;
  return { head, encoding, firstLineObject, document, firstRecord, csvHeader };
}
