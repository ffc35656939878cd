/**
 * `npm run bench -- analyze [--sizes 1000000,10000000] [--runs 3]`: wall time and peak RSS of `unattended analyze --format json`
 * over synthetic stores of each size, beside the floor (one hand-written GROUP BY over the same sign_ins, bench/group-by-floor.mjs),
 * measured in the same run, alternating, each in its own process. Target: analyze at most 3× the floor.
 * analyze reads the sign-in rollups and summary that imports keep batch by batch; what building them from scratch costs
 * for the same sign-ins is measured too and printed beside (bench/rebuild-rollups.mjs).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatMeasurement, measureCommand, type Measurement } from './measure.js';
import { ensureBenchStore, tenantFor } from './analyze-data.js';
import { reportRatios, type BenchRatio } from './ratios.js';

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

/** The least disturbed of several measurements (the machine is shared; every run is printed too). */
function best(measurements: readonly Measurement[], by: (m: Measurement) => number): Measurement {
  const [first, ...rest] = measurements;
  if (!first) throw new Error('no measurement');
  return rest.reduce((a, b) => (by(b) < by(a) ? b : a), first);
}

async function checked(measurement: Promise<Measurement>): Promise<Measurement> {
  const m = await measurement;
  if (m.exitCode !== 0) throw new Error(`${m.label} exited ${m.exitCode}`);
  process.stderr.write(`  ${formatMeasurement(m)}\n`);
  return m;
}

export async function run(args: string[]): Promise<void> {
  const cli = join(root, 'bin', 'unattended.js');
  if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: run "npm run build" first (the benchmark measures the built CLI)');
  const dir = join(root, '.bench');
  mkdirSync(dir, { recursive: true });
  const lines: string[] = [];
  const runs = runsFrom(args);
  const ratios: BenchRatio[] = [];
  for (const size of sizesFrom(args)) {
    const tenant = tenantFor(size);
    const db = join(dir, `analyze-${size}.duckdb`);
    const started = Date.now();
    await ensureBenchStore(db, tenant);
    process.stderr.write(`store ${db}: ${size.toLocaleString('en-US')} sign-ins, ${tenant.users} users, ${tenant.servicePrincipals} service principals (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
    const label = size.toLocaleString('en-US');
    const floors: Measurement[] = [];
    const analyses: Measurement[] = [];
    // Alternate the two so that both see the same machine load.
    for (let round = 0; round < runs; round += 1) {
      floors.push(await checked(measureCommand(`floor GROUP BY ${label}`, process.execPath, [join(root, 'bench', 'group-by-floor.mjs'), db])));
      analyses.push(await checked(measureCommand(`analyze ${label}`, process.execPath, [cli, 'analyze', '--db', db, '--format', 'json'])));
    }
    const floor = best(floors, (m) => m.wallSeconds);
    const analyze = best(analyses, (m) => m.wallSeconds);
    const ratio = analyze.wallSeconds / floor.wallSeconds;
    const cpuRatio = best(analyses, (m) => m.cpuSeconds).cpuSeconds / best(floors, (m) => m.cpuSeconds).cpuSeconds;
    ratios.push({ name: `analyze / floor, wall, ${size} sign-ins`, value: ratio, better: 'lower' }, { name: `analyze / floor, CPU, ${size} sign-ins`, value: cpuRatio, better: 'lower' });
    const rebuild = await checked(measureCommand(`rollups + summary rebuilt from ${label} sign-ins (paid by import)`, process.execPath, [join(root, 'bench', 'rebuild-rollups.mjs'), db]));
    lines.push(
      formatMeasurement(floor),
      formatMeasurement(analyze),
      `ratio analyze / floor at ${label}: ${ratio.toFixed(2)}× wall (target ≤ ${TARGET_RATIO}×) ${ratio <= TARGET_RATIO ? 'OK' : 'OVER'}; ${cpuRatio.toFixed(2)}× CPU`,
      formatMeasurement(rebuild),
    );
    process.stderr.write(`${lines.slice(-4).join('\n')}\n`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  reportRatios(ratios);
}
