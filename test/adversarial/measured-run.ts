import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as z from 'zod';

const ROOT = resolve(import.meta.dirname, '..', '..');
const TSX = pathToFileURL(resolve(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const MEASURED_CLI = resolve(import.meta.dirname, 'measured-cli.ts');
const measureSchema = z.object({ maxRssMiB: z.number(), seconds: z.number() });

export interface MeasuredRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** The CLI process's peak resident memory and its time from start to exit (after module loading). */
  maxRssMiB: number;
  seconds: number;
}

/** One CLI run from source in a child process, with the child's own peak memory and time. */
export function measuredCli(args: readonly string[], options: { cwd?: string; stdin?: string } = {}): Promise<MeasuredRun> {
  const dir = mkdtempSync(join(tmpdir(), 'unattended-measure-'));
  const measureFile = join(dir, 'measure.json');
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', TSX, MEASURED_CLI, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, CI: '1', UNATTENDED_MEASURE_FILE: measureFile },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child.stdin.end(options.stdin ?? '');
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', fail);
    child.on('close', (status) => {
      try {
        const measured = measureSchema.parse(JSON.parse(readFileSync(measureFile, 'utf8')));
        done({ status, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8'), ...measured });
      } catch (error) {
        fail(new Error(`the CLI exited ${status} without measuring itself: ${Buffer.concat(stderr).toString('utf8')}`, { cause: error }));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
