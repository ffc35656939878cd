// The floor the analyze benchmark is compared with: one hand-written GROUP BY over the same sign_ins table,
// in its own Node process (same start-up, same DuckDB), reading every row back. Usage: node group-by-floor.mjs DB
import process from 'node:process';
import { DuckDBInstance } from '@duckdb/node-api';

const path = process.argv[2];
if (!path) {
  process.stderr.write('usage: node bench/group-by-floor.mjs DB\n');
  process.exit(2);
}
const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
const connection = await instance.connect();
const reader = await connection.runAndReadAll(
  'SELECT coalesce(user_id, service_principal_id) AS principal, count(*) AS sign_ins, max(created_at) AS last_seen FROM sign_ins GROUP BY ALL',
);
const rows = reader.getRowObjectsJS();
process.stderr.write(`floor: ${rows.length} principals\n`);
connection.closeSync();
instance.closeSync();
