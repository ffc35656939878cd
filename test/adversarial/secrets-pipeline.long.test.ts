import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect } from 'vitest';
import { openStore } from '../../src/store/store.js';
import { runCli } from '../helpers/cli-process.js';
import { adversarialSuite } from './record-results.js';

/**
 * The repository of planted secrets (test/fixtures/scan/planted-secrets) through every command that touches code or
 * its findings, with sign-ins of the accounts it logs in as so there is something to analyse, plan and serve: scan,
 * analyze, report, plan (JSON and `--emit patch`, whose diff context is the secrets' own lines), serve (its API) and
 * probe. No output, written file, log line, error or store column may hold a planted value.
 * Long: `npm run test:adversarial`.
 */
const ROOT = resolve(import.meta.dirname, '..', '..');
const REPO = resolve(ROOT, 'test', 'fixtures', 'scan', 'planted-secrets');
const TSX = pathToFileURL(resolve(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const RUN_CLI = resolve(ROOT, 'test', 'fixtures', 'import', 'run-cli.ts');
const work = mkdtempSync(join(tmpdir(), 'unattended-adversarial-secrets-'));
const db = join(work, 'store.duckdb');
const suite = adversarialSuite('secrets (planted repository, every command)', 'secrets-long.json');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true }).filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** Every planted value, read from the fixture so a new plant is covered without editing this test. */
const PLANTED = [...new Set(filesUnder(REPO).flatMap((path) => [...readFileSync(path, 'utf8').matchAll(/PLANTED-[A-Za-z0-9-]+/gu)].map((match) => match[0])))].sort();

function leaks(text: string): string[] {
  return text.includes('PLANTED-') ? PLANTED.filter((value) => text.includes(value)).concat(text.includes('PLANTED-') ? ['PLANTED-'] : []) : [];
}

const outputs = new Map<string, string>();
function keep(name: string, run: { status: number | null; stdout: string; stderr: string }, status = 0): void {
  expect(run.status, `${name}: ${run.stderr}`).toBe(status);
  outputs.set(`${name} stdout`, run.stdout);
  outputs.set(`${name} stderr`, run.stderr);
}
function keepFiles(name: string, dir: string): number {
  const files = filesUnder(dir);
  for (const path of files) outputs.set(`${name} ${path.slice(dir.length)}`, readFileSync(path, 'latin1'));
  return files.length;
}

function get(url: URL, token: string): Promise<string> {
  return new Promise((done, fail) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, headers: { host: url.host, 'x-unattended-token': token } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => (res.statusCode === 200 ? done(Buffer.concat(chunks).toString('utf8')) : fail(new Error(`${url.pathname}: ${res.statusCode}`))));
    });
    req.on('error', fail);
    req.end();
  });
}

