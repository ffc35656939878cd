/**
 * Version 8: a snapshot whose governed state equals the newest one's keeps no copy of it.
 * - `snapshots.state_digest`: SHA-256 of the snapshot's identity and automation rows as written (write-snapshot.ts).
 * - `snapshots.rows_from`: the snapshot whose rows this one shares (NULL: its own rows). A run that changed nothing
 *   (analyze again, check in CI on an unchanged store) adds its head, with its own time, command and inputs, and points
 *   here instead of copying every identity again: the store grows with changes, not with runs. Readers go through
 *   `coalesce(rows_from, id)`.
 * Older snapshots have neither: they keep their own rows, and a new run is compared with them by its rows' digest only
 * once a snapshot with a digest exists.
 */
export const MIGRATION_008 = `
ALTER TABLE snapshots ADD COLUMN state_digest VARCHAR;
ALTER TABLE snapshots ADD COLUMN rows_from INTEGER;
`;
