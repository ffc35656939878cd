import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenFileSource } from '../src/sources/collect/auth/token-file-source.js';
import { collectTenant, type CollectSummary } from '../src/sources/collect/collect-tenant.js';
import { openStore } from '../src/store/store.js';
import { FAULT_KINDS, type FaultKind, type FaultPlan } from './fake-azure/faults.js';
import { demoFixture, FAST_LIMITS, startFake, storeDigest, type DemoFixture } from './fake-azure/harness.js';

/**
 * The demo tenant collected from the fake Azure under each fault (faults.ts): the store holds exactly what a run
 * without faults stores, or the run names what failed. A day of the tenant, small pages (200 sign-ins, 100
 * events, 100 directory objects), two pages a step, so that faults land on first pages, next pages and $batch alike.
 */
const SINCE = new Date('2026-11-19T00:00:00Z');
const UNTIL = new Date('2026-11-20T00:00:00Z');

const PLANS: Readonly<Record<FaultKind, FaultPlan>> = {
  throttle: { kind: 'throttle', every: 8, retryAfterSeconds: 0.5 },
  'throttle-no-retry-after': { kind: 'throttle-no-retry-after', every: 4 },
  '503': { kind: '503', every: 3 },
  '504': { kind: '504', every: 3 },
  reset: { kind: 'reset', every: 4 },
  slow: { kind: 'slow', every: 5, delayMs: 4_000 },
  truncated: { kind: 'truncated', every: 4 },
  'token-expiry': { kind: 'token-expiry', every: 8 },
  'nextlink-loop': { kind: 'nextlink-loop', every: 1 },
};

let fixture: DemoFixture;
let baseline: Record<string, string>;
let run = 0;

async function collectUnder(plan: FaultPlan | undefined): Promise<{ summary: CollectSummary; digest: Record<string, string>; faults: number; earlyRetries: number }> {
  run += 1;
  const fake = await startFake(fixture.work, { tenant: fixture.tenant, ...(plan ? { fault: plan } : {}), signInPageSize: 200, activityPageSize: 100, directoryPageSize: 100 });
  const db = join(fixture.work, `faults-${run}.duckdb`);
  const store = await openStore(db);
  try {
    const summary = await collectTenant(store, {
      tokens: new TokenFileSource(fake.tokenFile),
      urls: fake.urls,
      cloud: null,
      since: SINCE,
      until: UNTIL,
      tenantId: null,
      limits: FAST_LIMITS,
      settings: { pagesPerStep: 2 },
      // The slow answers take 4 s: past this timeout, so they are retried; the timeout leaves room for a busy machine,
      // where a fault-free answer of the fake (in this process) can take over a second.
      client: { maxAttempts: 8, timeoutMs: 2_000, backoff: { baseMs: 5, capMs: 50 } },
    });
    store.close();
    return { summary, digest: await storeDigest(db), faults: fake.server.stats.faults, earlyRetries: fake.server.stats.earlyRetries };
  } finally {
    await fake.close();
  }
}

beforeAll(async () => {
  fixture = await demoFixture('faults');
  const clean = await collectUnder(undefined);
  expect(clean.summary.gaps).toEqual([]);
  baseline = clean.digest;
  // The day holds sign-ins and Activity-log events: the comparisons below are not of empty tables.
  expect(baseline['sign_ins']).toMatch(/^\d{3,} /u);
  expect(baseline['operations']).toMatch(/^\d{3,} /u);
}, 300_000);

afterAll(() => fixture?.cleanup());

describe('collect under faults stores what a run without faults stores', () => {
  for (const kind of FAULT_KINDS.filter((fault) => fault !== 'nextlink-loop')) {
    it(`${kind}: every fault retried, the store identical`, async () => {
      const result = await collectUnder(PLANS[kind]);
      expect(result.summary.gaps.map((gap) => gap.reason)).toEqual([]);
      expect(result.faults).toBeGreaterThan(3);
      // Exact: no throttled request was sent again before its Retry-After ran out. (The budget-wide count, with its
      // in-flight grace, is the benchmark's: there the client runs in a process of its own.)
      expect(result.earlyRetries).toBe(0);
      expect(result.digest).toEqual(baseline);
    }, 120_000);
  }

  it('nextlink-loop: the looping walk stops with a named error and is left resumable; everything else is stored', async () => {
    const result = await collectUnder(PLANS['nextlink-loop']);
    expect(result.summary.gaps).toHaveLength(1);
    const [gap] = result.summary.gaps;
    expect(gap).toMatchObject({ affects: 'sign-ins', failure: 'NextLinkLoop' });
    expect(gap?.reason).toMatch(/^NextLinkLoop: graph sign-ins \w+ \S+: the service sent back a next link already followed \(after 2 pages\)$/u);
    const incomplete = result.summary.endpoints.filter((entry) => entry.complete < entry.scopes);
    expect(incomplete.map((entry) => [entry.endpoint, entry.scopes - entry.complete])).toEqual([[gap?.endpoint, 1]]);
    for (const table of ['operations', 'identities', 'registration_details', 'applications', 'credentials', 'role_assignments', 'conditional_access_policies', 'named_locations']) {
      expect(result.digest[table], table).toBe(baseline[table]);
    }
  }, 120_000);
});
