import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/store.js';
import { importPaths } from '../src/sources/import/index.js';
import { assertPrerequisite } from './helpers/prerequisite.js';
import { SHARED_SAMPLES, sharedSamples } from './helpers/shared-samples.js';

const ROOT = resolve(import.meta.dirname, '..');
const EQUIVALENCE = resolve(ROOT, 'test', 'fixtures', 'import', 'equivalence');
const SAMPLES = SHARED_SAMPLES;
/** 60% of the compressed sample decodes to 5 whole lines and part of a 6th (deterministic: see file-text.ts). */
const EXPECTED_READ = 6;
const work = mkdtempSync(join(tmpdir(), 'unattended-bad-input-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function importOne(path: string): Promise<{ file: unknown; quarantine: Record<string, unknown>[]; signIns: number }> {
  const store = await openStore(':memory:');
  try {
    const summary = await importPaths(store, [path]);
    const [entry] = summary.files;
    const quarantine = await store.all('SELECT line, reason, left(raw, 30) AS raw FROM quarantine ORDER BY line');
    const [count] = await store.all<{ n: number }>('SELECT count(*) AS n FROM sign_ins');
    return { file: entry && { format: entry.format, read: entry.read, stored: entry.stored, updated: entry.updated, duplicates: entry.duplicates, quarantined: entry.quarantined, error: entry.error }, quarantine, signIns: count?.n ?? 0 };
  } finally {
    store.close();
  }
}

describe('bad records are quarantined with file, line and reason; the rest is imported', () => {
  it('names each bad JSON Lines record by line (the fast path falls back to the line-numbered one)', async () => {
    const lines = readFileSync(join(EQUIVALENCE, 'diagnostic.jsonl'), 'utf8').trimEnd().split('\n');
    const missingId = lines[2]?.replace('"id": "a1b2c3d4-0000-4000-8000-000000000003", ', '') ?? '';
    const path = join(work, 'mixed.jsonl');
    writeFileSync(path, [lines[0], '{"time": "2026-11-26T05:00:00Z", "category": "SignInLogs", "properties": {"id": "x"', '', missingId, lines[3], lines[4], 'not json at all'].join('\n'));
    const result = await importOne(path);
    expect(result.file).toEqual({ format: 'diagnostic-jsonl', read: 6, stored: 3, updated: 0, duplicates: 0, quarantined: 3, error: null });
    expect(result.quarantine).toEqual([
      { line: 2, reason: 'invalid JSON', raw: '{"time": "2026-11-26T05:00:00Z' },
      { line: 4, reason: 'missing id', raw: '{"time": "2026-11-26T05:00:00.' },
      { line: 7, reason: expect.stringMatching(/^invalid JSON: Unexpected token/), raw: 'not json at all' },
    ]);
    expect(result.signIns).toBe(3);
  });

  it.skipIf(sharedSamples.skip)('stores what a truncated gzip still holds and reports the rest', async () => {
    assertPrerequisite(sharedSamples);
    const whole = gzipSync(readFileSync(join(SAMPLES, 'non_interactive_user_sign_in_logs.jsonl')));
    const path = join(work, 'PT1H.json');
    writeFileSync(path, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const result = await importOne(path);
    const file = result.file as { read: number; stored: number; duplicates: number; quarantined: number; error: string; format: string };
    expect(file.format).toBe('diagnostic-jsonl');
    expect(file.error).toMatch(/^truncated or corrupt gzip: unexpected end of file$/);
    expect(file.read).toBe(file.stored + file.duplicates + file.quarantined);
    expect([file.read, file.stored]).toEqual([EXPECTED_READ, EXPECTED_READ - 1]);
    // The cut-off last line is the one quarantined record.
    expect(file.quarantined).toBe(1);
    expect(result.quarantine).toEqual([{ line: file.read, reason: 'invalid JSON', raw: expect.stringMatching(/^\{ "time": /) }]);
  });

  it('stores the records of a truncated Graph page before the cut and reports where it ends', async () => {
    const text = readFileSync(join(EQUIVALENCE, 'graph-signins.json'), 'utf8');
    const cut = text.indexOf('"id": "a1b2c3d4-0000-4000-8000-000000000004"') + 20;
    const path = join(work, 'page.json');
    writeFileSync(path, text.slice(0, cut));
    const result = await importOne(path);
    expect(result.file).toEqual({
      format: 'graph-json', read: 4, stored: 3, updated: 0, duplicates: 0, quarantined: 1,
      error: expect.stringMatching(/^truncated JSON: the file ends inside the document \(line \d+\); 3 records before it were read$/),
    });
    // The cut record opens on line 146 (its "id" is on the next line).
    expect(result.quarantine).toEqual([{ line: 146, reason: 'truncated: the file ends inside this record', raw: '{\n      "id": "a1b2c3d4-0000' }]);
  });

  it('quarantines a CSV row with the wrong number of fields and an unterminated quote at the end', async () => {
    const text = readFileSync(join(EQUIVALENCE, 'InteractiveSignIns_2026-11-26_2026-11-27.csv'), 'utf8');
    const [header = '', first = '', second = ''] = text.split('\r\n');
    const path = join(work, 'InteractiveSignIns_bad.csv');
    writeFileSync(path, [header, first, '"2026-11-26T00:00:00Z","short row"', `${second.slice(0, 40)}`].join('\r\n'));
    const result = await importOne(path);
    expect(result.file).toEqual({ format: 'portal-csv', read: 3, stored: 1, updated: 0, duplicates: 0, quarantined: 2, error: 'truncated CSV: the file ends inside a quoted field (line 4)' });
    expect(result.quarantine).toEqual([
      { line: 3, reason: 'expected 57 fields, found 2', raw: '"2026-11-26T00:00:00Z","short ' },
      { line: 4, reason: 'truncated: the file ends inside a quoted field', raw: '"2026-11-26T09:12:00.5Z","a1b2' },
    ]);
  });
});
