import type { ImportFormat } from './framework/format.js';
import { DIAGNOSTIC_JSONL } from './diagnostic-jsonl/diagnostic-jsonl-format.js';
import { GRAPH_JSON } from './graph-json/graph-json-format.js';
import { PORTAL_CSV } from './portal-csv/portal-csv-format.js';
import { LOGANALYTICS_CSV, LOGANALYTICS_JSON } from './loganalytics/loganalytics-formats.js';
import { ACTIVITY_LOG_JSON } from './activity-log/activity-log-json-format.js';
import { RESOURCE_GRAPH_JSON } from './resource-graph/resource-graph-format.js';

/** Every format, in the order detection tries them (the first whose detect() accepts the file wins). */
export const FORMATS: readonly ImportFormat[] = [
  DIAGNOSTIC_JSONL,
  ACTIVITY_LOG_JSON,
  RESOURCE_GRAPH_JSON,
  LOGANALYTICS_JSON,
  GRAPH_JSON,
  PORTAL_CSV,
  LOGANALYTICS_CSV,
];

/** The format ids `--format` accepts. */
export const IMPORT_FORMATS: readonly string[] = FORMATS.map((format) => format.id);

export function formatById(id: string): ImportFormat | null {
  return FORMATS.find((format) => format.id === id) ?? null;
}
