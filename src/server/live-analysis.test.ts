import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OverviewBuilder } from '../report/view-model/overview-builder.js';
import type { DashboardData } from './dashboard-data.js';
import { LiveAnalysis, storeStamp } from './live-analysis.js';

const EMPTY = new OverviewBuilder([]).finish({ schemaVersion: 1, tenantId: null, asOf: '2026-11-20T00:00:00Z', enforcement: { phase1: '2025-03-15', phase2: '2026-12-15' } }, [], '');

/** A stand-in analysis: its number (as its total), and whether it was closed. */
function fake(number: number, closed: number[]): DashboardData {
  return {
    overview: { ...EMPTY, total: number },
    page: () => Promise.reject(new Error('unused')),
    detailJson: () => Promise.resolve(null),
    close: () => closed.push(number),
  };
}

describe('LiveAnalysis', () => {
  it('analyses again only when the store changed, serves the old analysis meanwhile, and closes what it replaces', async () => {
    const closed: number[] = [];
    let stamp = 'a';
    let made = 0;
    let fail = false;
    const live = await LiveAnalysis.start(async () => {
      if (fail) throw new Error('store busy');
      made += 1;
      return fake(made, closed);
    }, () => stamp);
    expect([made, live.data.overview.total]).toEqual([1, 1]);
    await live.poke();
    expect(made).toBe(1);
    stamp = 'b';
    const running = live.poke();
    expect(live.data.overview.total).toBe(1);
    await running;
    expect([made, live.data.overview.total, closed]).toEqual([2, 2, [1]]);
    // A store that cannot be read now is tried again at the next poke.
    stamp = 'c';
    fail = true;
    await live.poke();
    expect([made, live.data.overview.total]).toEqual([2, 2]);
    fail = false;
    await live.poke();
    expect([made, live.data.overview.total, closed]).toEqual([3, 3, [1, 2]]);
    await live.close();
    expect(closed).toEqual([1, 2, 3]);
  });

  it('stamps a store by its file and its write-ahead log', () => {
    const dir = mkdtempSync(join(tmpdir(), 'unattended-stamp-'));
    try {
      const db = join(dir, 'u.duckdb');
      expect(storeStamp(db)).toBe('-|-');
      writeFileSync(db, 'x');
      const first = storeStamp(db);
      expect(first).toMatch(/^[\d.]+:1\|-$/u);
      writeFileSync(`${db}.wal`, 'wal');
      expect(storeStamp(db)).toMatch(/^[\d.]+:1\|[\d.]+:3$/u);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
