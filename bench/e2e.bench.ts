/**
 * `npm run bench -- e2e [--sign-ins N] [--rounds R] [--no-single]`: from export to answer. Generates (and caches under
 * .bench/) the demo export of about N sign-ins, then measures, alternating, each in its own process:
 * (1) `unattended import` into a fresh store, then `analyze --format json`;
 * (2) the DuckDB floor: read_json + one GROUP BY per principal, 8 aggregates (bench/e2e-duckdb-floor.mjs);
 * (3) the throwaway script: stream each file, JSON.parse each line, the same 8 aggregates (bench/e2e-stream-floor.mjs).
 * The two baselines must agree per principal, and their sign-in counts per principal must equal the store's.
 * Then the single-big-file case: every sign-in file concatenated into one JSON Lines file, imported with its peak RSS.
 * Prints wall, CPU and peak RSS of each, the ratios (1)/(2) and (1)/(3), and writes bench/results/<date>-e2e.json.
 */
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { formatMeasurement, measureCommand, type Measurement } from './measure.js';
import { openStore } from '../src/store/store.js';
import { reportRatios } from './ratios.js';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'bin', 'unattended.js');
/** Interactive sign-ins first, as the import orders them. */
const SIGN_IN_FOLDERS = ['insights-logs-signinlogs', 'insights-logs-noninteractiveusersigninlogs', 'insights-logs-serviceprincipalsigninlogs', 'insights-logs-managedidentitysigninlogs'];

function option(args: readonly string[], name: string, fallback: number): number {
  const index = args.indexOf(name);
  const value = index >= 0 ? Number(args[index + 1]) : fallback;
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${name} takes a positive integer`);
  return value;
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** The demo export of about `signIns` sign-ins, generated once per size (by the built generator, in its own process). */
async function ensureExport(signIns: number): Promise<{ dir: string; single: string; files: number; bytes: number }> {
  const cache = join(ROOT, '.bench', `e2e-${signIns}`);
  const dir = join(cache, 'tenant-export');
  const single = join(cache, 'single.jsonl');
  if (!existsSync(join(cache, 'done'))) {
    rmSync(cache, { recursive: true, force: true });
    mkdirSync(cache, { recursive: true });
    process.stderr.write(`generating the demo export of ${signIns.toLocaleString('en-US')} sign-ins in ${cache} …\n`);
    const script = `import { generateDemo } from ${JSON.stringify(join(ROOT, 'dist', 'sources', 'demo', 'index.js'))}; await generateDemo({ outDir: process.argv[1], signIns: Number(process.argv[2]) });`;
    const made = await measureCommand('generate', process.execPath, ['--input-type=module', '-e', script, cache, String(signIns)]);
    if (made.exitCode !== 0) throw new Error('generating the demo export failed');
    // The single-big-file case: the same sign-ins as one JSON Lines file.
    writeFileSync(single, '');
    for (const folder of SIGN_IN_FOLDERS) {
      for (const file of filesUnder(join(dir, folder))) await pipeline(createReadStream(file), createWriteStream(single, { flags: 'a' }));
    }
    writeFileSync(join(cache, 'done'), '');
  }
  const signInFiles = SIGN_IN_FOLDERS.flatMap((folder) => filesUnder(join(dir, folder)));
  return { dir, single, files: signInFiles.length, bytes: signInFiles.reduce((sum, file) => sum + statSync(file).size, 0) };
}

/** Sign-ins per principal in a store, and in a baseline's output. */
async function storeCounts(db: string): Promise<Map<string, number>> {
  const store = await openStore(db, { readOnly: true });
  try {
    const rows = await store.all<{ principal: string; n: number }>('SELECT coalesce(user_id, service_principal_id) AS principal, count(*)::INTEGER AS n FROM sign_ins GROUP BY ALL');
    return new Map(rows.map((row) => [row.principal, row.n]));
  } finally {
    store.close();
  }
}

function baselineAggregates(path: string): Map<string, string> {
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null) throw new Error(`${path}: not a JSON object`);
  return new Map(Object.entries(parsed).map(([principal, values]) => [principal, JSON.stringify(values)]));
}

function firstCount(aggregates: string): number {
  const parsed: unknown = JSON.parse(aggregates);
  return Array.isArray(parsed) && typeof parsed[0] === 'number' ? parsed[0] : Number.NaN;
}

/** Differences between the two baselines and the store, as sentences (none: they agree). */
function check(duckdb: Map<string, string>, stream: Map<string, string>, store: Map<string, number>): string[] {
  const problems: string[] = [];
  for (const [principal, values] of duckdb) if (stream.get(principal) !== values) problems.push(`${principal}: DuckDB floor ${values}, script ${stream.get(principal) ?? 'absent'}`);
  for (const principal of stream.keys()) if (!duckdb.has(principal)) problems.push(`${principal}: only in the script's output`);
  for (const [principal, values] of duckdb) if (store.get(principal) !== firstCount(values)) problems.push(`${principal}: ${firstCount(values)} sign-ins in the files, ${store.get(principal) ?? 0} in the store`);
  if (store.size !== duckdb.size) problems.push(`${store.size} principals in the store, ${duckdb.size} in the files`);
  return problems;
}

