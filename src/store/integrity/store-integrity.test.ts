import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPaths } from '../../sources/import/index.js';
import { DuckDBInstance } from '@duckdb/node-api';
import { MIGRATIONS } from '../migrations/index.js';
import { openStore } from '../store.js';
import type { IntegrityReport } from './integrity-types.js';
import { checkStoreIntegrity } from './store-integrity.js';

const FIXTURES = resolve(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'import');
const work = mkdtempSync(join(tmpdir(), 'unattended-integrity-'));
const whole = join(work, 'whole.duckdb');

/** The diagnostic sign-ins (one line cut short, so one quarantined), the Activity log, and the directory of the Graph fixtures. */
function writeExports(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const lines = readFileSync(join(FIXTURES, 'equivalence', 'diagnostic.jsonl'), 'utf8').trimEnd().split('\n');
  writeFileSync(join(dir, 'signins.jsonl'), `${[...lines, '{"category": "SignInLogs", "properties": {"id": "cut'].join('\n')}\n`);
  copyFileSync(join(FIXTURES, 'diagnostic-jsonl', 'activity-administrative.jsonl'), join(dir, 'activity.jsonl'));
  for (const file of ['applications.json', 'service-principals.json', 'users.json']) copyFileSync(join(FIXTURES, 'graph-json', file), join(dir, file));
}

