/**
 * `npm run bench -- --quick [--record]`: every benchmark at a small size, each in a process of its own, in a couple of
 * minutes. Each hands on its ratios (bench/ratios.ts); they are compared with bench/results/quick.json, the committed
 * run, and the command fails only when a ratio is more than REGRESSION times worse than committed: never on an
 * absolute time, and not on the noise of a small run on a shared machine. `--record` writes the file instead.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { RATIOS_FILE_ENV, type BenchRatio } from './ratios.js';

const ROOT = resolve(import.meta.dirname, '..');
const COMMITTED = join(ROOT, 'bench', 'results', 'quick.json');
/** How much worse than committed a ratio may get before the quick run fails. */
export const REGRESSION = 2;

/** Each benchmark's small size: large enough that start-up does not make the whole of its time. */
export const QUICK_RUNS: Readonly<Record<string, readonly string[]>> = {
  analyze: ['--sizes', '100000', '--runs', '2'],
  // ripgrep must take long enough (tenths of a second) that its time is not noise.
  scan: ['--files', '10000', '--mb', '200'],
  import: ['--records', '50000', '--per-file', '10000', '--rounds', '2'],
  e2e: ['--sign-ins', '30000', '--rounds', '1'],
  'what-if': ['--sizes', '100000', '--runs', '2'],
  report: ['--identities', '2000', '--runs', '1'],
  collect: ['--sign-ins', '20000', '--throughput-sign-ins', '5000'],
};

const ratioSchema = z.object({ name: z.string(), value: z.number(), better: z.enum(['lower', 'higher']) });
const committedSchema = z.object({ recorded: z.string(), ratios: z.array(ratioSchema) });

/** How many times worse `now` is than `then` (below 1: better). */
export function worsening(now: BenchRatio, then: BenchRatio): number {
  return now.better === 'lower' ? now.value / then.value : then.value / now.value;
}

function runOne(name: string, args: readonly string[]): { ratios: BenchRatio[]; seconds: number; exit: number } {
  const dir = mkdtempSync(join(tmpdir(), 'unattended-quick-'));
  const file = join(dir, 'ratios.jsonl');
  const started = Date.now();
  try {
    const child = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'run.ts'), name, ...args], {
      cwd: ROOT,
      env: { ...process.env, [RATIOS_FILE_ENV]: file },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
    const ratios = text.split('\n').filter((line) => line !== '').map((line) => ratioSchema.parse(JSON.parse(line)));
    return { ratios, seconds: (Date.now() - started) / 1000, exit: child.status ?? 1 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function runQuick(args: readonly string[]): number {
  const record = args.includes('--record');
  const measured: BenchRatio[] = [];
  const failures: string[] = [];
  for (const [name, benchArgs] of Object.entries(QUICK_RUNS)) {
    process.stderr.write(`\n=== quick ${name} ${benchArgs.join(' ')}\n`);
    const { ratios, seconds, exit } = runOne(name, benchArgs);
    process.stderr.write(`=== ${name}: ${ratios.length} ratio(s) in ${seconds.toFixed(0)} s, exit ${exit}\n`);
    if (exit !== 0) failures.push(`${name} exited ${exit}`);
    if (ratios.length === 0) failures.push(`${name} reported no ratio`);
    measured.push(...ratios);
  }
  if (record) {
    writeFileSync(COMMITTED, `${JSON.stringify({ recorded: new Date().toISOString(), ratios: measured }, null, 2)}\n`);
    process.stdout.write(`recorded ${measured.length} ratios in ${COMMITTED}\n`);
    return failures.length === 0 ? 0 : 1;
  }
  const committed = existsSync(COMMITTED) ? committedSchema.parse(JSON.parse(readFileSync(COMMITTED, 'utf8'))) : null;
  if (committed === null) failures.push(`no committed results at ${COMMITTED}: run npm run bench -- --quick --record`);
  const lines: string[] = [];
  for (const ratio of measured) {
    const then = committed?.ratios.find((entry) => entry.name === ratio.name);
    if (!then) {
      lines.push(`${ratio.name}: ${ratio.value.toFixed(2)} (nothing committed to compare with)`);
      continue;
    }
    const worse = worsening(ratio, then);
    const regressed = worse > REGRESSION;
    lines.push(`${ratio.name}: ${ratio.value.toFixed(2)}, committed ${then.value.toFixed(2)} (${worse.toFixed(2)}× ${worse >= 1 ? 'worse' : 'better'}; fails above ${REGRESSION}×) ${regressed ? 'REGRESSED' : 'ok'}`);
    if (regressed) failures.push(`${ratio.name} regressed ${worse.toFixed(2)}×`);
  }
  for (const then of committed?.ratios ?? []) if (!measured.some((ratio) => ratio.name === then.name)) failures.push(`${then.name} was not measured`);
  process.stdout.write(`${lines.join('\n')}\n${failures.length === 0 ? 'quick benchmarks: no ratio regressed' : `quick benchmarks FAILED: ${failures.join('; ')}`}\n`);
  return failures.length === 0 ? 0 : 1;
}
