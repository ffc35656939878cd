import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../src/store/store.js';
import { importPaths } from '../src/sources/import/index.js';

const FIXTURES = resolve(import.meta.dirname, 'fixtures', 'import');
const VALID_FILES = [
  ['equivalence', 'diagnostic.jsonl'],
  ['equivalence', 'graph-signins.json'],
  ['equivalence', 'InteractiveSignIns_2026-11-26_2026-11-27.csv'],
  ['equivalence', 'loganalytics-export.csv'],
  ['equivalence', 'loganalytics-signins.json'],
  ['diagnostic-jsonl', 'activity-administrative.jsonl'],
  ['graph-json', 'users.json'],
  ['graph-json', 'service-principals.json'],
  ['activity-log', 'az-monitor-activity-log-list.json'],
  ['resource-graph', 'role-assignments.json'],
  ['loganalytics', 'azure-activity-kql.json'],
].map(([folder = '', name = '']) => ({ name, text: readFileSync(join(FIXTURES, folder, name), 'utf8') }));

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'replace'; at: number; text: string }
  | { kind: 'duplicate'; at: number; length: number };

const position = fc.double({ min: 0, max: 1, noNaN: true });
const noise = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('"', '{', '}', '[', ']', ',', '\n', '\r\n', '\\', ':', 'null', '\u0000', '\uFEFF', '"id":', '"category":"SignInLogs"', '\t"'),
);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: noise }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), text: noise }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 400 }) }),
);

function apply(text: string, change: Mutation): string {
  const at = text.length === 0 ? 0 : change.at % (text.length + 1);
  switch (change.kind) {
    case 'truncate':
      return text.slice(0, at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + change.length);
    case 'insert':
      return text.slice(0, at) + change.text + text.slice(at);
    case 'replace':
      return text.slice(0, at) + change.text + text.slice(at + change.text.length);
    case 'duplicate':
      return text.slice(0, at + change.length) + text.slice(at, at + change.length) + text.slice(at);
  }
}

describe('property: any mutation of a valid file is stored, quarantined or rejected — never a crash or a hang', () => {
  const work = mkdtempSync(join(tmpdir(), 'unattended-property-'));
  let store: Store;
  beforeAll(async () => {
    store = await openStore(':memory:');
  });
  afterAll(() => {
    store.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('reconciles read = stored + updated + duplicates + quarantined for every mutated file', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: VALID_FILES.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        fc.constantFrom('plain', 'gzip', 'gzip-cut'),
        position,
        async (which, changes, packing, cutAt) => {
          runs += 1;
          const source = VALID_FILES[which];
          if (!source) throw new Error('no fixture');
          const text = changes.reduce(apply, source.text);
          const path = join(work, `${runs}-${source.name}${packing === 'plain' ? '' : '.gz'}`);
          const bytes = Buffer.from(text, 'utf8');
          const gz = gzipSync(bytes);
          writeFileSync(path, packing === 'plain' ? bytes : packing === 'gzip' ? gz : gz.subarray(0, Math.floor(gz.length * cutAt)));
          const summary = await importPaths(store, [path]);
          expect(summary.files).toHaveLength(1);
          const [file] = summary.files;
          if (!file) throw new Error('no summary');
          expect(file.read).toBe(file.stored + file.updated + file.duplicates + file.quarantined);
          if (file.format === null) {
            expect(file.error).toMatch(/: not in a known format \(tried diagnostic-jsonl, /);
            expect(file.read).toBe(0);
          }
          for (const counts of Object.values(summary.totals)) expect(counts.read).toBe(counts.stored + counts.updated + counts.duplicates + counts.quarantined);
          const [row] = await store.all<{ read: number; stored: number; updated: number; duplicates: number; quarantined: number }>(
            'SELECT read, stored, updated, duplicates, quarantined FROM batches WHERE file = ? ORDER BY started_at DESC LIMIT 1',
            [file.path],
          );
          if (file.format !== null) expect(row).toEqual({ read: file.read, stored: file.stored, updated: file.updated, duplicates: file.duplicates, quarantined: file.quarantined });
          const [quarantined] = await store.all<{ n: number }>('SELECT count(*) AS n FROM quarantine q JOIN batches b USING (batch_id) WHERE b.file = ?', [file.path]);
          expect(quarantined?.n ?? 0).toBe(file.format === null ? 0 : file.quarantined);
        },
      ),
      { numRuns: 150, interruptAfterTimeLimit: 100_000 },
    );
    expect(runs).toBeGreaterThanOrEqual(50);
  }, 180_000);
});
