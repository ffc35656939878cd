// Baseline (2) of `npm run bench -- e2e`: the DuckDB floor. read_json over every sign-in file of the export and one
// GROUP BY per principal, 8 aggregates, in its own Node process with the same DuckDB as the store.
// Usage: node bench/e2e-duckdb-floor.mjs EXPORT_DIR OUT.json   (writes { principal: [the 8 aggregates] }, times in epoch ms)
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { DuckDBInstance } from '@duckdb/node-api';

const [dir, out] = process.argv.slice(2);
if (!dir || !out) {
  process.stderr.write('usage: node bench/e2e-duckdb-floor.mjs EXPORT_DIR OUT.json\n');
  process.exit(2);
}
const glob = join(dir, 'insights-logs-*signinlogs', '**', '*.json').replaceAll("'", "''");
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
// Only the fields aggregated are read (an explicit schema), as any hand-written query would.
const reader = await connection.runAndReadAll(`
  SELECT lower(coalesce(nullif(properties.userId, ''), nullif(properties.servicePrincipalId, ''))) AS principal,
         count(*) AS sign_ins,
         count(*) FILTER (WHERE properties.status.errorCode <> 0) AS failures,
         count(*) FILTER (WHERE category = 'SignInLogs') AS interactive,
         count(*) FILTER (WHERE category = 'NonInteractiveUserSignInLogs') AS non_interactive,
         count(*) FILTER (WHERE category IN ('ServicePrincipalSignInLogs', 'ManagedIdentitySignInLogs')) AS workload,
         count(DISTINCT properties.appId) AS apps,
         epoch_ms(min(CAST(properties.createdDateTime AS TIMESTAMPTZ))) AS first_seen,
         epoch_ms(max(CAST(properties.createdDateTime AS TIMESTAMPTZ))) AS last_seen
  FROM read_json('${glob}', format = 'newline_delimited',
                 columns = { category: 'VARCHAR', properties: 'STRUCT(userId VARCHAR, servicePrincipalId VARCHAR, appId VARCHAR, createdDateTime VARCHAR, status STRUCT(errorCode BIGINT))' })
  GROUP BY ALL`);
const result = {};
for (const row of reader.getRowObjectsJS()) {
  result[String(row.principal)] = [row.sign_ins, row.failures, row.interactive, row.non_interactive, row.workload, row.apps, row.first_seen, row.last_seen].map((v) => (typeof v === 'bigint' ? Number(v) : v));
}
writeFileSync(out, JSON.stringify(result));
process.stderr.write(`duckdb floor: ${Object.keys(result).length} principals\n`);
connection.closeSync();
instance.closeSync();