let patchFiles = 0;
beforeAll(async () => {
  // Sign-ins of the planted scripts' accounts: the fixture's first sign-in, as each of them.
  const template = readFileSync(resolve(ROOT, 'test', 'fixtures', 'import', 'equivalence', 'diagnostic.jsonl'), 'utf8').split('\n')[0] ?? '';
  const accounts = ['svc-runbook@contoso.com', 'svc-deploy@contoso.com', 'svc-rest@contoso.com', 'svc-gh-run@contoso.com', 'svc-ado-run@contoso.com'];
  writeFileSync(join(work, 'sign-ins.jsonl'), accounts.map((upn, index) => template.replaceAll(/SVC-Deploy@Contoso\.onmicrosoft\.com/giu, upn).replaceAll(/"id": "a1b2c3d4-[^"]+"/giu, `"id": "a1b2c3d4-0000-4000-8000-00000000010${index}"`).replaceAll(/"userId": "[^"]+"/gu, `"userId": "5a1c8e7b-0000-4000-8000-00000000010${index}"`)).join('\n'));
  keep('import', await runCli(['import', join(work, 'sign-ins.jsonl'), '--db', db]));
  keep('scan', await runCli(['scan', REPO, '--db', db]));
  keep('scan json', await runCli(['scan', REPO, '--format', 'json']));
  keep('scan sarif', await runCli(['scan', REPO, '--format', 'sarif']));
  keep('analyze', await runCli(['analyze', '--db', db, '--format', 'json']));
  keep('report', await runCli(['report', '--db', db, '--out', join(work, 'report')]));
  keepFiles('report', join(work, 'report'));
  keep('plan all', await runCli(['plan', '--all', '--format', 'json', '--db', db]));
  keep('plan patch', await runCli(['plan', 'svc-runbook@contoso.com', '--emit', 'patch', '--out', join(work, 'patches'), '--db', db]));
  patchFiles = keepFiles('plan patch', join(work, 'patches'));
  keep('probe', await runCli(['probe', '--token-file', join(REPO, 'scripts', 'runbook.ps1')]), 2);
}, 900_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

suite.case({ input: 'secrets: planted repository', fault: 'passwords, client secrets, PATs, connection strings, PEM, JWTs', result: 'at least 15 distinct values planted', cases: 1 }, () => {
  expect(PLANTED.length).toBeGreaterThanOrEqual(15);
});

suite.case({ input: 'secrets: scan (table, JSON, SARIF), import, analyze JSON, plan JSON and --emit', fault: 'the planted values', result: 'in no stdout or stderr', cases: 1 }, () => {
  expect(JSON.parse(outputs.get('analyze stdout') ?? '')).toMatchObject({ schemaVersion: 1 });
  expect([...outputs].filter(([name, text]) => /(?:stdout|stderr)$/u.test(name) && leaks(text).length > 0).map(([name]) => name)).toEqual([]);
});

suite.case({ input: 'secrets: report files', fault: 'the planted values', result: 'in no written file', cases: 1 }, () => {
  expect([...outputs.keys()].filter((name) => name.startsWith('report /')).length).toBeGreaterThanOrEqual(3);
  expect([...outputs].filter(([name, text]) => name.startsWith('report /') && leaks(text).length > 0).map(([name]) => name)).toEqual([]);
});

suite.case(
  {
    input: 'secrets: plan --emit patch',
    fault: 'the planted values on the lines around the login (diff context)',
    result: 'in no patch file: left out of the context, or a placeholder git apply refuses, with a file:line note',
    cases: 1,
  },
  () => {
    expect(patchFiles).toBeGreaterThan(0);
    expect([...outputs].filter(([name, text]) => name.startsWith('plan patch /') && leaks(text).length > 0).map(([name]) => name)).toEqual([]);
    // nightly-export.ps1 has a clean line each side of its login: its patch leaves the planted lines out and applies.
    // The runbook's login sits between two planted lines: the one after it is the context git needs, so its patch says
    // it will not apply (and why) rather than carry the secret or apply without it.
    const stderr = outputs.get('plan patch stderr') ?? '';
    expect(stderr).toContain('unattended: scripts/nightly-export.ps1:6 holds a secret literal (connection-string): left out of the diff');
    expect(stderr).toContain('unattended: scripts/nightly-export.ps1:11 holds a secret literal (personal-access-token): left out of the diff');
    expect(stderr).toContain('unattended: scripts/runbook.ps1:4 holds a secret literal (password) right after the change: withheld, so git apply refuses this patch');
    const copy = join(work, 'repo-copy');
    cpSync(REPO, copy, { recursive: true });
    const apply = (patch: string): number | null => spawnSync('git', ['apply', '--check', join(work, 'patches', 'patches', patch)], { cwd: copy }).status;
    expect([apply('1-nightly-export.ps1.patch'), apply('2-runbook.ps1.patch')]).toEqual([0, 1]);
  },
);

suite.case({ input: 'secrets: probe', fault: 'a file of scripts with planted values given as a token', result: 'exit 2 in one line quoting none of it', cases: 1 }, () => {
  expect(outputs.get('probe stderr')).toMatch(/^unattended: [^\n]+\n$/u);
  expect(leaks(`${outputs.get('probe stdout') ?? ''}${outputs.get('probe stderr') ?? ''}`)).toEqual([]);
});

suite.case({ input: 'secrets: serve', fault: 'the planted values', result: 'in no page of its API (overview, identities, each identity)', cases: 1 }, async () => {
  const child = spawn(process.execPath, ['--import', TSX, RUN_CLI, 'serve', '--db', db], { cwd: work, env: { ...process.env, CI: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exit = new Promise<number | null>((done) => child.on('close', done));
  try {
    const url = await new Promise<URL>((done, fail) => {
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString('utf8');
        const first = stdout.split('\n')[0] ?? '';
        if (stdout.includes('\n')) done(new URL(first.replace(/^dashboard: /u, '')));
      });
      void exit.then((code) => fail(new Error(`serve exited ${code}`)));
    });
    const token = url.searchParams.get('token') ?? '';
    const identities = await get(new URL('/api/identities?limit=500', url), token);
    const ids = [...identities.matchAll(/"id":"(?<id>[^"]+)"/gu)].map((match) => match.groups?.['id'] ?? '');
    expect(ids.length).toBeGreaterThanOrEqual(5);
    const pages = [await get(new URL('/api/overview', url), token), identities];
    for (const id of ids) pages.push(await get(new URL(`/api/identity?id=${encodeURIComponent(id)}`, url), token));
    expect(pages.filter((page) => leaks(page).length > 0)).toEqual([]);
  } finally {
    child.kill('SIGINT');
  }
  expect(await exit).toBe(0);
});

suite.case({ input: 'secrets: the store', fault: 'the planted values', result: 'in no column of any table (every table dumped)', cases: 1 }, async () => {
  const store = await openStore(db, { readOnly: true });
  try {
    const tables = await store.all<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'");
    let rows = 0;
    const leaking: string[] = [];
    for (const { table_name: table } of tables) {
      const dump = JSON.stringify(await store.all(`SELECT * FROM "${table}"`), (_key, value: unknown) => (typeof value === 'bigint' ? Number(value) : value));
      rows += dump.length;
      if (leaks(dump).length > 0) leaking.push(table);
    }
    expect(tables.length).toBeGreaterThan(10);
    expect(rows).toBeGreaterThan(1000);
    expect(leaking).toEqual([]);
  } finally {
    store.close();
  }
});

suite.recordResults();
