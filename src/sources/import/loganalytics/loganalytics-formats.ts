import type { ImportFormat } from '../framework/format.js';
import type { FileBatch } from '../framework/file-batch.js';
import { readCsvRows } from '../framework/csv-table.js';
import { readJsonRecords } from '../framework/json-records.js';
import { isRecord, text } from '../framework/values.js';
import { azureActivityFields, normaliseOperation } from '../activity-log/normalise-operation.js';
import { normaliseAudit } from '../audit-log/normalise-audit.js';
import type { LogAnalyticsTable } from '../../../catalog/loganalytics-tables.js';
import { headerTable, LogAnalyticsRow, logAnalyticsAuditDoc, logAnalyticsSignInDoc, rowTable, signInKindOf } from './loganalytics-record.js';

/**
 * One row of an export, routed by the table it names (Type, $table, Category) or, when the query projected that away,
 * by the table the file's columns are (`fileTable`). Columns that map to nothing stay in the raw record.
 */
async function importRow(batch: FileBatch, record: Readonly<Record<string, unknown>>, raw: string, line: number, fileTable: LogAnalyticsTable | null): Promise<void> {
  const row = new LogAnalyticsRow(record);
  const named = rowTable(row);
  const table = named ?? fileTable ?? headerTable(Object.keys(record));
  if (table?.record === 'activity') {
    const outcome = normaliseOperation(azureActivityFields((name) => row.get(name)), raw);
    if (outcome.ok) batch.add(outcome.record);
    else batch.quarantine(line, outcome.reason, raw, 'activity');
    return;
  }
  if (table?.record === 'audit') {
    const outcome = normaliseAudit(logAnalyticsAuditDoc(row), raw);
    if (outcome.ok) batch.add(outcome.record);
    else batch.quarantine(line, outcome.reason, raw, 'audit');
    return;
  }
  await batch.signIns.add(line, signInKindOf(named), raw, JSON.stringify(logAnalyticsSignInDoc(row)), false);
}

/** Does this set of column names come from a Log Analytics table: TimeGenerated, or enough of one table's own columns. */
function isLogAnalyticsColumns(names: readonly string[]): boolean {
  return names.some((name) => /^timegenerated(?: \[utc\])?$/iu.test(name.trim())) || headerTable(names) !== null;
}

/** KQL REST results: `{ tables: [{ columns: [{ name }], rows: [[…]] }] }` → one object per row. */
function tableRows(value: Record<string, unknown>): Record<string, unknown>[] | null {
  const tables = value['tables'];
  if (!Array.isArray(tables)) return null;
  const out: Record<string, unknown>[] = [];
  for (const table of tables) {
    if (!isRecord(table) || !Array.isArray(table['columns']) || !Array.isArray(table['rows'])) continue;
    const names = table['columns'].map((column) => (isRecord(column) ? (text(column['name']) ?? '') : ''));
    for (const cells of table['rows']) {
      if (!Array.isArray(cells)) continue;
      const row: Record<string, unknown> = {};
      names.forEach((name, index) => {
        row[name] = cells[index] ?? null;
      });
      out.push(row);
    }
  }
  return out;
}

export const LOGANALYTICS_CSV: ImportFormat = {
  id: 'loganalytics-csv',
  describes: 'Log Analytics CSV export (sign-in tables, AzureActivity; "TimeGenerated [UTC]", X_dynamic/X_string, US dates)',
  detect(sniff) {
    return sniff.csvHeader !== null && isLogAnalyticsColumns(sniff.csvHeader);
  },
  read(path, batch, _run, sniff) {
    const fileTable = sniff.csvHeader === null ? null : headerTable(sniff.csvHeader);
    return readCsvRows(path, batch, (row) => importRow(batch, row.byHeader, row.raw, row.line, fileTable), null);
  },
};

export const LOGANALYTICS_JSON: ImportFormat = {
  id: 'loganalytics-json',
  describes: 'Log Analytics KQL results as JSON (row objects, or the REST API\'s tables/columns/rows)',
  detect(sniff) {
    const first = sniff.firstRecord;
    if (first === null) return false;
    if ('TimeGenerated' in first || Array.isArray(first['tables'])) return true;
    // Log Analytics names its columns in PascalCase; Graph's camelCase objects (appId, userPrincipalName) are not these.
    const pascal = Object.keys(first).filter((key) => /^[A-Z_$]/u.test(key));
    return pascal.length > 0 && headerTable(pascal) !== null;
  },
  read(path, batch) {
    return readJsonRecords(path, batch, async (value, raw, line) => {
      if (!isRecord(value)) {
        batch.quarantine(line, 'not a JSON object', raw, null);
        return;
      }
      const rows = tableRows(value);
      if (rows === null) {
        await importRow(batch, value, raw, line, null);
        return;
      }
      for (const row of rows) await importRow(batch, row, JSON.stringify(row), line, null);
    });
  },
};
