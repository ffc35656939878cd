import { MIGRATION_001 } from './001-initial.js';
import { MIGRATION_002 } from './002-applications.js';
import { MIGRATION_003 } from './003-sign-ins-unkeyed.js';
import { MIGRATION_004 } from './004-sign-in-rollups.js';
import { MIGRATION_005 } from './005-sessions.js';
import { MIGRATION_006 } from './006-governance.js';
import { MIGRATION_007 } from './007-collection.js';
import { MIGRATION_008 } from './008-snapshot-reuse.js';

/** Ordered schema migrations. Append only: a released migration never changes. */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  { version: 1, name: 'initial', sql: MIGRATION_001 },
  { version: 2, name: 'applications', sql: MIGRATION_002 },
  { version: 3, name: 'sign-ins-unkeyed', sql: MIGRATION_003 },
  { version: 4, name: 'sign-in-rollups', sql: MIGRATION_004 },
  { version: 5, name: 'sessions', sql: MIGRATION_005 },
  { version: 6, name: 'governance', sql: MIGRATION_006 },
  { version: 7, name: 'collection', sql: MIGRATION_007 },
  { version: 8, name: 'snapshot-reuse', sql: MIGRATION_008 },
];

export const SCHEMA_VERSION = Math.max(...MIGRATIONS.map((migration) => migration.version));
