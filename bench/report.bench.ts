/**
 * `npm run bench -- report [--identities 100000] [--runs 3] [--browser-only]`: the report at scale, on a synthetic store built as the
 * analyze benchmark builds its stores (bench/analyze-data.ts), sized to that many identities.
 * - `unattended report` beside `unattended analyze --format json` (the baseline: the same analysis, printed), in the
 *   same run, alternating, each in its own process: wall time, CPU and peak RSS, and their ratios.
 * - report.html's size (target < 25 MB).
 * - In Debian's Chromium: the first render (navigation to the page drawn, target < 2 s) beside the same file with
 *   a script that draws nothing (what reading those bytes costs the browser); scrolling the identity table and
 *   searching, filtering and sorting it (the table drawn and the next frame begun, target < 100 ms) beside a frame in
 *   which one text changes (what a frame costs the browser).
 */
import { reportRatios, type BenchRatio } from './ratios.js';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { z } from 'zod';
import { ensureBenchStore, type BenchTenant } from './analyze-data.js';
import { formatMeasurement, measureCommand, type Measurement } from './measure.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const TARGET_FILE_MB = 25;
const TARGET_FIRST_RENDER_MS = 2_000;
const TARGET_INTERACTION_MS = 100;
const PAGE_LOADS = 3;

