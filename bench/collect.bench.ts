/**
 * `npm run bench -- collect [--sign-ins N] [--throughput-sign-ins M] [--only throughput|memory]`: unattended collect
 * (the CLI, a process of its own) against the fake Graph (in this process) serving a generated tenant whose sign-ins
 * are made a page at a time, never held.
 * 1. capacity: M/2 sign-ins with no throttle: how fast this machine's client stores sign-ins, first page to exit (the
 *    baseline);
 * 2. throughput: M sign-ins through the reports throttle (5 requests in any window, as Graph's, the window set so that
 *    the throttle allows half the capacity). The throttle lets n requests through in no less than (ceil(n / 5) - 1)
 *    windows, first arrival to last; n counts every request of the budget it let through (sign-in pages, and the
 *    registration details and directory audits that share it). The ratio of that to the time the server saw them take
 *    is how close the client came to the throttle's maximum (target >= 0.90). Sign-ins per second are that maximum
 *    times the pages' fill (1,000 a page, the last page of each window and kind partly filled);
 * 3. Retry-After: the same with every 10th request answered 429 and a Retry-After of a second: throttled requests sent
 *    again before it ran out (exact, must be 0: the run fails otherwise), and any request of that budget the server saw
 *    while it ran (target 0; a request already on its way, within 25 ms of the 429, is not counted);
 * 4. memory: N/10 and N sign-ins (N = 200,000 by default; `--sign-ins 5000000` for the issue's 5 million) with no
 *    throttle: the client's peak RSS (GNU time; the fake's memory is this process's, not counted) under 1 GiB, and
 *    the larger run within 1.25x of the smaller: memory bounded whatever the size.
 * The throughput phases spread their sign-ins over two days (eight walks, many pages each), the memory phases over ten.
 */
import { reportRatios, type BenchRatio } from './ratios.js';
import { existsSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FakeAzure, type FakeAzureOptions } from '../test/fake-azure/fake-azure-server.js';
import { generatedTenant } from '../test/fake-azure/generated-tenant.js';
import { fakeToken } from '../test/fake-azure/fake-token.js';
import { measureCommand, type Measurement } from './measure.js';

const ROOT = resolve(import.meta.dirname, '..');
const UNTIL = new Date('2026-11-11T00:00:00Z');
const DAY = 86_400_000;
const PAGE = 1000;
const BURST = 5;
const OPEN = { requests: 1_000_000, perMs: 1000, concurrent: 8 };

