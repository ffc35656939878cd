import type { FileBatch } from './file-batch.js';
import type { RecordKind } from './import-summary.js';
import { csvRecords } from './csv.js';
import { readText, type ReadState } from './file-text.js';
import { normaliseHeader } from './sniff.js';

/** One CSV row, by header: `get` looks a column up by normalised name (first non-empty value when a name repeats). */
export interface CsvRow {
  line: number;
  /** The row as JSON text: original header → value, repeated headers suffixed " (2)". This is what `raw` keeps. */
  raw: string;
  /** Original header → value. */
  byHeader: Record<string, string>;
  get(name: string): string | null;
}

/**
 * Read a CSV file with a header row; each data row goes to `handle`. Rows with a different number of fields
 * than the header, and a last row cut off inside a quoted field, are quarantined here with their line.
 */
export async function readCsvRows(path: string, batch: FileBatch, handle: (row: CsvRow, headers: readonly string[]) => Promise<void>, kindOfBad: RecordKind | null): Promise<string | null> {
  const state: ReadState = { error: null };
  const text = await readText(path, state);
  let headers: string[] | null = null;
  let keys: string[] = [];
  let names: string[] = [];
  let truncatedAt: number | null = null;
  for (const record of csvRecords(text)) {
    if (headers === null) {
      headers = record.fields.map((field) => field.replace(/^\uFEFF/, ''));
      names = headers.map(normaliseHeader);
      const seen = new Map<string, number>();
      keys = headers.map((header) => {
        const n = (seen.get(header) ?? 0) + 1;
        seen.set(header, n);
        return n === 1 ? header : `${header} (${n})`;
      });
      continue;
    }
    if (record.truncated) {
      truncatedAt = record.line;
      batch.quarantine(record.line, 'truncated: the file ends inside a quoted field', record.raw, kindOfBad);
      continue;
    }
    if (record.fields.length !== headers.length) {
      batch.quarantine(record.line, `expected ${headers.length} fields, found ${record.fields.length}`, record.raw, kindOfBad);
      continue;
    }
    const byHeader: Record<string, string> = {};
    const byName = new Map<string, string>();
    record.fields.forEach((value, index) => {
      const key = keys[index] ?? String(index);
      byHeader[key] = value;
      const name = names[index] ?? '';
      if (!byName.get(name)) byName.set(name, value);
    });
    await handle(
      {
        line: record.line,
        raw: JSON.stringify(byHeader),
        byHeader,
        get(name) {
          const value = byName.get(name)?.trim();
          return value ? value : null;
        },
      },
      headers,
    );
  }
  const notes: string[] = [];
  if (state.error) notes.push(state.error);
  if (truncatedAt !== null) notes.push(`truncated CSV: the file ends inside a quoted field (line ${truncatedAt})`);
  return notes.length > 0 ? notes.join('; ') : null;
}
