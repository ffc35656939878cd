/**
 * `npm run bench -- analyze [--sizes 1000000,10000000] [--runs 3]`: wall time and peak RSS of `unattended analyze --format json`
 * over synthetic stores of each size, beside the floor (one hand-written GROUP BY over the same sign_ins, bench/group-by-floor.mjs),
 * measured in the same run, each in its own process. Target: analyze at most 3× the floor.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatMeasurement, measureCommand, type Measurement } from './measure.js';
import { ensureBenchStore, tenantFor } from './analyze-data.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TARGET_RATIO = 3;

function runsFrom(args: readonly string[]): number {
  const at = args.indexOf('--runs');
  const runs = at >= 0 ? Number.parseInt(args[at + 1] ?? '', 10) : 3;
  if (!Number.isSafeInteger(runs) || runs <= 0) throw new Error('--runs takes a positive integer');
  return runs;
}

function sizesFrom(args: readonly string[]): number[] {
  const at = args.indexOf('--sizes');
  const list = at >= 0 ? (args[at + 1] ?? '') : '1000000,10000000';
  const sizes = list.split(',').map((value) => Number.parseInt(value, 10));
  if (sizes.some((size) => !Number.isSafeInteger(size) || size <= 0)) throw new Error(`--sizes takes positive integers separated by commas, got ${list}`);
  return sizes;
}

/** The better of `runs` measurements: the machine is shared, so the minimum is the least disturbed (every run is printed too). */
async function best(runs: number, measure: () => Promise<Measurement>): Promise<Measurement> {
  let chosen: Measurement | null = null;
  for (let run = 0; run < runs; run += 1) {
    const m = await measure();
    if (m.exitCode !== 0) throw new Error(`${m.label} exited ${m.exitCode}`);
    process.stderr.write(`  run ${run + 1}/${runs}: ${formatMeasurement(m)}\n`);
    if (chosen === null || m.wallSeconds < chosen.wallSeconds) chosen = m;
  }
  if (chosen === null) throw new Error('no measurement');
  return chosen;
}

export async function run(args: string[]): Promise<void> {
  const cli = join(root, 'bin', 'unattended.js');
  if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: run "npm run build" first (the benchmark measures the built CLI)');
  const dir = join(root, '.bench');
  mkdirSync(dir, { recursive: true });
  const lines: string[] = [];
  const runs = runsFrom(args);
  for (const size of sizesFrom(args)) {
    const tenant = tenantFor(size);
    const db = join(dir, `analyze-${size}.duckdb`);
    const started = Date.now();
    await ensureBenchStore(db, tenant);
    process.stderr.write(`store ${db}: ${size.toLocaleString('en-US')} sign-ins, ${tenant.users} users, ${tenant.servicePrincipals} service principals (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
    const floor = await best(runs, () => measureCommand(`floor GROUP BY ${size.toLocaleString('en-US')}`, process.execPath, [join(root, 'bench', 'group-by-floor.mjs'), db]));
    const analyze = await best(runs, () => measureCommand(`analyze ${size.toLocaleString('en-US')}`, process.execPath, [cli, 'analyze', '--db', db, '--format', 'json']));
    const ratio = analyze.wallSeconds / floor.wallSeconds;
    lines.push(formatMeasurement(floor), formatMeasurement(analyze), `ratio analyze / floor at ${size.toLocaleString('en-US')}: ${ratio.toFixed(2)}× (target ≤ ${TARGET_RATIO}×) ${ratio <= TARGET_RATIO ? 'OK' : 'OVER'}`);
    process.stderr.write(`${lines.slice(-3).join('\n')}\n`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}
