/**
 * `npm run bench -- import [--records N] [--per-file N]`: imports N diagnostic-settings sign-ins (default 1,000,000)
 * laid out as a storage account writes them, and beside it, in the same run, loads the same files with DuckDB's
 * own read_json — the practical floor. Prints records/s, peak RSS and the ratio (target ≥ 0.5, RSS < 1 GiB).
 * The records are the real samples in ../shared/samples, repeated with fresh IDs.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { measureCommand, type Measurement } from './measure.js';
import { reportRatios } from './ratios.js';

const ROOT = resolve(import.meta.dirname, '..');
const SAMPLES = resolve(ROOT, '..', 'shared', 'samples', 'entra-diagnostic-logs');
const SIGN_IN_FILES = ['sign_in_logs.jsonl', 'non_interactive_user_sign_in_logs.jsonl', 'service_principal_sign_in_logs.jsonl', 'managed_identity_sign_in_logs.jsonl'];

function option(args: readonly string[], name: string, fallback: number): number {
  const index = args.indexOf(name);
  const value = index >= 0 ? Number(args[index + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} takes a positive integer`);
  return value;
}

/** A GUID-shaped id, deterministic per record number, so a re-generated corpus is the same corpus. */
function guid(n: number): string {
  const hex = createHash('md5').update(String(n)).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function generate(dir: string, records: number, perFile: number): void {
  const templates: { category: string; line: string; id: string }[] = [];
  for (const file of SIGN_IN_FILES) {
    for (const line of readFileSync(join(SAMPLES, file), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const parsed: unknown = JSON.parse(line);
      if (typeof parsed !== 'object' || parsed === null || !('category' in parsed) || typeof parsed.category !== 'string') continue;
      const id = /"properties": \{"id":"(?<id>[0-9a-f-]{36})"/.exec(line)?.groups?.['id'];
      if (id) templates.push({ category: parsed.category, line, id });
    }
  }
  const buckets = new Map<string, string[]>();
  let fileNumber = 0;
  const flush = (category: string, lines: string[]): void => {
    const hour = String(fileNumber % 24).padStart(2, '0');
    const day = String(1 + Math.floor(fileNumber / 24)).padStart(2, '0');
    const folder = join(dir, `insights-logs-${category.toLowerCase()}`, 'resourceId=', 'tenants', '4d3bac44-0230-4732-9e70-cc00736f0a97', 'providers', 'Microsoft.aadiam', 'y=2026', 'm=11', `d=${day}`, `h=${hour}`, 'm=00');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'PT1H.json'), `${lines.join('\n')}\n`);
    fileNumber += 1;
  };
  for (let n = 0; n < records; n += 1) {
    const template = templates[n % templates.length];
    if (!template) throw new Error('no sample sign-ins found');
    const lines = buckets.get(template.category) ?? [];
    lines.push(template.line.replaceAll(template.id, guid(n)));
    buckets.set(template.category, lines);
    if (lines.length === perFile) {
      flush(template.category, lines);
      buckets.set(template.category, []);
    }
  }
  for (const [category, lines] of buckets) if (lines.length > 0) flush(category, lines);
}

function countFiles(dir: string): number {
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) if (entry.isFile()) n += 1;
  return n;
}

function best(runs: readonly Measurement[]): Measurement {
  const [first, ...rest] = runs;
  if (!first) throw new Error('no runs');
  return rest.reduce((a, b) => (b.wallSeconds < a.wallSeconds ? b : a), first);
}

function describeRun(run: Measurement, records: number): string {
  return `${run.label}: ${run.wallSeconds.toFixed(2)} s wall (${Math.round(records / run.wallSeconds).toLocaleString('en-US')} records/s), ${run.cpuSeconds.toFixed(2)} s CPU, peak RSS ${run.peakRssMiB.toFixed(0)} MiB, exit ${run.exitCode}`;
}

const RAW_DUCKDB = `
import { DuckDBInstance } from '@duckdb/node-api';
const [db, glob] = process.argv.slice(1);
const instance = await DuckDBInstance.create(db);
const connection = await instance.connect();
await connection.run("CREATE TABLE raw AS SELECT * FROM read_json('" + glob + "', format = 'newline_delimited', union_by_name = true)");
const reader = await connection.runAndReadAll('SELECT count(*) AS n FROM raw');
process.stderr.write('raw duckdb rows: ' + String(reader.getRowObjectsJS()[0]?.n) + '\\n');
`;

export async function run(args: string[]): Promise<void> {
  const records = option(args, '--records', 1_000_000);
  const perFile = option(args, '--per-file', 25_000);
  if (!existsSync(SAMPLES)) {
    process.stderr.write('skipped: ../shared/samples not present (the bench repeats the real sign-ins found there)\n');
    return;
  }
  const corpus = join(tmpdir(), `unattended-bench-import-${records}-${perFile}`);
  if (!existsSync(join(corpus, 'done'))) {
    rmSync(corpus, { recursive: true, force: true });
    process.stderr.write(`generating ${records.toLocaleString('en-US')} sign-ins in ${corpus} …\n`);
    generate(corpus, records, perFile);
    writeFileSync(join(corpus, 'done'), '');
  }
  const work = mkdtempSync(join(tmpdir(), 'unattended-bench-import-db-'));
  const rounds = option(args, '--rounds', 2);
  try {
    const files = countFiles(corpus) - 1;
    const folders = readdirSync(corpus).filter((name) => name.startsWith('insights-logs-')).map((name) => join(corpus, name));
    const oursRuns: Measurement[] = [];
    const rawRuns: Measurement[] = [];
    // Alternate the two so that both see the same machine load.
    for (let round = 0; round < rounds; round += 1) {
      rmSync(join(work, 'ours.duckdb'), { force: true });
      rmSync(join(work, 'raw.duckdb'), { force: true });
      oursRuns.push(await measureCommand('unattended import', process.execPath, ['--import', 'tsx', join(ROOT, 'test', 'fixtures', 'import', 'run-cli.ts'), 'import', '--db', join(work, 'ours.duckdb'), '--format', 'json', ...folders], { ...process.env, CI: '1' }));
      rawRuns.push(await measureCommand('raw DuckDB read_json', process.execPath, ['--input-type=module', '-e', RAW_DUCKDB, join(work, 'raw.duckdb'), join(corpus, 'insights-logs-*', '**', 'PT1H.json')]));
    }
    const ours = best(oursRuns);
    const raw = best(rawRuns);
    const cpuRatio = Math.min(...rawRuns.map((r) => r.cpuSeconds)) / Math.min(...oursRuns.map((r) => r.cpuSeconds));
    process.stdout.write(
      [
        `corpus: ${records.toLocaleString('en-US')} diagnostic-JSONL sign-ins in ${files} PT1H.json blobs; best of ${rounds} alternating rounds`,
        describeRun(ours, records),
        describeRun(raw, records),
        `ratio (ours / raw DuckDB speed, wall): ${(raw.wallSeconds / ours.wallSeconds).toFixed(2)} (target >= 0.5)`,
        `ratio (ours / raw DuckDB, CPU time): ${cpuRatio.toFixed(2)}`,
        `peak RSS: ${Math.max(...oursRuns.map((r) => r.peakRssMiB)).toFixed(0)} MiB (target < 1024 MiB)`,
      ].join('\n') + '\n',
    );
    reportRatios([{ name: `import speed / raw DuckDB read_json speed, wall, ${records} records`, value: raw.wallSeconds / ours.wallSeconds, better: 'higher' }]);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
