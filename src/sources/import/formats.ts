import type { ImportFormat } from './framework/format.js';
import { DIAGNOSTIC_JSONL } from './diagnostic-jsonl/diagnostic-jsonl-format.js';
import { GRAPH_JSON } from './graph-json/graph-json-format.js';
import { PORTAL_CSV } from './portal-csv/portal-csv-format.js';

/** Every format, in the order detection tries them (the first whose detect() accepts the file wins). */
export const FORMATS: readonly ImportFormat[] = [DIAGNOSTIC_JSONL, GRAPH_JSON, PORTAL_CSV];

/** The format ids `--format` accepts. */
export const IMPORT_FORMATS: readonly string[] = FORMATS.map((format) => format.id);

export function formatById(id: string): ImportFormat | null {
  return FORMATS.find((format) => format.id === id) ?? null;
}
