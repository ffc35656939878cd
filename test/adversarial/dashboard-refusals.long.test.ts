import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPaths } from '../../src/sources/import/index.js';
import { openStore } from '../../src/store/store.js';
import { recordResults, type ResultRow } from '../crash-safety/results.js';
import { send, startServe, type Answer, type RunningServe } from '../crash-safety/serve-process.js';
import { REPO_ROOT } from '../helpers/cli-process.js';

/**
 * The dashboard a running `unattended serve` shows, asked by a stranger: every request without this run's token, from
 * another Host (DNS rebinding) or Origin (CSRF), or with a method that could write is refused with its exact status,
 * under the same strict CSP as the page, and the answer holds nothing but the reason.
 */
const FIXTURES = resolve(REPO_ROOT, 'test', 'fixtures', 'import');
const PATHS = ['/', '/api/overview', '/api/identities?limit=500', '/api/identity?id=00000000-0000-0000-0000-000000000001'];
const work = mkdtempSync(join(tmpdir(), 'unattended-adversarial-dashboard-'));
const rows: ResultRow[] = [];
let serve: RunningServe;
let port: number;
let pageCsp: string;

beforeAll(async () => {
  const exports = join(work, 'exports');
  mkdirSync(exports, { recursive: true });
  writeFileSync(join(exports, 'signins.jsonl'), readFileSync(join(FIXTURES, 'equivalence', 'diagnostic.jsonl')));
  copyFileSync(join(FIXTURES, 'graph-json', 'users.json'), join(exports, 'users.json'));
  const db = join(work, 'served.duckdb');
  const store = await openStore(db);
  try {
    await importPaths(store, [exports]);
  } finally {
    store.close();
  }
  serve = await startServe(['--db', db]);
  port = Number(serve.url.port);
  const page = await send(port, `/?token=${serve.token}`);
  if (page.status !== 200) throw new Error(`the page answered ${page.status}`);
  pageCsp = String(page.headers['content-security-policy']);
});

afterAll(async () => {
  await serve?.stop();
  await recordResults(rows);
  rmSync(work, { recursive: true, force: true });
});

interface Probe {
  path: string;
  method?: string;
  headers: Record<string, string>;
}

/** What a refusal must be: the status, the reason alone as the body, the page's CSP, nothing cached. */
function refusalProblems(answer: Answer, status: number, reason: string, probe: Probe): string[] {
  const problems: string[] = [];
  const where = `${probe.method ?? 'GET'} ${probe.path} ${JSON.stringify(probe.headers)}`;
  if (answer.status !== status) problems.push(`${where}: ${answer.status}, not ${status}`);
  if (probe.method !== 'HEAD' && answer.body !== `${reason}\n`) problems.push(`${where}: body ${JSON.stringify(answer.body.slice(0, 80))}`);
  if (answer.headers['content-security-policy'] !== pageCsp) problems.push(`${where}: no CSP, or another one`);
  if (answer.headers['cache-control'] !== 'no-store') problems.push(`${where}: cacheable`);
  if (status === 405 && answer.headers['allow'] !== 'GET, HEAD') problems.push(`${where}: Allow ${String(answer.headers['allow'])}`);
  return problems;
}

async function refusals(input: string, fault: string, probes: readonly Probe[], status: number, reason: string): Promise<string[]> {
  const problems: string[] = [];
  let passed = 0;
  for (const probe of probes) {
    const answer = await send(port, probe.path, { method: probe.method ?? 'GET', headers: probe.headers });
    const found = refusalProblems(answer, status, reason, probe);
    if (found.length === 0) passed += 1;
    problems.push(...found);
  }
  rows.push({ input, fault, cases: probes.length, passed, result: passed === probes.length ? `every one refused ${status} "${reason}", under the page's CSP` : `${probes.length - passed} of ${probes.length} not refused as they should be` });
  return problems;
}

function everyPath(headers: (path: string) => Record<string, string>, method?: string): Probe[] {
  return PATHS.map((path) => ({ path, headers: headers(path), ...(method === undefined ? {} : { method }) }));
}

