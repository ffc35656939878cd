// Baseline (3) of `npm run bench -- e2e`: the throwaway script. Streams every sign-in file of the export line by line,
// JSON.parses each line and aggregates the same 8 fields per principal as e2e-duckdb-floor.mjs.
// Usage: node bench/e2e-stream-floor.mjs EXPORT_DIR OUT.json
import { createReadStream, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import process from 'node:process';

const [dir, out] = process.argv.slice(2);
if (!dir || !out) {
  process.stderr.write('usage: node bench/e2e-stream-floor.mjs EXPORT_DIR OUT.json\n');
  process.exit(2);
}
const files = [];
for (const folder of readdirSync(dir)) {
  if (!/^insights-logs-.*signinlogs$/u.test(folder)) continue;
  for (const entry of readdirSync(join(dir, folder), { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.json')) files.push(join(entry.parentPath, entry.name));
  }
}
const WORKLOAD = new Set(['ServicePrincipalSignInLogs', 'ManagedIdentitySignInLogs']);
const byPrincipal = new Map();
for (const file of files) {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const record = JSON.parse(line);
    const p = record.properties ?? {};
    const principal = (p.userId || p.servicePrincipalId || '').toLowerCase() || 'null';
    const created = new Date(p.createdDateTime).getTime();
    let a = byPrincipal.get(principal);
    if (!a) {
      a = { n: 0, failures: 0, interactive: 0, nonInteractive: 0, workload: 0, apps: new Set(), first: created, last: created };
      byPrincipal.set(principal, a);
    }
    a.n += 1;
    if ((p.status?.errorCode ?? 0) !== 0) a.failures += 1;
    if (record.category === 'SignInLogs') a.interactive += 1;
    else if (record.category === 'NonInteractiveUserSignInLogs') a.nonInteractive += 1;
    else if (WORKLOAD.has(record.category)) a.workload += 1;
    if (p.appId) a.apps.add(p.appId);
    if (created < a.first) a.first = created;
    if (created > a.last) a.last = created;
  }
}
const result = {};
for (const [principal, a] of byPrincipal) {
  result[principal] = [a.n, a.failures, a.interactive, a.nonInteractive, a.workload, a.apps.size, a.first, a.last];
}
writeFileSync(out, JSON.stringify(result));
process.stderr.write(`stream floor: ${byPrincipal.size} principals in ${files.length} files\n`);
