import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenFileSource } from '../src/sources/collect/auth/token-file-source.js';
import { collectTenant, type CollectSummary } from '../src/sources/collect/collect-tenant.js';
import type { CollectSettings } from '../src/sources/collect/collect-context.js';
import { SILENT_COLLECT_PROGRESS } from '../src/model/collect-progress.js';
import { openStore } from '../src/store/store.js';
import { demoFixture, FAST_LIMITS, startFake, storeDigest, type DemoFixture } from './fake-azure/harness.js';

/**
 * What bounds collect's memory: a walk stores its step once the kept records' text reaches `stepChars`, whatever the
 * pages per step. A day of the demo tenant, 50 sign-ins a page: with a bound of one character every sign-in page is a
 * step of its own; with none, steps hold up to 10 pages. Both store the same rows.
 */
const SINCE = new Date('2026-11-19T00:00:00Z');
const UNTIL = new Date('2026-11-20T00:00:00Z');

let fixture: DemoFixture;
beforeAll(async () => {
  fixture = await demoFixture('step-size');
}, 300_000);
afterAll(() => fixture?.cleanup());

interface StepRun {
  summary: CollectSummary;
  digest: Record<string, string>;
  /** Sign-in pages the fake served. */
  pages: number;
  /** Pages in each stored step of a sign-in walk (the progress the walk reports per step). */
  steps: number[];
}

async function collectWith(name: string, settings: Partial<CollectSettings>): Promise<StepRun> {
  const fake = await startFake(fixture.work, { tenant: fixture.tenant, signInPageSize: 50, activityPageSize: 100, directoryPageSize: 100 });
  const db = join(fixture.work, `${name}.duckdb`);
  const store = await openStore(db);
  try {
    const steps: number[] = [];
    const progress = { ...SILENT_COLLECT_PROGRESS, stored: (endpoint: string, _rows: number, pages: number) => { if (endpoint.startsWith('graph.signIns.')) steps.push(pages); } };
    const summary = await collectTenant(store, {
      tokens: new TokenFileSource(fake.tokenFile), urls: fake.urls, cloud: null, since: SINCE, until: UNTIL, tenantId: null, limits: FAST_LIMITS, settings, progress,
    });
    store.close();
    const pages = fake.server.log.filter((entry) => entry.path.endsWith('/auditLogs/signIns') && entry.status === 200).length;
    return { summary, digest: await storeDigest(db), pages, steps };
  } finally {
    await fake.close();
  }
}

describe('collect steps', () => {
  it('are stored once their kept text reaches stepChars, with the same rows as steps of ten pages', async () => {
    const bounded = await collectWith('one-page-steps', { pagesPerStep: 10, stepChars: 1 });
    const unbounded = await collectWith('ten-page-steps', { pagesPerStep: 10, stepChars: Number.MAX_SAFE_INTEGER });
    expect(bounded.summary.gaps).toEqual([]);
    expect(unbounded.summary.gaps).toEqual([]);
    expect(bounded.pages).toBe(unbounded.pages);
    // Every page a step of its own; without the bound, a walk's pages (fewer than ten here) are one step. (The fake
    // also serves the preflight's one-record probe of the sign-ins, which no walk stores.)
    expect(bounded.steps.length).toBe(bounded.pages - 1);
    expect(bounded.steps.every((pages) => pages === 1)).toBe(true);
    expect(unbounded.steps.reduce((sum, pages) => sum + pages, 0)).toBe(bounded.steps.length);
    expect(unbounded.steps.length).toBeLessThan(bounded.steps.length);
    expect(Math.max(...unbounded.steps)).toBeGreaterThan(1);
    expect(bounded.digest).toEqual(unbounded.digest);
  }, 300_000);
});
