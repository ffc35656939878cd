import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../helpers/cli-process.js';

const RUN_CLI = resolve(REPO_ROOT, 'test', 'fixtures', 'import', 'run-cli.ts');
const TSX = pathToFileURL(resolve(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

export interface RunningServe {
  child: ChildProcess;
  url: URL;
  token: string;
  /** Stops it with SIGINT and resolves with its exit code. */
  stop(): Promise<number | null>;
}

/**
 * `unattended serve` from source, once it prints its address; rejects with its stderr when it exits first (a store
 * it cannot open, a bad flag).
 */
export function startServe(args: readonly string[]): Promise<RunningServe> {
  const child = spawn(process.execPath, ['--import', TSX, RUN_CLI, 'serve', ...args], { cwd: REPO_ROOT, env: { ...process.env, CI: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exit = new Promise<number | null>((done) => child.on('close', done));
  return new Promise((done, fail) => {
    let stdout = '';
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const first = /^dashboard: (?<url>\S+)\n/u.exec(stdout)?.groups?.['url'];
      if (first === undefined) return;
      const url = new URL(first);
      done({
        child,
        url,
        token: url.searchParams.get('token') ?? '',
        stop: () => {
          child.kill('SIGINT');
          return exit;
        },
      });
    });
    void exit.then((code) => fail(new ServeExited(code, stderr)));
  });
}

export class ServeExited extends Error {
  constructor(
    readonly status: number | null,
    readonly stderr: string,
  ) {
    super(`serve exited ${status}: ${stderr}`);
  }
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request to 127.0.0.1, so that the method, Host and Origin are exactly what the test says. */
export function send(port: number, path: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  return new Promise((done, fail) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...options.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', fail);
    req.end();
  });
}
