import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../store/store.js';
import { SignInFileReader } from './sign-in-file-reader.js';

function signIn(id: string, category = 'SignInLogs'): string {
  return JSON.stringify({
    category,
    tenantId: '4d3bac44-0230-4732-9e70-cc00736f0a97',
    resultType: '0',
    properties: { id, createdDateTime: '2026-11-01T10:00:00Z', userId: 'U-1', appId: 'A-1', status: { errorCode: 0 }, isInteractive: true },
  });
}

describe('the fast path reader', () => {
  const dir = mkdtempSync(join(tmpdir(), 'unattended-reader-'));
  let store: Store;
  let reader: SignInFileReader;
  beforeAll(async () => {
    store = await openStore(':memory:');
    reader = await SignInFileReader.open(store);
  });
  afterAll(async () => {
    await reader.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function scratchTables(): Promise<number> {
    const [row] = await store.all<{ n: number }>("SELECT count(*) AS n FROM duckdb_tables() WHERE database_name = 'ua_import_scratch'");
    return row?.n ?? -1;
  }

  it('normalises a clean file into a table the store connection can read, raw beside it in file order', async () => {
    const path = join(dir, 'clean.json');
    writeFileSync(path, `${signIn('ID-B')}\n${signIn('ID-A', 'NonInteractiveUserSignInLogs')}\n`);
    const read = await reader.read(path, false);
    expect(read?.count).toBe(2);
    if (read === null) return;
    const rows = await store.all<{ id: string; kind: string; paired: boolean }>(
      `SELECT n.id, n.kind, hash(s.raw) = n.raw_hash AS paired FROM ${read.table} n POSITIONAL JOIN ${read.rawTable} s`,
    );
    expect(rows).toEqual([
      { id: 'id-b', kind: 'interactiveUser', paired: true },
      { id: 'id-a', kind: 'nonInteractiveUser', paired: true },
    ]);
    expect(await scratchTables()).toBe(2);
    reader.release(read);
  });

  it('gives the file back (nothing kept) when a record does not normalise or a line is not JSON', async () => {
    const missingId = join(dir, 'missing-id.json');
    writeFileSync(missingId, `${signIn('ID-C')}\n${signIn('')}\n`);
    expect(await reader.read(missingId, false)).toBeNull();
    const cut = join(dir, 'cut.json');
    writeFileSync(cut, `${signIn('ID-D')}\n{"category": "SignInLogs", "properties": {"id": "cut\n`);
    expect(await reader.read(cut, false)).toBeNull();
    // The released tables of the first test went before these reads; the failed reads kept none.
    expect(await scratchTables()).toBe(0);
  });
});
