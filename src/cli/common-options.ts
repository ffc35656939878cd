import { Option } from 'commander';
import { defaultDbPath } from '../store/store.js';

/** --db, taken by every command (DESIGN.md). */
export function dbOption(): Option {
  return new Option('--db <file>', 'the store (DuckDB file); default ./unattended.duckdb or $UNATTENDED_DB').default(defaultDbPath());
}

export function debugOption(): Option {
  return new Option('--debug', 'print stack traces of unexpected errors');
}
