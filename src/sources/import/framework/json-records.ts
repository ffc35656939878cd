import type { FileBatch } from './file-batch.js';
import type { RecordKind } from './import-summary.js';
import { readJsonDocument, type JsonDocument } from './json-document.js';
import { MAX_RECORD_CHARS, readText, type ReadState } from './file-text.js';
import { parseJson } from './values.js';

/**
 * Read a JSON document's records one by one: each parsed record goes to `handle` with its raw text and line;
 * a record that is not JSON, a truncated tail and trailing text are quarantined here, so every format
 * reconciles the same way. Returns the note about an unreadable tail, or null.
 */
export async function readJsonRecords(
  path: string,
  batch: FileBatch,
  handle: (value: unknown, raw: string, line: number, document: JsonDocument) => Promise<void>,
  kindOfBad: RecordKind | null = null,
): Promise<string | null> {
  const state: ReadState = { error: null };
  const text = await readText(path, state);
  const document = readJsonDocument(text);
  for (const element of document.elements) {
    // The document is in memory already; parsing a record past the limit would double it for a record no log writes.
    if (element.text.length > MAX_RECORD_CHARS) {
      batch.quarantine(element.line, `longer than ${MAX_RECORD_CHARS / 1024 / 1024} MiB: not read`, element.text, kindOfBad);
      continue;
    }
    const parsed = parseJson(element.text);
    if (!parsed.ok) {
      batch.quarantine(element.line, `invalid JSON: ${parsed.error}`, element.text, kindOfBad);
      continue;
    }
    await handle(parsed.value, element.text, element.line, document);
  }
  const notes: string[] = [];
  if (state.error) notes.push(state.error);
  if (document.truncated) {
    if (document.truncated.text.trim().length > 0) {
      batch.quarantine(document.truncated.line, 'truncated: the file ends inside this record', document.truncated.text, kindOfBad);
    }
    notes.push(`truncated JSON: the file ends inside the document (line ${document.truncated.line}); ${document.elements.length} records before it were read`);
  }
  if (document.trailing) {
    batch.quarantine(document.trailing.line, 'text after the end of the JSON document', document.trailing.text, kindOfBad);
  }
  return notes.length > 0 ? notes.join('; ') : null;
}
