import { describe, expect, it } from 'vitest';
import { blankFeatures, blankTenant } from '../../features/blank-features.js';
import { featureRowText, featuresFromText, identityRowCheck } from '../../features/identity-row.js';
import type { IdentityFeatures } from '../../features/identity-features.js';
import { identityJsonText } from '../../report/json.js';
import { analyseIdentity, type AnalysisContext } from '../analyse-identity.js';
import { emptyPlanContext, ObservedActionsDeferred } from '../plan/plan-context.js';
import { gunzipSync } from 'node:zlib';
import * as z from 'zod/mini';
import { csvRecord } from '../../report/csv-cell.js';
import { identityRow } from '../../report/csv.js';
import { detailFromChunk } from '../../report/view-model/embedded-detail.js';
import { detailOf, tableRowOf } from '../../report/view-model/identity-views.js';
import { embeddedDetailChunkSchema } from '../../report/view-model/view-schemas.js';
import { IdentityAnalyser, type AnalysedIdentities } from './identity-analyser.js';

const keys = identityRowCheck.keys;
const context: AnalysisContext = {
  asOf: '2026-11-20T23:59:59.999Z',
  enforcement: { phase1: '2025-03-15', phase2: '2026-12-15' },
  tenant: blankTenant({ signIns: 900, operations: 10, directoryObjects: 300 }),
  breakGlass: ['bg-0@contoso.com'],
  automation: { byUpn: new Map([['svc-1@contoso.com', [{ file: 'deploy.sh', line: 3, authMethod: 'user-password' }]]]), byClientId: new Map() },
  governance: null,
};

/** Service accounts signing in to ARM with passwords, people with MFA and quiet ones, so that verdicts differ. */
function features(index: number): IdentityFeatures {
  const upn = index % 50 === 0 ? `bg-${index}@contoso.com` : index % 3 === 0 ? `svc-${index}@contoso.com` : `user${index}@contoso.com`;
  const base = blankFeatures(`id-${String(index).padStart(4, '0')}`, 'user', { upn, displayName: `Name ${index} "<b>"`, inDirectory: true });
  if (index % 3 === 0) return { ...base, signIns: 40, nonInteractive: 40, successes: 40, singleFactorSuccesses: 40, ropc: 40, armSuccessNoMfa: 40, armRopcSuccess: 40, armNoMfaFirst: '2026-11-01T00:00:00.000Z', armNoMfaLast: '2026-11-20T00:00:00.000Z', writes: index % 2, opsNoMfa: index % 2 };
  if (index % 3 === 1) return { ...base, signIns: 12, interactive: 12, successes: 12, mfaSuccesses: 12, portalSuccessMfa: 12, registrationKnown: true, mfaRegistered: true };
  return base;
}

function text(f: IdentityFeatures): string {
  return featureRowText(f);
}

function chunks(count: number, size: number): string[][] {
  return Array.from({ length: count }, (_, chunk) => Array.from({ length: size }, (_, row) => text(features(chunk * size + row))));
}

/**
 * `ready`: workers start before the first chunk and are waited for, so that which thread takes a chunk is certain;
 * otherwise they start once 150 rows have come.
 */
async function analyseAll(workers: number, input: string[][], ready = false, report = false): Promise<AnalysedIdentities & { stats: IdentityAnalyser['stats'] }> {
  const analyser = new IdentityAnalyser(context, workers, ready ? { expectedRows: 100_000, report } : { startAfterRows: 150, report });
  try {
    if (ready) await analyser.whenWorkersReady();
    for (const texts of input) analyser.add(texts);
    const analysed = await analyser.finish();
    return { ...analysed, stats: analyser.stats };
  } finally {
    analyser.close();
  }
}