beforeAll(async () => {
  const exports = join(work, 'exports');
  writeExports(exports);
  const store = await openStore(whole);
  try {
    await importPaths(store, [exports]);
    // One snapshot of two identities and one breaking place in code, as analyze would keep it.
    await store.run(`INSERT INTO snapshots VALUES (1, '2026-12-01 10:00:00', 'analyze', '2026-12-01 00:00:00', 't', '2026-01-01', '2026-07-01', 'digest', NULL, NULL, true, 2, 1, NULL, 'rows-1', NULL)`);
    // A second run that changed nothing shares the first one's rows (migration 008).
    await store.run(`INSERT INTO snapshots VALUES (2, '2026-12-01 11:00:00', 'check', '2026-12-01 00:00:00', 't', '2026-01-01', '2026-07-01', 'digest', NULL, NULL, true, 2, 1, 0, 'rows-1', 1)`);
    await store.run(`INSERT INTO snapshot_identities (snapshot_id, id, display_name, kind, class, verdict, breaking_automation) VALUES
      (1, 'a', 'A', 'user', 'human', 'ready', []), (1, 'b', 'B', 'user', 'service-account', 'breaks', ['deploy.sh:3'])`);
    await store.run(`INSERT INTO snapshot_automation (snapshot_id, file, line, rule, auth_method) VALUES (1, 'deploy.sh', 3, 'shell/az-login-password', 'user-password')`);
    await store.run(`INSERT INTO collect_checkpoints (endpoint, scope, state, affects, updated_at) VALUES ('graph.users', '-', 'complete', 'identities', '2026-12-01 10:00:00')`);
  } finally {
    store.close();
  }
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

async function check(path: string): Promise<IntegrityReport> {
  const store = await openStore(path, { readOnly: true });
  try {
    return await checkStoreIntegrity(store);
  } finally {
    store.close();
  }
}

/** A copy of the whole store with one statement run on it: a fault the check must name. */
async function tampered(name: string, sql: string): Promise<IntegrityReport> {
  const path = join(work, `${name}.duckdb`);
  copyFileSync(whole, path);
  const store = await openStore(path);
  try {
    await store.run(sql);
  } finally {
    store.close();
  }
  return check(path);
}

function failed(report: IntegrityReport): string[] {
  return report.checks.filter((entry) => entry.status === 'failed').map((entry) => entry.name);
}

describe('checkStoreIntegrity', () => {
  it('passes a store an import and a snapshot wrote, with the counts it compared', async () => {
    const report = await check(whole);
    expect(report.ok).toBe(true);
    expect(Object.fromEntries(report.checks.map((entry) => [entry.name, `${entry.status}: ${entry.detail}`]))).toEqual({
      schema: 'ok: version 8, every migration applied',
      readable: expect.stringMatching(/^ok: 29 tables, [\d,]+ rows read in full$/u),
      'batches-finished': 'ok: 5 batches, all finished',
      'rows-have-batches': expect.stringMatching(/^ok: [\d,]+ rows in batched tables, each naming a recorded batch \(or none\)$/u),
      'batch-counts': expect.stringMatching(/^ok: [\d,]+ records held by 5 batches that counted [\d,]+ stored or updated$/u),
      'quarantine-counts': 'ok: 1 quarantined record, as the batches counted',
      'rollup-coverage': 'ok: 5 sign-ins stored, covered and counted by the rollups',
      'rollups-rebuild': 'ok: cells, profiles and sessions equal a rebuild from 5 sign-ins',
      'mfa-basis': 'ok: 5 sign-ins, each with the MFA basis its session resolves to',
      summary: expect.stringMatching(/^ok: \d+ principals summarised, as the rollups give them$/u),
      snapshots: 'ok: 2 snapshots, each holding the rows its head counts',
      checkpoints: 'ok: 1 collection checkpoints, each complete, partial or missing',
    });
  });

  it('names a batch that never finished', async () => {
    const report = await tampered('unfinished', 'UPDATE batches SET finished_at = NULL WHERE batch_id = (SELECT min(batch_id) FROM batches)');
    expect(failed(report)).toEqual(['batches-finished']);
    expect(report.checks.find((entry) => entry.name === 'batches-finished')?.detail).toBe('1 batch of 5 never finished: a write was cut off half way');
  });

  it('names rows whose batch is not recorded', async () => {
    const report = await tampered('orphan', "UPDATE operations SET batch_id = 'gone' WHERE id = (SELECT min(id) FROM operations)");
    expect(failed(report)).toEqual(['rows-have-batches']);
    expect(report.checks.find((entry) => entry.name === 'rows-have-batches')?.detail).toBe('rows naming a batch that is not recorded: operations 1');
  });

  it('names a batch holding more records than it counted, and quarantine the batches did not count', async () => {
    expect(failed(await tampered('overfull', "UPDATE batches SET stored = stored - 1 WHERE format = 'diagnostic-jsonl' AND stored > 0")).sort()).toEqual(['batch-counts']);
    const extra = await tampered('quarantine', "INSERT INTO quarantine VALUES ((SELECT min(batch_id) FROM batches), 'x.jsonl', 1, 'planted', NULL)");
    expect(failed(extra)).toEqual(['quarantine-counts']);
    expect(extra.checks.find((entry) => entry.name === 'quarantine-counts')?.detail).toBe('batches counted 1 quarantined record, the quarantine holds 2');
  });

  it('names rollups that do not cover, or do not equal, what a rebuild from sign_ins gives, and a stale MFA basis', async () => {
    const lost = await tampered('lost-sign-in', 'DELETE FROM sign_ins WHERE id = (SELECT min(id) FROM sign_ins)');
    expect(failed(lost)).toEqual(expect.arrayContaining(['rollup-coverage', 'rollups-rebuild']));
    expect(lost.checks.find((entry) => entry.name === 'rollup-coverage')?.detail).toBe('4 sign-ins stored, the rollups record covering 5 and their cells count 5');
    expect(failed(await tampered('cell', "UPDATE sign_in_cells SET country = 'XX' WHERE rowid = (SELECT min(rowid) FROM sign_in_cells)"))).toEqual(['rollups-rebuild', 'summary']);
    const basis = await tampered('basis', "UPDATE sign_ins SET mfa_basis = 'planted' WHERE id = (SELECT min(id) FROM sign_ins)");
    expect(failed(basis)).toContain('mfa-basis');
    expect(basis.checks.find((entry) => entry.name === 'mfa-basis')?.detail).toBe('1 of 5 sign-ins hold an MFA basis their sessions do not resolve to');
    expect(failed(await tampered('summary', 'UPDATE sign_in_summary SET pid = pid || \'x\' WHERE rowid = (SELECT min(rowid) FROM sign_in_summary)'))).toEqual(['summary']);
  });

  it('names a snapshot missing rows its head counts, and a checkpoint in an unknown state', async () => {
    const snapshot = await tampered('snapshot', "DELETE FROM snapshot_identities WHERE id = 'b'");
    expect(failed(snapshot)).toEqual(['snapshots']);
    expect(snapshot.checks.find((entry) => entry.name === 'snapshots')?.detail).toBe('2 snapshots hold other counts than their heads say, e.g. number 1');
    const dangling = await tampered('shared', 'UPDATE snapshots SET rows_from = 2 WHERE id = 1');
    expect(dangling.checks.find((entry) => entry.name === 'snapshots')?.detail).toBe('2 snapshots share the rows of a snapshot that keeps none');
    expect(failed(await tampered('checkpoint', "UPDATE collect_checkpoints SET state = 'half'"))).toEqual(['checkpoints']);
  });

  it('judges a store whose first open was killed between migrations by the checks its schema can answer', async () => {
    // What a kill during the first open leaves: each migration commits alone, so the store stops after one of them.
    for (const [stop, byVersion] of [[4, ['batch-counts']], [7, ['snapshots']]] as const) {
      const path = join(work, `migrated-to-${stop}.duckdb`);
      const instance = await DuckDBInstance.create(path);
      const connection = await instance.connect();
      await connection.run('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)');
      for (const migration of MIGRATIONS.filter((entry) => entry.version <= stop)) {
        await connection.run(migration.sql);
        await connection.run(`INSERT INTO schema_migrations VALUES (${migration.version}, '${migration.name}', now()::TIMESTAMP)`);
      }
      connection.closeSync();
      instance.closeSync();
      const report = await check(path);
      expect(failed(report)).toEqual([]);
      expect(report.checks.find((entry) => entry.name === 'schema')?.detail).toBe(`version ${stop} of ${MIGRATIONS.length}: migrated when the store is next opened for writing`);
      const skipped = report.checks.filter((entry) => entry.status === 'skipped' && entry.detail.startsWith('reads columns of schema version'));
      expect(skipped.map((entry) => entry.name)).toEqual(byVersion);
      expect(skipped[0]?.detail).toBe(`reads columns of schema version ${stop === 4 ? 5 : 8}, the store is at ${stop}: migrated when next opened for writing`);
    }
  });

  it('fails to read a table one of whose blocks changed on disk', async () => {
    const path = join(work, 'bit-rot.duckdb');
    copyFileSync(whole, path);
    const store = await openStore(path, { readOnly: true });
    const [where] = await store.all<{ block_id: number; block_offset: number; block_size: number }>(
      `SELECT block_id, block_offset, (SELECT block_size FROM pragma_database_size() WHERE database_name = current_database()) AS block_size
       FROM pragma_storage_info('operations') WHERE column_name = 'raw' AND persistent AND block_id >= 0 ORDER BY block_id LIMIT 1`,
    );
    store.close();
    if (!where) throw new Error('the operations are not on disk');
    // The file: three 4 KiB headers, then blocks, each led by its 8-byte checksum. Change bytes inside the raw records' block.
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, 3 * 4096 + where.block_id * where.block_size + 8 + where.block_offset + 16);
    closeSync(fd);
    const report = await check(path);
    // The checks that read the same block fail too; readable names the table and DuckDB's reason.
    expect(failed(report)).toContain('readable');
    expect(report.checks.find((entry) => entry.name === 'readable')?.detail).toMatch(/^table operations cannot be read: .*checksum/u);
  });
});