describe('unattended serve refuses strangers', () => {
  it('answers its own page and API with this run\'s token, under a strict CSP', async () => {
    for (const path of PATHS) expect([path, (await send(port, path, { headers: { 'x-unattended-token': serve.token } })).status]).toEqual([path, path.startsWith('/api/identity?') ? 404 : 200]);
    const directives = new Map(pageCsp.split(';').map((part) => part.trim().split(/\s+/u)).map(([name, ...values]) => [name ?? '', values.join(' ')]));
    expect(directives.get('default-src')).toBe("'none'");
    expect(directives.get('script-src')).toMatch(/^'sha256-[A-Za-z0-9+/]+=*'$/u);
    expect(directives.get('style-src')).toMatch(/^'sha256-[A-Za-z0-9+/]+=*'$/u);
    expect([directives.get('connect-src'), directives.get('frame-ancestors'), directives.get('base-uri'), directives.get('form-action')]).toEqual(["'self'", "'none'", "'none'", "'none'"]);
    expect(pageCsp).not.toMatch(/unsafe-inline|unsafe-eval|\*/u);
    rows.push({ input: 'dashboard (unattended serve): its page', fault: 'Content-Security-Policy header', cases: 1, passed: 1, result: "present on every answer: default-src 'none', script and style pinned by sha256, connect-src 'self', frame-ancestors/base-uri/form-action 'none', nothing unsafe" });
  });

  it('refuses no token, a wrong one, another run\'s, a prefix of it and one longer: 401', async () => {
    const wrong = ['', 'guess', 'x'.repeat(serve.token.length), serve.token.slice(0, -1), `${serve.token}A`];
    const probes = [
      ...everyPath(() => ({})),
      ...wrong.flatMap((token) => everyPath(() => ({ 'x-unattended-token': token }))),
      ...wrong.filter((token) => token !== '').map((token) => ({ path: `/?token=${encodeURIComponent(token)}`, headers: {} })),
    ];
    expect(await refusals('dashboard (unattended serve): requests without this run\'s token', `no token, and 5 wrong ones, on ${PATHS.length} paths`, probes, 401, 'missing or wrong token')).toEqual([]);
  });

  it('refuses a foreign Host (DNS rebinding), even with the token: 403', async () => {
    const hosts = ['attacker.example', `attacker.example:${port}`, `127.0.0.1:${port + 1}`, `localhost.attacker.example:${port}`, '127.0.0.1', `[::1]:${port}`, `0.0.0.0:${port}`];
    const probes = hosts.flatMap((host) => everyPath(() => ({ host, 'x-unattended-token': serve.token })));
    expect(await refusals('dashboard (unattended serve): requests naming another Host', `${hosts.length} foreign Host headers, with the token, on ${PATHS.length} paths`, probes, 403, 'unknown host')).toEqual([]);
  });

  it('refuses a foreign Origin or a cross-site fetch (CSRF), even with the token: 403', async () => {
    const origins = ['http://attacker.example', 'null', `http://127.0.0.1:${port}.attacker.example`, `https://127.0.0.1:${port}`, `http://127.0.0.1:${port + 1}`, 'file://'];
    const probes = [
      ...origins.flatMap((origin) => everyPath(() => ({ origin, 'x-unattended-token': serve.token }))),
      ...everyPath(() => ({ 'sec-fetch-site': 'cross-site', 'x-unattended-token': serve.token })),
    ];
    const problems = [
      ...(await refusals('dashboard (unattended serve): requests from another Origin', `${origins.length} foreign Origin headers, with the token, on ${PATHS.length} paths`, probes.slice(0, -PATHS.length), 403, 'foreign origin')),
      ...(await refusals('dashboard (unattended serve): cross-site fetches', `Sec-Fetch-Site: cross-site, with the token, on ${PATHS.length} paths`, probes.slice(-PATHS.length), 403, 'cross-site request')),
    ];
    expect(problems).toEqual([]);
  });

  it('refuses every method that could write, even with the token: 405 with Allow: GET, HEAD', async () => {
    const methods = ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE'];
    const probes = methods.flatMap((method) => everyPath(() => ({ 'x-unattended-token': serve.token }), method));
    expect(await refusals('dashboard (unattended serve): write methods', `${methods.join(', ')}, with the token, on ${PATHS.length} paths`, probes, 405, 'read-only: only GET and HEAD')).toEqual([]);
  });
});