async function checked(measurement: Promise<Measurement>): Promise<Measurement> {
  const m = await measurement;
  process.stderr.write(`  ${formatMeasurement(m)}\n`);
  if (m.exitCode !== 0) throw new Error(`${m.label} exited ${m.exitCode}`);
  return m;
}

/** Import then analyze, as one measurement: wall and CPU add up, the peak is the larger of the two. */
function sequence(label: string, parts: readonly Measurement[]): Measurement {
  return {
    label,
    wallSeconds: parts.reduce((sum, m) => sum + m.wallSeconds, 0),
    cpuSeconds: parts.reduce((sum, m) => sum + m.cpuSeconds, 0),
    systemSeconds: parts.reduce((sum, m) => sum + m.systemSeconds, 0),
    minorFaults: parts.reduce((sum, m) => sum + m.minorFaults, 0),
    peakRssMiB: Math.max(...parts.map((m) => m.peakRssMiB)),
    exitCode: parts.find((m) => m.exitCode !== 0)?.exitCode ?? 0,
  };
}

function best(runs: readonly Measurement[], by: (m: Measurement) => number): Measurement {
  const [first, ...rest] = runs;
  if (!first) throw new Error('no runs');
  return rest.reduce((a, b) => (by(b) < by(a) ? b : a), first);
}

export interface E2eResult {
  date: string;
  signIns: number;
  files: number;
  bytes: number;
  rounds: number;
  runs: { ours: Measurement[]; import: Measurement[]; analyze: Measurement[]; duckdbFloor: Measurement[]; streamScript: Measurement[]; singleFile: Measurement[] };
  ratios: { oursOverDuckdbFloor: number; oursOverStreamScript: number; streamScriptOverAnalyze: number; oursOverDuckdbFloorCpu: number; oursOverStreamScriptCpu: number };
  peakRssMiB: { ours: number; singleFile: number | null };
  check: { principals: number; signIns: number; problems: string[] };
}

