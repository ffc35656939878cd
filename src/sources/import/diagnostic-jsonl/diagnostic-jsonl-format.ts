import type { ImportFormat, ImportRun } from '../framework/format.js';
import type { FileBatch } from '../framework/file-batch.js';
import type { Sniff } from '../framework/sniff.js';
import { isGzip, MAX_RECORD_CHARS, numberedLines, type ReadState } from '../framework/file-text.js';
import { readJsonRecords } from '../framework/json-records.js';
import { isRecord, lower, parseJson, text } from '../framework/values.js';
import { normaliseAudit } from '../audit-log/normalise-audit.js';
import { diagnosticActivityFields, normaliseOperation } from '../activity-log/normalise-operation.js';

/** Diagnostic-settings categories whose records are sign-ins; the SQL normaliser maps each to its kind. */
const SIGN_IN_CATEGORIES = new Set(['signinlogs', 'noninteractiveusersigninlogs', 'serviceprincipalsigninlogs', 'managedidentitysigninlogs']);
const ACTIVITY_CATEGORIES = new Set(['administrative', 'policy']);
const AUDIT_CATEGORY = 'auditlogs';

/** The envelope's category, found without parsing the line: a sign-in line then goes straight to DuckDB. */
const CATEGORY = /"category"\s*:\s*"(?<category>[^"]*)"/;

function isDiagnosticRecord(value: Record<string, unknown>): boolean {
  return typeof value['category'] === 'string' && ('properties' in value || 'operationName' in value);
}

function isEventHubWrapper(value: Record<string, unknown>): boolean {
  const records = value['records'];
  return Array.isArray(records) && (records.length === 0 || (isRecord(records[0]) && isDiagnosticRecord(records[0])));
}

async function routeRecord(batch: FileBatch, line: number, record: unknown, raw: string): Promise<void> {
  if (!isRecord(record)) {
    batch.quarantine(line, 'not a JSON object', raw, null);
    return;
  }
  const category = lower(record['category']) ?? '';
  if (SIGN_IN_CATEGORIES.has(category)) {
    await batch.signIns.add(line, null, raw, null, true);
    return;
  }
  batch.noteTenant(text(record['tenantId']));
  if (category === AUDIT_CATEGORY) {
    const outcome = normaliseAudit(record['properties'], raw, record['time']);
    if (outcome.ok) batch.add(outcome.record);
    else batch.quarantine(line, outcome.reason, raw, 'audit');
    return;
  }
  if (ACTIVITY_CATEGORIES.has(category)) {
    const outcome = normaliseOperation(diagnosticActivityFields(record), raw);
    if (outcome.ok) batch.add(outcome.record);
    else batch.quarantine(line, outcome.reason, raw, 'activity');
    return;
  }
  batch.quarantine(line, category ? `category ${text(record['category']) ?? ''} is not imported` : 'no category: not a diagnostic-settings record', raw, null);
}

const OVERSIZED_REASON = `longer than ${MAX_RECORD_CHARS / 1024 / 1024} MiB: not read`;

async function routeLine(batch: FileBatch, line: number, raw: string): Promise<void> {
  const category = CATEGORY.exec(raw)?.groups?.['category']?.toLowerCase();
  // The hot path: a sign-in line is handed to DuckDB as text; it is parsed and validated there, once.
  if (category !== undefined && SIGN_IN_CATEGORIES.has(category) && !raw.trimStart().startsWith('{"records"')) {
    await batch.signIns.add(line, null, raw, null, true);
    return;
  }
  const parsed = parseJson(raw);
  if (!parsed.ok) {
    batch.quarantine(line, `invalid JSON: ${parsed.error}`, raw, null);
    return;
  }
  if (isRecord(parsed.value) && Array.isArray(parsed.value['records'])) {
    for (const record of parsed.value['records']) await routeRecord(batch, line, record, JSON.stringify(record));
    return;
  }
  await routeRecord(batch, line, parsed.value, raw);
}

const PROGRESS_EVERY = 10_000;

async function read(path: string, batch: FileBatch, run: ImportRun, sniff: Sniff): Promise<string | null> {
  // A pretty-printed Event Hubs wrapper spans many lines: read it as one document.
  if (sniff.firstLineObject === null && sniff.document !== null) {
    return readJsonRecords(path, batch, async (value, raw, line) => {
      if (isRecord(value) && Array.isArray(value['records'])) {
        for (const record of value['records']) await routeRecord(batch, line, record, JSON.stringify(record));
      } else await routeRecord(batch, line, value, raw);
    });
  }
  // The fast path: a file of sign-in lines is read by DuckDB itself; any line it cannot take sends the file down the line-numbered path.
  if (batch.signIns.holdsFile) {
    run.progress.advance(batch.signIns.count);
    return null;
  }
  const state: ReadState = { error: null };
  let pending = 0;
  for await (const { line, text: raw, oversized } of numberedLines(path, state)) {
    if (oversized) batch.quarantine(line, OVERSIZED_REASON, raw, null);
    else await routeLine(batch, line, raw);
    pending += 1;
    if (pending === PROGRESS_EVERY) {
      run.progress.advance(pending);
      pending = 0;
    }
  }
  run.progress.advance(pending);
  return state.error;
}

/** The fast path: a UTF-8 file whose first line is a sign-in is offered whole to DuckDB's JSON reader (which reads no UTF-16). */
async function prepare(path: string, batch: FileBatch, run: ImportRun, sniff: Sniff): Promise<void> {
  const first = sniff.firstLineObject;
  if (first !== null && sniff.encoding === 'utf-8' && SIGN_IN_CATEGORIES.has(lower(first['category']) ?? '')) await batch.signIns.tryFile(path, isGzip(path), run.signInFiles);
}

export const DIAGNOSTIC_JSONL: ImportFormat = {
  id: 'diagnostic-jsonl',
  describes: 'diagnostic-settings JSON Lines (sign-in logs, AuditLogs, Activity log; Event Hubs {"records":[…]})',
  detect(sniff) {
    const first = sniff.firstLineObject ?? sniff.firstRecord;
    if (first !== null && (isDiagnosticRecord(first) || isEventHubWrapper(first))) return true;
    if (sniff.document?.arrayKey === 'records') return true;
    // A first line longer than the head: judge it by its opening.
    return sniff.firstLineObject === null && /^\s*\{\s*"(time|records)"\s*:/.test(sniff.head) && CATEGORY.test(sniff.head);
  },
  prepare,
  read,
};
