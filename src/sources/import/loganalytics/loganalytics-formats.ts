import type { ImportFormat } from '../framework/format.js';
import type { FileBatch } from '../framework/file-batch.js';
import { readCsvRows } from '../framework/csv-table.js';
import { readJsonRecords } from '../framework/json-records.js';
import { isRecord, text } from '../framework/values.js';
import { azureActivityFields, normaliseOperation } from '../activity-log/normalise-operation.js';
import { isAzureActivity, LogAnalyticsRow, logAnalyticsKind, logAnalyticsSignInDoc } from './loganalytics-record.js';

async function importRow(batch: FileBatch, record: Readonly<Record<string, unknown>>, raw: string, line: number): Promise<void> {
  const row = new LogAnalyticsRow(record);
  if (isAzureActivity(row)) {
    const outcome = normaliseOperation(azureActivityFields(record), raw);
    if (outcome.ok) batch.add(outcome.record);
    else batch.quarantine(line, outcome.reason, raw, 'activity');
    return;
  }
  await batch.signIns.add(line, logAnalyticsKind(row), raw, JSON.stringify(logAnalyticsSignInDoc(row)), false);
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
    return sniff.csvHeader !== null && sniff.csvHeader.some((name) => /^timegenerated( \[utc\])?$/.test(name));
  },
  read(path, batch) {
    return readCsvRows(path, batch, (row) => importRow(batch, row.byHeader, row.raw, row.line), null);
  },
};

export const LOGANALYTICS_JSON: ImportFormat = {
  id: 'loganalytics-json',
  describes: 'Log Analytics KQL results as JSON (row objects, or the REST API\'s tables/columns/rows)',
  detect(sniff) {
    const first = sniff.firstRecord;
    return first !== null && ('TimeGenerated' in first || Array.isArray(first['tables']));
  },
  read(path, batch) {
    return readJsonRecords(path, batch, async (value, raw, line) => {
      if (!isRecord(value)) {
        batch.quarantine(line, 'not a JSON object', raw, null);
        return;
      }
      const rows = tableRows(value);
      if (rows === null) {
        await importRow(batch, value, raw, line);
        return;
      }
      for (const row of rows) await importRow(batch, row, JSON.stringify(row), line);
    });
  },
};
