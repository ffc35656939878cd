import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from './store.js';

const work = mkdtempSync(join(tmpdir(), 'unattended-store-beside-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('Store.beside', () => {
  it('reads the same file in UTC on its own connection, runs beside a streaming query, and closes alone', async () => {
    for (const path of [join(work, 'file.duckdb'), ':memory:']) {
      const store = await openStore(path);
      try {
        await store.run("INSERT INTO identities (id, kind, display_name) VALUES ('u1', 'user', 'One'), ('u2', 'user', 'Two')");
        const stream = await store.connection.stream('SELECT id FROM identities ORDER BY id');
        const beside = await store.beside();
        const [zone] = await beside.all<{ zone: string }>("SELECT current_setting('TimeZone') AS zone");
        const rows = await beside.all<{ n: number }>('SELECT count(*) AS n FROM identities');
        beside.close();
        const chunk = await stream.fetchChunk();
        expect(zone?.zone).toBe('UTC');
        expect(rows).toEqual([{ n: 2 }]);
        expect(chunk?.getColumnValues(0)).toEqual(['u1', 'u2']);
        expect(await store.all('SELECT id FROM identities ORDER BY id')).toEqual([{ id: 'u1' }, { id: 'u2' }]);
      } finally {
        store.close();
      }
    }
  });
});
