import { MIGRATION_001 } from './001-initial.js';
import { MIGRATION_002 } from './002-applications.js';

/** Ordered schema migrations. Append only: a released migration never changes. */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  { version: 1, name: 'initial', sql: MIGRATION_001 },
  { version: 2, name: 'applications', sql: MIGRATION_002 },
];

export const SCHEMA_VERSION = MIGRATIONS.length;