describe('IdentityAnalyser', () => {
  const input = chunks(3, 100);
  const expected = new Map(input.flat().map((row) => {
    const identity = analyseIdentity(blankRowFeatures(row), context);
    return [identity.id, { verdict: identity.verdict, json: identityJsonText(identity) }];
  }));

  function blankRowFeatures(row: string): IdentityFeatures {
    return featuresFromText(row);
  }

  it('gives every identity its analysis and analysis.json bytes, on this thread alone and with a worker thread', async () => {
    for (const [workers, ready] of [[0, false], [1, false], [1, true]] as const) {
      const { entries } = await analyseAll(workers, input, ready);
      expect(entries).toHaveLength(300);
      for (const entry of entries) {
        expect(entry.verdict).toBe(expected.get(entry.id)?.verdict);
        expect(Buffer.from(entry.json).toString('utf8')).toBe(expected.get(entry.id)?.json);
      }
    }
    expect(new Set([...expected.values()].map((value) => value.verdict))).toEqual(new Set(['breaks', 'at-risk', 'ready', 'not-affected']));
  });

  it('keeps every identity\'s bytes when a chunk outgrows the size the chunks before it suggested', async () => {
    // Small identities first (the buffer of the next chunk is sized by them), then a chunk whose names are 20,000
    // characters: its buffer must grow several times, and the identities written before each growth keep their bytes.
    const wide = (index: number): string => text({ ...features(index), displayName: `${'wide '.repeat(4000)}${index}` });
    const small = Array.from({ length: 50 }, (_, row) => text(features(1000 + row)));
    const large = Array.from({ length: 40 }, (_, row) => wide(2000 + row));
    const { entries } = await analyseAll(0, [small, large, small.slice(0, 3)]);
    expect(entries).toHaveLength(93);
    for (const row of [...small, ...large]) {
      const identity = analyseIdentity(blankRowFeatures(row), context);
      const texts = entries.filter((entry) => entry.id === identity.id).map((entry) => Buffer.from(entry.json).toString('utf8'));
      expect(texts[0]).toBe(identityJsonText(identity));
    }
    expect(entries.filter((entry) => entry.displayName.startsWith('wide ')).map((entry) => entry.json.byteLength)).toEqual(large.map((row) => Buffer.byteLength(identityJsonText(analyseIdentity(blankRowFeatures(row), context)))));
  });

  it('analyses the first chunk here and gives later ones to a ready worker, up to two at a time', async () => {
    expect((await analyseAll(0, input)).stats).toEqual({ here: 3, onWorkers: 0, workers: 0 });
    // Chunk 0 here; chunks 1 and 2 fit in the ready worker's queue of two.
    expect((await analyseAll(1, input, true)).stats).toEqual({ here: 1, onWorkers: 2, workers: 1 });
    // One chunk: no worker is started. More: one starts once 150 rows have come (the second chunk), and this thread
    // goes on until it is ready.
    expect((await analyseAll(1, input.slice(0, 1))).stats).toEqual({ here: 1, onWorkers: 0, workers: 0 });
    const lazy = (await analyseAll(1, input)).stats;
    expect([lazy.here + lazy.onWorkers, lazy.workers]).toEqual([3, 1]);
    // With the default threshold, 300 rows are not worth a worker; 16,384 expected rows start one before the first chunk.
    const small = new IdentityAnalyser(context, 1);
    for (const texts of input) small.add(texts);
    expect(small.stats).toEqual({ here: 3, onWorkers: 0, workers: 0 });
    small.close();
    const early = new IdentityAnalyser(context, 1, { expectedRows: 16_384 });
    expect(early.stats).toEqual({ here: 0, onWorkers: 0, workers: 1 });
    early.close();
  });

  it('hands a chunk of the store\'s 2,048 rows out in parts of 512 when there are workers, each identity once', async () => {
    const big = chunks(1, 1300);
    const expectedJson = new Map((big[0] ?? []).map((row) => {
      const identity = analyseIdentity(blankRowFeatures(row), context);
      return [identity.id, identityJsonText(identity)];
    }));
    // 512 here, 512 and 276 to the ready worker; alone, this thread takes the whole chunk at once.
    const shared = await analyseAll(1, big, true);
    expect(shared.stats).toEqual({ here: 1, onWorkers: 2, workers: 1 });
    expect((await analyseAll(0, big)).stats).toEqual({ here: 1, onWorkers: 0, workers: 0 });
    expect(shared.entries).toHaveLength(1300);
    for (const entry of shared.entries) expect(Buffer.from(entry.json).toString('utf8')).toBe(expectedJson.get(entry.id));
  });

  it('makes the report\'s parts on the thread that analyses: row, CSV record, and details (with the heatmap) in numbered chunks', async () => {
    // Row i signs in i times in hour i % 168 and 200 times in hour 0, except every fifth row, which never signs in.
    const histogram = (index: number): number[] => {
      const counts = new Array<number>(168).fill(0);
      if (index % 5 === 0) return counts;
      counts[index % 168] = index;
      counts[0] = (counts[0] ?? 0) + 200;
      return counts;
    };
    const featuresOf = (index: number): IdentityFeatures => ({ ...features(index), hourOfWeek: histogram(index) });
    const rows = Array.from({ length: 3 }, (_, chunk) => Array.from({ length: 300 }, (_, row) => text(featuresOf(chunk * 300 + row))));
    for (const workers of [0, 1]) {
      const { entries, detailChunks, stats } = await analyseAll(workers, rows, true, true);
      expect(stats.onWorkers).toBe(workers * 2);
      expect(entries).toHaveLength(900);
      // 300 rows a chunk: a full chunk of 256 details and one of 44 each.
      expect(detailChunks).toHaveLength(6);
      const decoded = detailChunks.map((data) => z.parse(embeddedDetailChunkSchema, JSON.parse(gunzipSync(Buffer.from(data, 'base64')).toString('utf8'))));
      const places = new Set<string>();
      for (const entry of entries) {
        const index = Number(entry.id.slice(3));
        const identity = analyseIdentity(featuresOf(index), context);
        const parts = entry.report;
        if (parts === null) throw new Error('no report parts');
        const row = { ...parts.row, index: 7 };
        expect(row).toEqual(tableRowOf(identity, 7));
        expect(Buffer.from(parts.csv).toString('utf8')).toBe(csvRecord(identityRow(identity)));
        expect(Buffer.from(entry.json).toString('utf8')).toBe(identityJsonText(identity));
        const chunk = decoded[parts.chunk];
        if (!chunk) throw new Error(`no chunk ${parts.chunk}`);
        expect(detailFromChunk(row, chunk, parts.position)).toEqual(detailOf(identity, 7, index % 5 === 0 ? null : histogram(index)));
        places.add(`${parts.chunk}:${parts.position}`);
      }
      expect(places.size).toBe(900);
    }
    // Not asked: no parts made.
    const plain = await analyseAll(0, rows);
    expect([plain.entries.every((entry) => entry.report === null), plain.detailChunks]).toEqual([true, []]);
  });

  it('defers the identities whose plans need observed actions, and gives their bytes once those are read, on either thread', async () => {
    const observed = new Map(input.flat().map((row) => blankRowFeatures(row).id).map((id) => [id, [{ action: 'Microsoft.Compute/virtualMachines/write', kind: 'update' as const, count: 3, resources: 1, resourceIds: [`/subscriptions/s1/resourcegroups/rg-${id}/providers/microsoft.compute/virtualmachines/vm1`], groupScopes: [`/subscriptions/s1/resourcegroups/rg-${id}`] }]]));
    const full: AnalysisContext = { ...context, plan: { ...emptyPlanContext(), observed } };
    const deferring: AnalysisContext = { ...context, plan: { ...emptyPlanContext(), observedDeferred: true } };
    const migrating = input.flat().filter((row) => analyseIdentity(blankRowFeatures(row), full).plan?.leastPrivilege != null);
    // Every third row is a service account signing in with a password, which a plan migrates, but for the break-glass
    // account (row 0): 99 of 300.
    expect(migrating).toHaveLength(99);
    for (const workers of [0, 1]) {
      const analyser = new IdentityAnalyser(deferring, workers, workers > 0 ? { expectedRows: 100_000 } : {});
      try {
        await analyser.whenWorkersReady();
        for (const texts of input) analyser.add(texts);
        const first = await analyser.finish();
        expect([first.entries.length, first.deferred.length]).toEqual([201, 99]);
        expect(new Set(first.deferred)).toEqual(new Set(migrating));
        const done = analyser.analyseDeferred(first, full);
        expect([done.entries.length, done.deferred.length]).toEqual([300, 0]);
        for (const entry of done.entries) {
          const identity = analyseIdentity(blankRowFeatures(input.flat().find((row) => blankRowFeatures(row).id === entry.id) ?? ''), full);
          expect(Buffer.from(entry.json).toString('utf8')).toBe(identityJsonText(identity));
        }
        // The least-privilege role the plans carry comes from what was observed: a deferred identity analysed without it would have none.
        expect(done.entries.filter((entry) => Buffer.from(entry.json).toString('utf8').includes('Microsoft.Compute/virtualMachines/write'))).toHaveLength(99);
      } finally {
        analyser.close();
      }
    }
    // A context that is not deferring throws nothing aside: what runAnalysis and the other commands use.
    expect(() => analyseIdentity(blankRowFeatures(migrating[0] ?? ''), deferring)).toThrow(ObservedActionsDeferred);
  });

  it('fails with the worker\'s error when a row it analyses does not fit the schema', async () => {
    const bad = [input[0] ?? [], ['[1, 2]'], input[2] ?? []];
    await expect(analyseAll(1, bad, true)).rejects.toThrow(`feature row for an identity does not match the feature schema: 2 values for ${keys.length} fields`);
    await expect(analyseAll(0, bad)).rejects.toThrow(`2 values for ${keys.length} fields`);
  });

  it('refuses a negative or fractional number of workers', () => {
    expect(() => new IdentityAnalyser(context, -1)).toThrow('workers must be a whole number ≥ 0, got -1');
    expect(() => new IdentityAnalyser(context, 1.5)).toThrow('workers must be a whole number ≥ 0, got 1.5');
  });
});
