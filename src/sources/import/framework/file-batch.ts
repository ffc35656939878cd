import { randomUUID } from 'node:crypto';
import type { Store } from '../../../store/store.js';
import type { TableSpec } from '../../../store/columns.js';
import { insertRows, type RowValues } from '../../../store/write-rows.js';
import { appendSignInRollups, settleSignInPrincipals } from '../../../store/rollups/sign-in-rollups.js';
import { UNSETTLED_TABLE } from '../sign-in/sign-in-write-sql.js';
import { SignInStage } from '../sign-in/sign-in-stage.js';
import type { Counts, RecordKind } from './import-summary.js';
import { addCounts, countsFor, zeroCounts } from './import-summary.js';
import { truncateRaw } from './quarantine.js';

/** One normalised record of a table other than sign_ins, plus rows derived from it (a service principal's credentials). */
export interface NormalisedRecord {
  kind: RecordKind;
  table: TableSpec;
  row: RowValues;
  derived?: readonly { table: TableSpec; row: RowValues }[];
}

interface PendingQuarantine {
  line: number | null;
  reason: string;
  raw: string;
  kind: RecordKind | null;
}

/**
 * Everything one file contributes, written as one transaction: the batch row, the records and the quarantine.
 * Killed at any point before COMMIT, the store is as it was.
 */
export class FileBatch {
  readonly id = randomUUID();
  readonly signIns: SignInStage;
  private readonly records: NormalisedRecord[] = [];
  private readonly quarantined: PendingQuarantine[] = [];
  private readonly tenantIds = new Set<string>();
  /** Portal AuthDetails rows: counted once the run's sign-in files have been read (see importPaths). */
  readonly authDetailRows: { requestId: string; line: number; raw: string }[] = [];
  /** Counts decided outside the batch (AuthDetails rows joined onto sign-ins), added under 'unknown'. */
  private readonly extra: Counts = zeroCounts();

  constructor(
    private readonly store: Store,
    readonly file: string,
    /** The format id the file is read as: versions of a sign-in replace each other only within one format. */
    readonly format: string,
    /** Lines of a chunk of a big file are numbered from here on in the file (file-chunks.ts): quarantine names the file's own line. */
    private readonly lineOffset = 0,
  ) {
    this.signIns = new SignInStage(store, lineOffset);
  }

  add(record: NormalisedRecord): void {
    this.records.push(record);
  }

  quarantine(line: number | null, reason: string, raw: string, kind: RecordKind | null): void {
    this.quarantined.push({ line: line === null ? null : line + this.lineOffset, reason, raw: truncateRaw(raw), kind });
  }

  deferAuthDetail(requestId: string, line: number, raw: string): void {
    this.authDetailRows.push({ requestId, line: line + this.lineOffset, raw });
  }

  addCounts(counts: Counts): void {
    addCounts(this.extra, counts);
  }

  noteTenant(tenantId: string | null): void {
    if (tenantId) this.tenantIds.add(tenantId.toLowerCase());
  }

  /** Store it all; returns counts per record kind ('unknown' for bad records whose kind cannot be told). */
  async write(): Promise<Map<RecordKind | 'unknown', Counts>> {
    const { counts, tenantIds, stored, unsettled } = await this.signIns.flush(this.id, this.file, this.format);
    // The rollups analyze reads, appended in this transaction so that they never disagree with sign_ins.
    await appendSignInRollups(this.store, [this.id], stored);
    if (unsettled) await settleSignInPrincipals(this.store, UNSETTLED_TABLE);
    for (const tenant of tenantIds) this.tenantIds.add(tenant);
    const groups = new Map<string, { kind: RecordKind; table: TableSpec; rows: RowValues[] }>();
    const derived = new Map<string, { table: TableSpec; rows: RowValues[] }>();
    for (const record of this.records) {
      const key = `${record.kind}\u0000${record.table.table}`;
      const group = groups.get(key) ?? { kind: record.kind, table: record.table, rows: [] };
      group.rows.push(record.row);
      groups.set(key, group);
      for (const extra of record.derived ?? []) {
        const bucket = derived.get(extra.table.table) ?? { table: extra.table, rows: [] };
        bucket.rows.push(extra.row);
        derived.set(extra.table.table, bucket);
      }
    }
    // The batch's id is given once for every row, not spread into a copy of each (stageRows says why).
    const batch = { batch_id: this.id };
    for (const group of groups.values()) {
      const stored = await insertRows(this.store, group.table, group.rows, batch);
      addCounts(countsFor(counts, group.kind), { read: group.rows.length, stored, updated: 0, duplicates: group.rows.length - stored, quarantined: 0 });
    }
    for (const bucket of derived.values()) await insertRows(this.store, bucket.table, bucket.rows, batch);
    for (const entry of this.quarantined) {
      addCounts(countsFor(counts, entry.kind ?? 'unknown'), { read: 1, stored: 0, updated: 0, duplicates: 0, quarantined: 1 });
      await this.store.run('INSERT INTO quarantine (batch_id, file, line, reason, raw) VALUES (?, ?, ?, ?, ?)', [this.id, this.file, entry.line, entry.reason, entry.raw]);
    }
    if (this.extra.read > 0) addCounts(countsFor(counts, 'unknown'), this.extra);
    for (const tenant of [...this.tenantIds].sort()) {
      await this.store.run("INSERT OR IGNORE INTO tenant (key, value) VALUES ('tenantId', ?)", [tenant]);
    }
    return counts;
  }
}
