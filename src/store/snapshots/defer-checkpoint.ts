import { statSync } from 'node:fs';
import type { Store } from '../store.js';

/**
 * Bytes of write-ahead log up to which a command whose last write was a snapshot leaves the log as it is when it
 * closes: a snapshot that shares its rows with the one before adds ~0.5 KB to the log.
 */
export const DEFERRED_WAL_BYTES = 1024 * 1024;

/**
 * Skip the checkpoint DuckDB makes when this store closes, when its write-ahead log is small: the checkpoint at
 * closing after one snapshot row took 150-180 ms in a store of 10 M sign-ins (943 MB), against 5 ms to close without
 * it, and was the largest part of what analyze did after it had its results. The log is durable and every open reads
 * it, so nothing is lost or hidden; the next close past `limit` bytes of log, or the next import, checkpoints it with
 * the rest. Call after the command's last write: the setting holds until the store closes. Whether it was skipped.
 */
export async function deferCheckpoint(store: Store, limit = DEFERRED_WAL_BYTES): Promise<boolean> {
  if (store.path === ':memory:') return false;
  let bytes: number;
  try {
    bytes = statSync(`${store.path}.wal`).size;
  } catch {
    // No log: nothing is waiting for a checkpoint.
    return false;
  }
  if (bytes > limit) return false;
  await store.run('PRAGMA disable_checkpoint_on_shutdown');
  return true;
}
