import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../store.js';
import { deferCheckpoint } from './defer-checkpoint.js';

const work = mkdtempSync(join(tmpdir(), 'unattended-defer-checkpoint-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Opens the store, writes one row, defers the checkpoint up to `limit` bytes of log and closes: whether it deferred. */
async function writeOneRow(path: string, key: string, limit?: number): Promise<boolean> {
  const store = await openStore(path);
  try {
    await store.run('INSERT INTO tenant VALUES (?, ?)', [key, 'x']);
    return await deferCheckpoint(store, limit);
  } finally {
    store.close();
  }
}

async function keys(path: string): Promise<unknown[]> {
  const store = await openStore(path, { readOnly: true });
  try {
    return await store.all('SELECT key FROM tenant ORDER BY key');
  } finally {
    store.close();
  }
}

describe('deferCheckpoint', () => {
  it('leaves a small log for the next checkpoint, which every open still reads, and lets a larger one be checkpointed', async () => {
    const path = join(work, 'store.duckdb');
    expect(await writeOneRow(path, 'first')).toBe(true);
    expect(statSync(`${path}.wal`).size).toBeGreaterThan(0);
    expect(await keys(path)).toEqual([{ key: 'first' }]);

    // Past the limit (here 0 bytes) the close checkpoints: the log, the earlier row's too, is folded into the file.
    expect(await writeOneRow(path, 'second', 0)).toBe(false);
    expect(existsSync(`${path}.wal`)).toBe(false);
    expect(await keys(path)).toEqual([{ key: 'first' }, { key: 'second' }]);
  });

  it('has nothing to defer in memory', async () => {
    const store = await openStore(':memory:');
    expect(await deferCheckpoint(store)).toBe(false);
    store.close();
  });
});
