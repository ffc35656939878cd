import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadIdentityFeatures } from '../src/features/load-features.js';
import { TokenFileSource } from '../src/sources/collect/auth/token-file-source.js';
import { collectTenant } from '../src/sources/collect/collect-tenant.js';
import { openStore } from '../src/store/store.js';
import { runCli } from './helpers/cli-process.js';
import { emptyTenant, type JsonRecord } from './fake-azure/fake-tenant.js';
import { collectArgs, FAST_LIMITS, startFake } from './fake-azure/harness.js';
import { EXPECTED_SP, EXPECTED_USER, handWrittenAnswer, TENANT, USER, USERS_PAGE } from './kql/hand-computed-tenant.js';

/**
 * collect --from-log-analytics / --from-adx against the fake: the directory from Graph, the feature halves from the
 * workspace's answers (written by hand; the fake runs no KQL). The store then analyses to the hand-computed rows.
 */
const work = mkdtempSync(join(tmpdir(), 'unattended-pushdown-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const UNTIL = '2026-11-20T00:00:00.000Z';
const tenant = emptyTenant(TENANT, { users: USERS_PAGE.value });

const SIZE = { tables: [{ name: 'PrimaryResult', columns: [{ name: 'principals', type: 'long' }, { name: 'sign_ins', type: 'long' }], rows: [[2, 5]] }] };

function queryOf(body: JsonRecord): string {
  const query = body['query'] ?? body['csl'];
  return typeof query === 'string' ? query : '';
}

const answerSchema = z.object({ tables: z.array(z.object({ name: z.string(), columns: z.array(z.object({ name: z.string(), type: z.string() })), rows: z.array(z.array(z.unknown())) })) });

/** The hand-written answer, keeping only the rows of `pids`. */
function answerFor(pids: readonly string[]): unknown {
  const answer = answerSchema.parse(handWrittenAnswer());
  return { tables: answer.tables.map((table) => ({ ...table, rows: table.rows.filter((row) => pids.includes(String(row[0]))) })) };
}

function asAdx(answer: unknown): unknown {
  const [table] = answerSchema.parse(answer).tables;
  return { Tables: [{ TableName: 'Table_0', Columns: (table?.columns ?? []).map((column) => ({ ColumnName: column.name, ColumnType: column.type })), Rows: table?.rows ?? [] }] };
}

const analysisSchema = z.object({ identities: z.array(z.object({ id: z.string(), class: z.string(), verdict: z.string(), phase: z.string().nullable() })) });

describe('collect with the aggregation pushed down to Kusto', () => {
  it('--from-log-analytics: two queries (sizing, one shard), no sign-in read, and the store analyses to the hand-computed rows', async () => {
    const queries: string[] = [];
    const fake = await startFake(work, {
      tenant,
      logAnalytics: (workspace, body) => {
        queries.push(`${workspace}: ${queryOf(body).includes('summarize principals') ? 'sizing' : 'features'}`);
        return { status: 200, body: queryOf(body).includes('summarize principals') ? SIZE : handWrittenAnswer() };
      },
    });
    try {
      const db = join(work, 'log-analytics.duckdb');
      const run = await runCli(collectArgs(fake, db, '2026-10-21', '2026-11-20', ['--from-log-analytics', 'ws-0001']));
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/^kusto\.features +1 +1 +2$/mu);
      expect(queries).toEqual(['ws-0001: sizing', 'ws-0001: features']);
      // Graph's sign-ins only for the preflight's one-record probe of AuditLog.Read.All, the Activity log not at all
      // (directory audits are read from Graph still: AuditLogs is not one of the five tables).
      expect(fake.server.log.filter((entry) => entry.path.endsWith('auditLogs/signIns') || entry.path.includes('eventtypes')).map((entry) => entry.path)).toEqual(['/graph/beta/auditLogs/signIns']);
      const store = await openStore(db, { readOnly: true });
      try {
        expect(await loadIdentityFeatures(store, UNTIL)).toEqual([EXPECTED_USER, EXPECTED_SP]);
      } finally {
        store.close();
      }
      const analysis = await runCli(['analyze', '--db', db, '--format', 'json', '--phase1-date', '2025-03-15', '--phase2-date', '2026-12-15']);
      const verdicts = analysisSchema.parse(JSON.parse(analysis.stdout)).identities.map((identity) => [identity.id, identity.verdict, identity.phase]);
      // The service account's portal sign-in was refused for want of MFA, and none ever completed it: broken, phase 1.
      expect(verdicts).toEqual([[USER, 'broken', 'phase1'], [EXPECTED_SP.id, 'not-affected', null]]);
    } finally {
      await fake.close();
    }
  }, 120_000);

  it('--from-adx: the same rows from Azure Data Explorer\'s v1 answers', async () => {
    const fake = await startFake(work, { tenant, adx: (body) => ({ status: 200, body: asAdx(queryOf(body).includes('summarize principals') ? SIZE : handWrittenAnswer()) }) });
    try {
      const db = join(work, 'adx.duckdb');
      const run = await runCli(collectArgs(fake, db, '2026-10-21', '2026-11-20', ['--from-adx', `${fake.url}/adx/SecurityLogs`]));
      expect(run.status, run.stderr).toBe(0);
      const store = await openStore(db, { readOnly: true });
      try {
        expect(await loadIdentityFeatures(store, UNTIL)).toEqual([EXPECTED_USER, EXPECTED_SP]);
      } finally {
        store.close();
      }
    } finally {
      await fake.close();
    }
  }, 120_000);

  it('splits a shard whose answer is too large in two by hash, and stores both halves', async () => {
    const shards: string[] = [];
    const fake = await startFake(work, {
      tenant,
      logAnalytics: (_workspace, body) => {
        const query = queryOf(body);
        if (query.includes('summarize principals')) return { status: 200, body: SIZE };
        if (!query.includes('hash(pid, 2)')) {
          shards.push('whole');
          return { status: 400, body: { error: { code: 'BadArgumentError', message: 'Query result set has exceeded the internal data size limit', innererror: { code: 'E_QUERY_RESULT_SET_TOO_LARGE' } } } };
        }
        const half = query.includes('hash(pid, 2) == 0') ? 0 : 1;
        shards.push(`half ${half}`);
        return { status: 200, body: answerFor(half === 0 ? [USER] : [EXPECTED_SP.id]) };
      },
    });
    const db = join(work, 'split.duckdb');
    const store = await openStore(db);
    try {
      const summary = await collectTenant(store, {
        tokens: new TokenFileSource(fake.tokenFile), urls: fake.urls, cloud: null, since: new Date('2026-10-21T00:00:00Z'), until: new Date('2026-11-20T00:00:00Z'),
        tenantId: null, limits: FAST_LIMITS, client: { maxAttempts: 3, backoff: { baseMs: 5, capMs: 20 } }, pushdown: { kind: 'log-analytics', workspace: 'ws-0001' },
      });
      // The empty tenant has no subscription to read: that permission gap only (no Reader anywhere), no failure.
      expect(summary.gaps.map((gap) => gap.failure)).toEqual(['permission']);
      expect(shards).toEqual(['whole', 'half 0', 'half 1']);
      expect((await loadIdentityFeatures(store, UNTIL)).map((row) => row.id)).toEqual([USER, EXPECTED_SP.id]);
    } finally {
      store.close();
      await fake.close();
    }
  }, 120_000);

  it('refuses a store that holds sign-ins, which the pushed rows would count twice', async () => {
    const db = join(work, 'mixed.duckdb');
    const imported = await runCli(['import', '--db', db, join(import.meta.dirname, 'fixtures', 'import', 'equivalence', 'diagnostic.jsonl')]);
    expect(imported.status).toBe(0);
    const run = await runCli(['collect', '--db', db, '--access-token-file', 'none', '--from-log-analytics', 'ws-0001', '--since', '7d']);
    expect(run.stderr).toBe('unattended: this store holds sign-ins: features pushed down to Kusto would count them twice (collect with --from-log-analytics or --from-adx into a store of its own (--db FILE))\n');
    expect(run.status).toBe(2);
  }, 120_000);
});