function option(args: readonly string[], name: string, fallback: number): number {
  const index = args.indexOf(name);
  const value = index >= 0 ? Number(args[index + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} takes a positive integer`);
  return value;
}

function only(args: readonly string[]): 'throughput' | 'memory' | null {
  const index = args.indexOf('--only');
  if (index < 0) return null;
  const value = args[index + 1];
  if (value !== 'throughput' && value !== 'memory') throw new Error('--only takes throughput or memory');
  return value;
}

interface Phase {
  measurement: Measurement;
  served: number;
  /** Sign-in requests answered 200, and the first and last one's arrival (epoch ms). */
  pages: number;
  spanMs: number;
  /**
   * Requests of the reports budget the throttle let through (sign-in pages, and the registration details and directory
   * audits that share the budget), and the first and last one's arrival: what the throttle's maximum is reckoned on.
   */
  admitted: number;
  admittedSpanMs: number;
  /** From the first sign-in request's arrival to the collect process's exit: the sign-ins are stored by then. */
  toExitMs: number;
  throttled: number;
  violations: number;
  earlyRetries: number;
  faults: number;
}

/** Sign-ins per second, first sign-in request's arrival to the last one's. */
function rate(phase: Phase): number {
  return phase.spanMs > 0 ? phase.served / (phase.spanMs / 1000) : 0;
}

async function collectOnce(
  work: string,
  label: string,
  signIns: number,
  days: number,
  options: Pick<FakeAzureOptions, 'limits' | 'fault'>,
  reports: { requests: number; perMs: number },
): Promise<Phase> {
  const since = new Date(UNTIL.getTime() - days * DAY);
  const tokens = new Set<string>();
  const server = new FakeAzure({ tenant: generatedTenant(signIns, since, UNTIL), tokens, ...options });
  const url = await server.start();
  const token = fakeToken(url, 1);
  tokens.add(token);
  const tokenFile = join(work, 'tokens');
  const limitsFile = join(work, 'limits.json');
  const db = join(work, `${label}.duckdb`);
  writeFileSync(tokenFile, `${token}\n`);
  // The client is told the same limits the server enforces, as collect knows Graph's from its catalog.
  writeFileSync(limitsFile, JSON.stringify({ 'graph-reports': { ...reports, concurrent: 5 }, 'graph-directory': OPEN, 'graph-conditional-access': OPEN, arm: OPEN, 'resource-graph': OPEN }));
  rmSync(db, { force: true });
  rmSync(`${db}.wal`, { force: true });
  try {
    const measurement = await measureCommand(
      `collect ${label}`,
      process.execPath,
      [join(ROOT, 'bin', 'unattended.js'), 'collect', '--db', db, '--access-token-file', tokenFile, '--graph-url', `${url}/graph`,
        '--arm-url', `${url}/arm`, '--since', since.toISOString(), '--until', UNTIL.toISOString(), '--api-limits', limitsFile, '--format', 'json'],
      { ...process.env, CI: '1' },
    );
    const exited = Date.now();
    const pages = server.log.filter((entry) => entry.path.endsWith('/auditLogs/signIns') && entry.status === 200);
    const first = pages[0]?.arrived ?? 0;
    const last = pages.at(-1)?.arrived ?? 0;
    // Refused requests do not count against the throttle's window (the fake counts only what it lets through).
    const admitted = server.log.filter((entry) => entry.budget === 'graph-reports' && entry.status !== 429);
    return {
      measurement,
      served: server.stats.signInsServed,
      pages: pages.length,
      spanMs: last - first,
      admitted: admitted.length,
      admittedSpanMs: (admitted.at(-1)?.arrived ?? 0) - (admitted[0]?.arrived ?? 0),
      toExitMs: exited - first,
      throttled: server.stats.throttled,
      violations: server.stats.violations,
      earlyRetries: server.stats.earlyRetries,
      faults: server.stats.faults,
    };
  } finally {
    await server.close();
    rmSync(db, { force: true });
    rmSync(`${db}.wal`, { force: true });
  }
}

function number(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

function describe(label: string, phase: Phase): string {
  const m = phase.measurement;
  return `${label} (${number(phase.served)} sign-ins in ${number(phase.pages)} pages): ${number(rate(phase))} sign-ins/s; ${m.wallSeconds.toFixed(1)} s wall, ${m.cpuSeconds.toFixed(1)} s CPU, peak RSS ${m.peakRssMiB.toFixed(0)} MiB, exit ${m.exitCode}`;
}

/**
 * What must hold whatever the machine's load, unlike the timing targets: every collect ended 0, and no throttled request
 * was sent again before its Retry-After ran out. A broken one fails the benchmark.
 */
function broken(phases: readonly (readonly [label: string, phase: Phase])[]): string[] {
  return phases.flatMap(([label, phase]) => [
    ...(phase.measurement.exitCode === 0 ? [] : [`${label}: collect exited ${phase.measurement.exitCode}`]),
    ...(phase.earlyRetries === 0 ? [] : [`${label}: ${phase.earlyRetries} throttled requests sent again before their Retry-After ran out`]),
  ]);
}

interface Outcome {
  lines: string[];
  broken: string[];
  ratios: BenchRatio[];
}

async function throughputPhases(work: string, sample: number): Promise<Outcome> {
  const capacity = await collectOnce(work, 'capacity', Math.ceil(sample / 2), 2, { limits: {} }, OPEN);
  // The capacity is what this machine stores, first page to exit: pages are read up to two steps ahead of the store, so
  // the rate they arrive at, alone, is not one the client could keep up for long.
  const stored = capacity.toExitMs > 0 ? capacity.served / (capacity.toExitMs / 1000) : 0;
  // Five requests in any window, as Graph's reports throttle; the window set so that it allows half the capacity.
  const perMs = Math.max(100, Math.round((BURST * PAGE * 1000) / (stored / 2)));
  const reports = { requests: BURST, perMs };
  const throughput = await collectOnce(work, 'throttled', sample, 2, { limits: { 'graph-reports': reports } }, reports);
  const fastest = (Math.ceil(throughput.admitted / BURST) - 1) * perMs;
  const retryAfter = await collectOnce(work, 'retry-after', sample, 2, { limits: { 'graph-reports': reports }, fault: { kind: 'throttle', every: 10, retryAfterSeconds: 1 } }, reports);
  const lines = [
    describe('capacity, no throttle', capacity),
    `  stored ${number(stored)} sign-ins/s, first page to exit`,
    `throttle: ${BURST} requests in any ${number(perMs)} ms, at most ${number((BURST * PAGE * 1000) / perMs)} sign-ins/s at 1,000 a page`,
    describe('throughput', throughput),
    `  ${number(throughput.admitted)} requests of the reports budget (${number(throughput.pages)} of them sign-in pages) need at least ${(fastest / 1000).toFixed(1)} s through the throttle, took ${(throughput.admittedSpanMs / 1000).toFixed(1)} s: ratio ${(fastest / throughput.admittedSpanMs).toFixed(3)} (target >= 0.90); pages ${((100 * throughput.served) / (throughput.pages * PAGE)).toFixed(1)}% full; ${throughput.throttled} requests refused by the throttle`,
    describe('Retry-After', retryAfter),
    `  ${retryAfter.faults} answers 429 with Retry-After: 1; throttled requests sent again before it ran out: ${retryAfter.earlyRetries} (target 0); requests of that budget that arrived while one ran (after a 25 ms in-flight grace): ${retryAfter.violations} (target 0); ${retryAfter.throttled} refused by the throttle`,
  ];
  const ratios: BenchRatio[] = [{ name: `collect throughput / the throttle's maximum, ${sample} sign-ins`, value: fastest / throughput.admittedSpanMs, better: 'higher' }];
  return { lines, broken: broken([['capacity', capacity], ['throughput', throughput], ['Retry-After', retryAfter]]), ratios };
}

/** A bound on the collect process's peak RSS whatever the tenant's size. */
const MEMORY_BOUND_MIB = 1024;
/** How much more the larger run may take than the run a tenth its size: a bounded client takes about the same. */
const MEMORY_GROWTH_BOUND = 1.25;

async function memoryPhases(work: string, total: number): Promise<Outcome> {
  const small = await collectOnce(work, 'memory-tenth', Math.ceil(total / 10), 10, { limits: {} }, OPEN);
  const large = await collectOnce(work, 'memory', total, 10, { limits: {} }, OPEN);
  const growth = large.measurement.peakRssMiB / small.measurement.peakRssMiB;
  const lines = [
    describe('memory, a tenth, no throttle', small),
    describe('memory, no throttle', large),
    `  peak RSS ${number(large.measurement.peakRssMiB)} MiB for ${number(large.served)} sign-ins, ${number(small.measurement.peakRssMiB)} MiB for ${number(small.served)}: ${growth.toFixed(2)}x for 10x the sign-ins (target <= ${MEMORY_GROWTH_BOUND}x, both < ${number(MEMORY_BOUND_MIB)} MiB)`,
  ];
  const ratios: BenchRatio[] = [{ name: `collect peak RSS growth for 10x the sign-ins, ${total} sign-ins`, value: growth, better: 'lower' }];
  return { lines, broken: broken([['memory, a tenth', small], ['memory', large]]), ratios };
}

export async function run(args: string[]): Promise<void> {
  const total = option(args, '--sign-ins', 200_000);
  const sample = option(args, '--throughput-sign-ins', 100_000);
  const phases = only(args);
  // The built CLI, as a user runs it: from source, tsx's transpiler would add its own memory to every peak RSS.
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: run "npm run build" first (the benchmark measures the built CLI)');
  const work = mkdtempSync(join(tmpdir(), 'unattended-bench-collect-'));
  try {
    process.stdout.write('tenant: generated sign-ins of four kinds, made a page at a time by the server\n');
    const failed: string[] = [];
    const ratios: BenchRatio[] = [];
    const report = (outcome: Outcome): void => {
      process.stdout.write(`${outcome.lines.join('\n')}\n`);
      failed.push(...outcome.broken);
      ratios.push(...outcome.ratios);
    };
    if (phases !== 'memory') report(await throughputPhases(work, sample));
    if (phases !== 'throughput') report(await memoryPhases(work, total));
    reportRatios(ratios);
    if (failed.length > 0) {
      process.stdout.write(`FAILED: ${failed.join('; ')}\n`);
      process.exitCode = 1;
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