function flag(args: readonly string[], name: string, fallback: number): number {
  const at = args.indexOf(name);
  const value = at >= 0 ? Number.parseInt(args[at + 1] ?? '', 10) : fallback;
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${name} takes a positive integer`);
  return value;
}

/** People 95%, one in fifty of them service accounts, service principals 5%; 100 sign-ins an identity. */
export function tenantOf(identities: number): BenchTenant {
  const users = Math.round(identities * 0.95);
  return { signIns: identities * 100, users, serviceAccounts: Math.round(users / 50), servicePrincipals: identities - users };
}

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

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function verdict(value: number, target: number): string {
  return value < target ? 'OK' : 'OVER';
}

const numbers = z.array(z.number());

/** The page's marks on the way to drawn (web/src/main.ts): data read, views built, charts drawn, table drawn. */
const MARKS = ['unattended-data', 'unattended-views', 'unattended-charts', 'unattended-ready'] as const;
const marksSchema = z.array(z.tuple([z.string(), z.number()]));

/**
 * Navigation to the page drawn (the mark its script sets once every view is there), in ms, best of PAGE_LOADS, with
 * that load's steps.
 */
async function firstRender(browser: Browser, file: string): Promise<{ ms: number; steps: string }> {
  let best: { ms: number; steps: string } | null = null;
  for (let load = 0; load < PAGE_LOADS; load += 1) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('#app[data-ready=true]', { timeout: 120_000 });
    const marks = new Map(marksSchema.parse(await page.evaluate("performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])")));
    const ms = marks.get('unattended-ready') ?? Number.NaN;
    const steps = MARKS.filter((name) => marks.has(name)).map((name) => `${name.replace('unattended-', '')} ${(marks.get(name) ?? 0).toFixed(0)}`).join(', ');
    if (best === null || ms < best.ms) best = { ms, steps };
    await page.close();
  }
  if (best === null) throw new Error('no page load');
  return best;
}

/** The machine's load: the benchmark shares it, and a loaded machine stretches every browser timing. */
function loadAverage(): string {
  return loadavg().map((value) => value.toFixed(1)).join(' ');
}

/** The page's own timings, in ms, of each step: the table drawn (its event) and the next frame begun. */
const INTERACTIONS = String.raw`(async () => {
  const grid = document.getElementById('identity-grid');
  const viewport = grid.querySelector('.grid-viewport');
  const frame = () => new Promise((done) => requestAnimationFrame(() => done()));
  const timed = async (act) => {
    const drawn = new Promise((done) => grid.addEventListener('identities-rendered', done, { once: true }));
    const start = performance.now();
    act();
    await drawn;
    await frame();
    return performance.now() - start;
  };
  const scroll = [];
  const height = viewport.scrollHeight;
  for (let step = 1; step <= 20; step += 1) scroll.push(await timed(() => { viewport.scrollTop = Math.floor(((step * 7919) % 20) / 20 * (height - 1000)); }));
  const input = document.getElementById('identity-filter');
  const type = (text) => () => { input.value = text; input.dispatchEvent(new Event('input', { bubbles: true })); };
  const choose = (id, value) => () => { const box = document.getElementById(id); box.value = value; box.dispatchEvent(new Event('change', { bubbles: true })); };
  const search = [];
  for (const text of ['user12', 'user1234@', 'svc', '00000000-0000-4000-8000-0000000500', 'no such identity', '']) search.push(await timed(type(text)));
  search.push(await timed(choose('class-filter', 'human')));
  search.push(await timed(choose('verdict-filter', 'breaks')));
  search.push(await timed(choose('class-filter', '')));
  search.push(await timed(choose('verdict-filter', '')));
  const sort = [];
  for (const key of ['name', 'name', 'confidence', 'breaksOn']) sort.push(await timed(() => grid.querySelector('[data-sort="' + key + '"] button').click()));
  const span = document.createElement('span');
  document.body.append(span);
  const baseline = [];
  for (let step = 0; step < 20; step += 1) {
    const start = performance.now();
    span.textContent = String(step);
    await frame();
    baseline.push(performance.now() - start);
  }
  return { scroll, search, sort, baseline };
})()`;

export async function run(args: string[]): Promise<void> {
  const cli = join(root, 'bin', 'unattended.js');
  if (!existsSync(join(root, 'dist', 'web', 'app.js'))) throw new Error('dist/ is missing: run "npm run build" first (the benchmark measures the built CLI)');
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing (apt-get install -y chromium)`);
  const identities = flag(args, '--identities', 100_000);
  const runs = flag(args, '--runs', 3);
  const dir = join(root, '.bench');
  mkdirSync(dir, { recursive: true });
  const tenant = tenantOf(identities);
  const db = join(dir, `report-${identities}.duckdb`);
  const started = Date.now();
  await ensureBenchStore(db, tenant);
  process.stderr.write(`store ${db}: ${identities.toLocaleString('en-US')} identities (${tenant.users} users, ${tenant.serviceAccounts} service accounts, ${tenant.servicePrincipals} service principals), ${tenant.signIns.toLocaleString('en-US')} sign-ins (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  const out = join(dir, `report-${identities}-out`);
  const label = identities.toLocaleString('en-US');
  const html = join(out, 'report.html');
  const lines: string[] = [];
  const ratios: BenchRatio[] = [];
  // --browser-only: the browser part again on the last run's report (after a front-end change, or on a quieter machine).
  if (args.includes('--browser-only')) {
    if (!existsSync(html)) throw new Error(`--browser-only needs ${html}: run the benchmark once without it`);
    lines.push(`(browser only: the report of an earlier run, front end as written then)`);
  } else {
    const analyses: Measurement[] = [];
    const reports: Measurement[] = [];
    for (let round = 0; round < runs; round += 1) {
      analyses.push(await checked(measureCommand(`analyze --format json, ${label} identities`, process.execPath, [cli, 'analyze', '--db', db, '--format', 'json', '--no-snapshot'])));
      reports.push(await checked(measureCommand(`report, ${label} identities`, process.execPath, [cli, 'report', '--db', db, '--out', out])));
    }
    const analyze = best(analyses, (m) => m.wallSeconds);
    const report = best(reports, (m) => m.wallSeconds);
    ratios.push({ name: `report / analyze, wall, ${identities} identities`, value: report.wallSeconds / analyze.wallSeconds, better: 'lower' });
    lines.push(
      formatMeasurement(analyze),
      formatMeasurement(report),
      `ratio report / analyze: ${(report.wallSeconds / analyze.wallSeconds).toFixed(2)}× wall, ${(best(reports, (m) => m.cpuSeconds).cpuSeconds / best(analyses, (m) => m.cpuSeconds).cpuSeconds).toFixed(2)}× CPU, ${(best(reports, (m) => m.peakRssMiB).peakRssMiB / best(analyses, (m) => m.peakRssMiB).peakRssMiB).toFixed(2)}× peak RSS`,
    );
  }
  const megabytes = statSync(html).size / 1e6;
  lines.push(`report.html: ${megabytes.toFixed(1)} MB (target < ${TARGET_FILE_MB} MB) ${verdict(megabytes, TARGET_FILE_MB)}`);
  process.stderr.write(`${lines.join('\n')}\n`);

  // The same bytes with a script that only marks the page drawn: what the browser needs to read them.
  const page = readFileSync(html, 'utf8');
  const scriptAt = page.indexOf('<script>');
  const baselineHtml = join(out, 'baseline.html');
  writeFileSync(
    baselineHtml,
    `${page.slice(0, scriptAt).replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/u, '')}<script>performance.mark('unattended-ready');document.getElementById('app').dataset.ready='true'</script>${page.slice(page.indexOf('</script>', scriptAt) + '</script>'.length)}`,
  );
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const loadBefore = loadAverage();
    const baselineRender = (await firstRender(browser, baselineHtml)).ms;
    const { ms: render, steps } = await firstRender(browser, html);
    const tab = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await tab.goto(pathToFileURL(html).href);
    await tab.waitForSelector('#app[data-ready=true]', { timeout: 120_000 });
    const timings = z.object({ scroll: numbers, search: numbers, sort: numbers, baseline: numbers }).parse(await tab.evaluate(INTERACTIONS));
    const frame = median(timings.baseline);
    ratios.push({ name: `first render / the same bytes drawing nothing, ${identities} identities`, value: render / baselineRender, better: 'lower' });
    const worst = (values: readonly number[]): number => Math.max(...values);
    lines.push(
      `machine load average (1, 5, 15 min) before the browser runs: ${loadBefore}; after: ${loadAverage()} (${availableParallelism()} cores)`,
      `first render in Chromium: ${render.toFixed(0)} ms (target < ${TARGET_FIRST_RENDER_MS} ms) ${verdict(render, TARGET_FIRST_RENDER_MS)}; the same bytes drawing nothing: ${baselineRender.toFixed(0)} ms; ratio ${(render / baselineRender).toFixed(2)}×`,
      `  its steps, ms from navigation: ${steps}`,
      `a frame changing one text: median ${frame.toFixed(1)} ms`,
      ...(
        [['scroll (20 jumps)', timings.scroll], ['search and filter (10 steps)', timings.search], ['sort (4 clicks)', timings.sort]] as const
      ).map(([what, values]) => `${what}: median ${median(values).toFixed(1)} ms, worst ${worst(values).toFixed(1)} ms (target < ${TARGET_INTERACTION_MS} ms) ${verdict(worst(values), TARGET_INTERACTION_MS)}; median ${(median(values) / frame).toFixed(2)}× a frame`),
    );
  } finally {
    await browser.close();
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  reportRatios(ratios);
}
