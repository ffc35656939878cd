import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../helpers/cli-process.js';

const RUN_CLI = resolve(REPO_ROOT, 'test', 'fixtures', 'import', 'run-cli.ts');
const TSX = pathToFileURL(resolve(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

export interface KilledRun {
  /** Whether SIGKILL ended it; false when it finished first (a kill point past the end of this run). */
  killed: boolean;
  status: number | null;
}

/**
 * Run the CLI from source and SIGKILL it when `due` resolves: after a time, or when a fake server has answered so
 * many requests. Asynchronous: a synchronous spawn would block the test worker, and vitest's RPC time out.
 */
export async function runUntilKilled(args: readonly string[], due: (started: number) => Promise<void>): Promise<KilledRun> {
  const child = spawn(process.execPath, ['--import', TSX, RUN_CLI, ...args], { cwd: REPO_ROOT, stdio: 'ignore', env: { ...process.env, CI: '1' } });
  // Listen before killing: a child that already finished has already closed.
  let finished = false;
  const closed = new Promise<{ status: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('close', (status, signal) => {
      finished = true;
      done({ status, signal });
    }),
  );
  await Promise.race([due(Date.now()), closed]);
  if (!finished) child.kill('SIGKILL');
  const end = await closed;
  return { killed: end.signal === 'SIGKILL', status: end.status };
}

/** Resolves once `path` exists (polled every 10 ms), or after `limitMs`. */
export async function appears(path: string, limitMs = 300_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!existsSync(path) && Date.now() < deadline) await new Promise((done) => setTimeout(done, 10));
}

/** `milliseconds` after `path` appears: time into a command's work, not into Node's start (which a loaded machine stretches). */
export function afterAppearing(path: string, milliseconds: number): () => Promise<void> {
  return async () => {
    await appears(path);
    await new Promise((done) => setTimeout(done, milliseconds));
  };
}

export function after(milliseconds: number): (started: number) => Promise<void> {
  return (started) => new Promise((done) => setTimeout(done, Math.max(0, started + milliseconds - Date.now())));
}

/** Resolves once `reached()` holds (polled every 10 ms), or after `limitMs`. */
export function when(reached: () => boolean, limitMs = 300_000): () => Promise<void> {
  return async () => {
    const deadline = Date.now() + limitMs;
    while (!reached() && Date.now() < deadline) await new Promise((done) => setTimeout(done, 10));
  };
}