export async function measureE2e(signIns: number, rounds: number, single: boolean): Promise<E2eResult> {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: run "npm run build" first (the benchmark measures the built CLI)');
  const data = await ensureExport(signIns);
  const work = join(ROOT, '.bench', `e2e-${signIns}-work`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const env = { ...process.env, CI: '1' };
  const runs: E2eResult['runs'] = { ours: [], import: [], analyze: [], duckdbFloor: [], streamScript: [], singleFile: [] };
  let problems: string[] = [];
  let principals = 0;
  let counted = 0;
  try {
    // Alternate so that all three see the same machine load.
    for (let round = 0; round < rounds; round += 1) {
      const db = join(work, 'store.duckdb');
      rmSync(db, { force: true });
      rmSync(`${db}.wal`, { force: true });
      const imported = await checked(measureCommand('(1) import', process.execPath, [CLI, 'import', '--db', db, data.dir], env));
      const analyzed = await checked(measureCommand('(1) analyze --format json', process.execPath, [CLI, 'analyze', '--db', db, '--format', 'json'], env));
      runs.import.push(imported);
      runs.analyze.push(analyzed);
      runs.ours.push(sequence('(1) import + analyze', [imported, analyzed]));
      runs.duckdbFloor.push(await checked(measureCommand('(2) DuckDB floor', process.execPath, [join(ROOT, 'bench', 'e2e-duckdb-floor.mjs'), data.dir, join(work, 'duckdb.json')])));
      runs.streamScript.push(await checked(measureCommand('(3) streaming script', process.execPath, [join(ROOT, 'bench', 'e2e-stream-floor.mjs'), data.dir, join(work, 'stream.json')])));
      if (round === 0) {
        const duckdb = baselineAggregates(join(work, 'duckdb.json'));
        const store = await storeCounts(db);
        problems = check(duckdb, baselineAggregates(join(work, 'stream.json')), store);
        principals = duckdb.size;
        counted = [...store.values()].reduce((sum, n) => sum + n, 0);
      }
    }
    if (single) {
      const db = join(work, 'single.duckdb');
      runs.singleFile.push(await checked(measureCommand(`single file import (${(statSync(data.single).size / 2 ** 20).toFixed(0)} MiB)`, process.execPath, [CLI, 'import', '--db', db, data.single], env)));
      const store = await storeCounts(db);
      const inSingle = [...store.values()].reduce((sum, n) => sum + n, 0);
      if (inSingle !== counted) problems.push(`the single file stored ${inSingle} sign-ins, the export ${counted}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const wall = (m: Measurement): number => m.wallSeconds;
  const cpu = (m: Measurement): number => m.cpuSeconds;
  const ours = best(runs.ours, wall).wallSeconds;
  return {
    date: new Date().toISOString(),
    signIns: counted,
    files: data.files,
    bytes: data.bytes,
    rounds,
    runs,
    ratios: {
      oursOverDuckdbFloor: ours / best(runs.duckdbFloor, wall).wallSeconds,
      oursOverStreamScript: ours / best(runs.streamScript, wall).wallSeconds,
      streamScriptOverAnalyze: best(runs.streamScript, wall).wallSeconds / best(runs.analyze, wall).wallSeconds,
      oursOverDuckdbFloorCpu: best(runs.ours, cpu).cpuSeconds / best(runs.duckdbFloor, cpu).cpuSeconds,
      oursOverStreamScriptCpu: best(runs.ours, cpu).cpuSeconds / best(runs.streamScript, cpu).cpuSeconds,
    },
    peakRssMiB: { ours: Math.max(...runs.ours.map((m) => m.peakRssMiB)), singleFile: runs.singleFile.length > 0 ? Math.max(...runs.singleFile.map((m) => m.peakRssMiB)) : null },
    check: { principals, signIns: counted, problems },
  };
}

export function describeE2e(result: E2eResult): string {
  const wall = (m: Measurement): number => m.wallSeconds;
  const lines = [
    `export: ${result.signIns.toLocaleString('en-US')} sign-ins, ${result.files} files, ${(result.bytes / 2 ** 20).toFixed(0)} MiB; best of ${result.rounds} alternating rounds`,
    formatMeasurement(best(result.runs.ours, wall)),
    `  of which ${formatMeasurement(best(result.runs.import, wall))}`,
    `  of which ${formatMeasurement(best(result.runs.analyze, wall))}`,
    formatMeasurement(best(result.runs.duckdbFloor, wall)),
    formatMeasurement(best(result.runs.streamScript, wall)),
    `ratio (1)/(2) import + analyze / DuckDB floor: ${result.ratios.oursOverDuckdbFloor.toFixed(2)}× wall, ${result.ratios.oursOverDuckdbFloorCpu.toFixed(2)}× CPU (target ≤ 1.5×)`,
    `ratio (1)/(3) import + analyze / streaming script: ${result.ratios.oursOverStreamScript.toFixed(2)}× wall, ${result.ratios.oursOverStreamScriptCpu.toFixed(2)}× CPU (target ≤ 1.5×)`,
    `a second question: analyze alone is ${result.ratios.streamScriptOverAnalyze.toFixed(1)}× faster than the streaming script (target ≥ 10×)`,
    ...result.runs.singleFile.map((m) => `${formatMeasurement(m)} (target: peak RSS < 1024 MiB)`),
    result.check.problems.length === 0
      ? `check: the DuckDB floor, the script and the store agree on all ${result.check.principals} principals (${result.check.signIns.toLocaleString('en-US')} sign-ins)`
      : `check FAILED:\n  ${result.check.problems.slice(0, 20).join('\n  ')}`,
  ];
  return `${lines.join('\n')}\n`;
}

export async function run(args: string[]): Promise<void> {
  const result = await measureE2e(option(args, '--sign-ins', 1_000_000), option(args, '--rounds', 2), !args.includes('--no-single'));
  process.stdout.write(describeE2e(result));
  const resultsDir = join(ROOT, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const path = join(resultsDir, `${result.date.slice(0, 10)}-e2e.json`);
  writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
  process.stderr.write(`wrote ${path}\n`);
  reportRatios([
    { name: `e2e (import + analyze) / DuckDB floor, wall, ${result.signIns} sign-ins`, value: result.ratios.oursOverDuckdbFloor, better: 'lower' },
    { name: `e2e (import + analyze) / streaming script, wall, ${result.signIns} sign-ins`, value: result.ratios.oursOverStreamScript, better: 'lower' },
    { name: `e2e streaming script / second analyze, wall, ${result.signIns} sign-ins`, value: result.ratios.streamScriptOverAnalyze, better: 'higher' },
  ]);
  if (result.check.problems.length > 0) process.exitCode = 1;
}
