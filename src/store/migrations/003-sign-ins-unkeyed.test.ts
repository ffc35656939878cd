import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../store.js';
import { MIGRATION_001 } from './001-initial.js';
import { MIGRATION_002 } from './002-applications.js';

const dir = mkdtempSync(join(tmpdir(), 'unattended-migration-003-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 003', () => {
  it('keeps the sign-ins of a version-2 store and drops the key', async () => {
    const path = join(dir, 'v2.duckdb');
    const instance = await DuckDBInstance.create(path);
    const connection = await instance.connect();
    await connection.run('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)');
    await connection.run(MIGRATION_001);
    await connection.run(MIGRATION_002);
    await connection.run("INSERT INTO schema_migrations VALUES (1, 'initial', now()::TIMESTAMP), (2, 'applications', now()::TIMESTAMP)");
    await connection.run(`INSERT INTO sign_ins (id, kind, created_at, is_interactive, error_code, raw, batch_id)
      VALUES ('b', 'servicePrincipal', '2026-11-02 10:00:00', false, 0, '{"n":2}', 'x'), ('a', 'interactiveUser', '2026-11-01 10:00:00', true, 50076, '{"n":1}', 'x')`);
    connection.closeSync();
    instance.closeSync();

    const store = await openStore(path);
    expect(await store.all('SELECT id, kind, CAST(created_at AS VARCHAR) AS created_at, error_code, CAST(raw AS VARCHAR) AS raw FROM sign_ins ORDER BY id')).toEqual([
      { id: 'a', kind: 'interactiveUser', created_at: '2026-11-01 10:00:00', error_code: 50076, raw: '{"n":1}' },
      { id: 'b', kind: 'servicePrincipal', created_at: '2026-11-02 10:00:00', error_code: 0, raw: '{"n":2}' },
    ]);
    expect(await store.all("SELECT count(*) AS n FROM duckdb_constraints() WHERE table_name = 'sign_ins' AND constraint_type = 'PRIMARY KEY'")).toEqual([{ n: 0 }]);
    expect(await store.all("SELECT count(*) AS n FROM duckdb_constraints() WHERE table_name = 'sign_ins' AND constraint_type = 'NOT NULL'")).toEqual([{ n: 5 }]);
    expect(await store.all('SELECT count(*) AS n FROM schema_migrations WHERE version = 3')).toEqual([{ n: 1 }]);
    store.close();
  });
});
