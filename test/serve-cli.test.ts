import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { generateDemo, type DemoOutput } from '../src/sources/demo/index.js';
import { importPaths } from '../src/sources/import/index.js';
import { openStore } from '../src/store/store.js';
import { REPO_ROOT, runCli } from './helpers/cli-process.js';

const TSX = pathToFileURL(resolve(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const RUN_CLI = resolve(REPO_ROOT, 'test', 'fixtures', 'import', 'run-cli.ts');
const work = mkdtempSync(join(tmpdir(), 'unattended-serve-cli-'));
const db = join(work, 'demo.duckdb');
let demo: DemoOutput;

function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const target = new URL(url);
  return new Promise((done, fail) => {
    const req = httpRequest({ host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, headers: { host: target.host, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', fail);
    req.end();
  });
}

/** `unattended serve` from source, until it prints its address. */
function serve(args: readonly string[]): Promise<{ child: ChildProcess; url: string; lines: string[]; exit: Promise<number | null> }> {
  const child = spawn(process.execPath, ['--import', TSX, RUN_CLI, 'serve', ...args], { cwd: work, env: { ...process.env, CI: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exit = new Promise<number | null>((done) => child.on('close', done));
  return new Promise((done, fail) => {
    let stdout = '';
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const lines = stdout.split('\n');
      if (lines.length >= 3) done({ child, url: (lines[0] ?? '').replace(/^dashboard: /u, ''), lines, exit });
    });
    void exit.then((code) => fail(new Error(`serve exited ${code} before printing its address: ${stderr}`)));
  });
}

beforeAll(async () => {
  demo = await generateDemo({ outDir: join(work, 'demo'), signIns: 0 });
  const store = await openStore(db);
  await importPaths(store, [demo.dataDir]);
  store.close();
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('unattended serve (CLI)', () => {
  it('prints a 127.0.0.1 URL with a token of this run, serves the analysis analyze gives, refuses strangers, and stops on SIGINT', async () => {
    const analyzed = await runCli(['analyze', '--db', db, '--policy', demo.configPath, '--format', 'json']);
    const identities = z.object({ identities: z.array(z.object({ id: z.string() })) }).parse(JSON.parse(analyzed.stdout)).identities;
    const first = await serve(['--db', db, '--policy', demo.configPath]);
    const second = await serve(['--db', db, '--policy', demo.configPath]);
    try {
      expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/u);
      expect(first.lines[1]).toBe(`serving ${identities.length} identities from ${db}, read-only, on 127.0.0.1 only; the link's token is this run's: share it with no one. Ctrl+C stops.`);
      // A token per run.
      expect(new URL(second.url).searchParams.get('token')).not.toBe(new URL(first.url).searchParams.get('token'));
      const token = new URL(first.url).searchParams.get('token') ?? '';
      const api = new URL('/api/identities?limit=500', first.url).href;
      expect((await get(first.url)).status).toBe(200);
      expect((await get(api)).status).toBe(401);
      expect((await get(api, { 'x-unattended-token': new URL(second.url).searchParams.get('token') ?? '' })).status).toBe(401);
      expect((await get(api, { 'x-unattended-token': token, host: `rebound.example:${new URL(first.url).port}` })).status).toBe(403);
      const page = z.object({ total: z.number(), rows: z.array(z.object({ id: z.string() })) }).parse(JSON.parse((await get(api, { 'x-unattended-token': token })).body));
      expect(page.total).toBe(identities.length);
      expect(page.rows.map((row) => row.id)).toEqual(identities.slice(0, 500).map((identity) => identity.id));
    } finally {
      first.child.kill('SIGINT');
      second.child.kill('SIGINT');
    }
    expect(await first.exit).toBe(0);
    expect(await second.exit).toBe(0);
  });

  it('exits 2 with one line for a port it cannot take', async () => {
    const result = await runCli(['serve', '--db', db, '--port', '70000']);
    expect([result.status, result.stderr]).toEqual([2, 'unattended: --port takes 0 to 65535 (see unattended serve --help)\n']);
  });
});
