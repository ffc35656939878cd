import type { TableSpec } from '../columns.js';

/** The snapshot tables as the row writer stages them (migration 006). */
export const SNAPSHOT_IDENTITIES: TableSpec = {
  table: 'snapshot_identities',
  columns: [
    ['snapshot_id', 'int'], ['id', 'text'], ['upn', 'text'], ['display_name', 'text'], ['kind', 'text'], ['class', 'text'], ['verdict', 'text'],
    ['breaks_on', 'date'], ['owner_team', 'text'], ['owner_match', 'text'], ['exception_state', 'text'], ['exception_expires', 'date'],
    ['exception_approver', 'text'], ['retired_on', 'date'], ['retired_active', 'bool'], ['last_activity', 'timestamp'], ['plan_stage', 'text'],
    ['breaking_automation', 'text[]'],
  ],
};

export const SNAPSHOT_AUTOMATION: TableSpec = {
  table: 'snapshot_automation',
  columns: [
    ['snapshot_id', 'int'], ['file', 'text'], ['line', 'int'], ['rule', 'text'], ['auth_method', 'text'], ['identity_kind', 'text'], ['identity_value', 'text'],
    ['owner_team', 'text'], ['owner_match', 'text'], ['excepted_by', 'text'], ['exception_state', 'text'],
  ],
};
