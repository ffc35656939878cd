import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect } from 'vitest';
import { openStore } from '../../src/store/store.js';
import { importPaths } from '../../src/sources/import/index.js';
import { adversarialSuite } from './record-results.js';

/**
 * Malformed import files, small enough to run in `npm test`. Each is imported beside a good file, which must land
 * whole: one bad file never costs the others. (The big ones, a 100 MB line, a gzip bomb, 10^6-deep nesting, run as a
 * child process with measured memory in import-bounds.long.test.ts.)
 */
const EQUIVALENCE = resolve(import.meta.dirname, '..', 'fixtures', 'import', 'equivalence');
const LINES = readFileSync(join(EQUIVALENCE, 'diagnostic.jsonl'), 'utf8').trimEnd().split('\n');
const work = mkdtempSync(join(tmpdir(), 'unattended-adversarial-import-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const suite = adversarialSuite('importers', 'importers.json');

function line(index: number): string {
  const text = LINES[index];
  if (text === undefined) throw new Error(`diagnostic.jsonl has no line ${index + 1}`);
  return text;
}

interface Landed {
  hostile: { format: string | null; read: number; stored: number; quarantined: number; error: string | null };
  quarantine: { line: number; reason: string }[];
  signIns: { id: string; upn: string | null; app: string | null }[];
}

/** Imports `hostile` and a good copy of the first three records together; the good file must land whole. */
async function importBeside(name: string, hostile: Buffer | string): Promise<Landed> {
  const dir = mkdtempSync(join(work, 'case-'));
  const path = join(dir, name);
  writeFileSync(path, hostile);
  // Records 4 and 5 of the fixture: ids ...04 and ...05, which no hostile case uses.
  const good = join(dir, 'good.jsonl');
  writeFileSync(good, `${line(3)}\n${line(4)}\n`);
  const store = await openStore(':memory:');
  try {
    const summary = await importPaths(store, [path, good]);
    const [file, other] = summary.files;
    if (!file || !other) throw new Error('two files were imported');
    // Stored, or already stored from the hostile file when it holds the same records (a whole Graph page does).
    expect({ read: other.read, landed: other.stored + other.duplicates, quarantined: other.quarantined, error: other.error }).toEqual({ read: 2, landed: 2, quarantined: 0, error: null });
    expect(file.read).toBe(file.stored + file.updated + file.duplicates + file.quarantined);
    const quarantine = await store.all<{ line: number; reason: string }>('SELECT q.line, q.reason FROM quarantine q JOIN batches b USING (batch_id) WHERE b.file = ? ORDER BY q.line', [path]);
    const signIns = await store.all<{ id: string; upn: string | null; app: string | null }>(
      "SELECT id, upn, app_display_name AS app FROM sign_ins WHERE id NOT IN ('a1b2c3d4-0000-4000-8000-000000000004', 'a1b2c3d4-0000-4000-8000-000000000005') ORDER BY id",
    );
    return { hostile: { format: file.format, read: file.read, stored: file.stored, quarantined: file.quarantined, error: file.error }, quarantine, signIns };
  } finally {
    store.close();
  }
}

const FIRST_THREE = `${line(0)}\n${line(1)}\n${line(2)}\n`;
const STORED_THREE = [
  { id: 'a1b2c3d4-0000-4000-8000-000000000001', upn: 'svc-deploy@contoso.onmicrosoft.com', app: 'Microsoft Azure CLI' },
  { id: 'a1b2c3d4-0000-4000-8000-000000000002', upn: 'alice@contoso.com', app: 'Azure Portal' },
  { id: 'a1b2c3d4-0000-4000-8000-000000000003', upn: 'svc-deploy@contoso.onmicrosoft.com', app: 'Microsoft Azure CLI' },
];

function utf16(text: string, order: 'le' | 'be'): Buffer {
  const bytes = Buffer.from(`\uFEFF${text}`, 'utf16le');
  if (order === 'be') bytes.swap16();
  return bytes;
}

suite.case({ input: 'import: diagnostic JSON Lines', fault: 'UTF-8 byte order mark', result: 'read as UTF-8: 3 of 3 stored' }, async () => {
  const landed = await importBeside('bom.jsonl', `\uFEFF${FIRST_THREE}`);
  expect(landed.hostile).toEqual({ format: 'diagnostic-jsonl', read: 3, stored: 3, quarantined: 0, error: null });
  expect(landed.signIns).toEqual(STORED_THREE);
});

for (const order of ['le', 'be'] as const) {
  suite.case({ input: 'import: diagnostic JSON Lines', fault: `UTF-16${order.toUpperCase()} with a BOM (${order === 'le' ? 'Windows PowerShell 5.1 Out-File' : 'Out-File -Encoding BigEndianUnicode'})`, result: 'read like UTF-8: 3 of 3 stored' }, async () => {
    const landed = await importBeside(`utf16${order}.jsonl`, utf16(FIRST_THREE, order));
    expect(landed.hostile).toEqual({ format: 'diagnostic-jsonl', read: 3, stored: 3, quarantined: 0, error: null });
    expect(landed.signIns).toEqual(STORED_THREE);
  });
}

suite.case({ input: 'import: diagnostic JSON Lines', fault: 'invalid UTF-8 inside a value', result: 'bad bytes become U+FFFD; 3 of 3 stored' }, async () => {
  const broken = Buffer.from(line(1).replace('"Azure Portal"', '"Azure \u00ffPortal"'));
  // ÿ is C3 BF in UTF-8: a lone BF continuation byte is invalid.
  broken[broken.indexOf(0xc3)] = 0xbf;
  const landed = await importBeside('invalid-utf8.jsonl', Buffer.concat([Buffer.from(`${line(0)}\n`), broken, Buffer.from(`\n${line(2)}\n`)]));
  expect(landed.hostile).toEqual({ format: 'diagnostic-jsonl', read: 3, stored: 3, quarantined: 0, error: null });
  expect(landed.signIns.map((row) => row.app)).toEqual(['Microsoft Azure CLI', 'Azure \uFFFD\uFFFDPortal', 'Microsoft Azure CLI']);
});

suite.case({ input: 'import: diagnostic JSON Lines', fault: 'truncated mid-record', result: 'the cut record quarantined with its line; the rest stored' }, async () => {
  const landed = await importBeside('truncated.jsonl', `${line(0)}\n${line(1)}\n${line(2).slice(0, 120)}`);
  expect(landed.hostile).toEqual({ format: 'diagnostic-jsonl', read: 3, stored: 2, quarantined: 1, error: null });
  expect(landed.quarantine).toEqual([{ line: 3, reason: 'invalid JSON: Unterminated string in JSON at position 120' }]);
});

suite.case({ input: 'import: Graph JSON page', fault: 'truncated mid-document', result: 'a file error naming the line; records before the cut stored' }, async () => {
  const text = readFileSync(join(EQUIVALENCE, 'graph-signins.json'), 'utf8');
  const landed = await importBeside('page.json', text.slice(0, text.indexOf('"id": "a1b2c3d4-0000-4000-8000-000000000003"') + 10));
  expect(landed.hostile).toEqual({
    format: 'graph-json', read: 3, stored: 2, quarantined: 1,
    error: 'truncated JSON: the file ends inside the document (line 100); 2 records before it were read',
  });
  expect(landed.quarantine).toEqual([{ line: 100, reason: 'truncated: the file ends inside this record' }]);
});

suite.case({ input: 'import: admin center CSV', fault: 'newlines, quotes and commas inside quoted fields', result: 'each field read whole: 2 of 2 stored' }, async () => {
  const [header = '', first = '', second = ''] = readFileSync(join(EQUIVALENCE, 'InteractiveSignIns_2026-11-26_2026-11-27.csv'), 'utf8').split('\r\n');
  const hostile = second.replace('"Azure Portal"', '"Azure ""Portal"",\r\nline two\nline three"');
  expect(hostile).not.toBe(second);
  const landed = await importBeside('InteractiveSignIns_hostile.csv', [header, first, hostile, ''].join('\r\n'));
  expect(landed.hostile).toEqual({ format: 'portal-csv', read: 2, stored: 2, quarantined: 0, error: null });
  expect(landed.signIns.map((row) => row.app)).toEqual(['Microsoft Azure CLI', 'Azure "Portal",\r\nline two\nline three']);
});

/** The UPN twice, and the category twice: the JS reader routes a record by its category, DuckDB normalises it. */
const KEYS_TWICE = line(0)
  .replace(/"userPrincipalName": "(?<upn>[^"]+)"/u, '"userPrincipalName": "first@contoso.example", "userPrincipalName": "$<upn>"')
  .replace('"category": "SignInLogs"', '"category": "SignInLogs", "category": "AuditLogs"');

for (const road of ['fast path', 'line by line'] as const) {
  suite.case({ input: 'import: diagnostic JSON Lines', fault: `duplicate keys (UPN, category), ${road}`, result: 'the first key wins, on every path' }, async () => {
    expect(KEYS_TWICE.match(/"category"/gu)).toHaveLength(2);
    const landed = await importBeside(`duplicate-keys-${road === 'fast path' ? 'fast' : 'slow'}.jsonl`, `${[KEYS_TWICE, line(1), ...(road === 'fast path' ? [] : ['not json'])].join('\n')}\n`);
    expect(landed.hostile).toEqual({ format: 'diagnostic-jsonl', read: road === 'fast path' ? 2 : 3, stored: 2, quarantined: road === 'fast path' ? 0 : 1, error: null });
    expect(landed.signIns.map((row) => row.upn)).toEqual(['first@contoso.example', 'alice@contoso.com']);
  });
}

suite.case({ input: 'import: Graph JSON users', fault: 'duplicate keys', result: 'the first key wins, as in JSON Lines' }, async () => {
  const users = readFileSync(resolve(EQUIVALENCE, '..', 'graph-json', 'users.json'), 'utf8');
  const hostile = users.replace('"displayName": "svc-deploy",', '"displayName": "first", "displayName": "svc-deploy",');
  expect(hostile).not.toBe(users);
  const dir = mkdtempSync(join(work, 'users-'));
  writeFileSync(join(dir, 'users.json'), hostile);
  const store = await openStore(':memory:');
  try {
    const summary = await importPaths(store, [join(dir, 'users.json')]);
    expect(summary.files[0]).toMatchObject({ format: 'graph-json', quarantined: 0, error: null });
    expect(await store.all("SELECT display_name FROM identities WHERE id = '5a1c8e7b-7b1f-4d0e-9c1a-2f3b4c5d6e01'")).toEqual([{ display_name: 'first' }]);
  } finally {
    store.close();
  }
});

const TIMES = ['9999-12-31T23:59:59Z', '1970-01-01T00:00:00Z', '1969-12-31T23:59:59Z', '0000-01-01T00:00:00Z', '-000001-01-01T00:00:00Z', '+275760-09-13T00:00:00Z', '2026-13-45T99:99:99Z', '1e20'];

for (const road of ['fast path', 'line by line'] as const) {
  suite.case({ input: 'import: diagnostic JSON Lines', fault: `timestamps out of range (years -1 to +275760), ${road}`, result: '1970 to 9999 stored, the rest quarantined; the rollups hold (no INT32 overflow)' }, async () => {
    const records = TIMES.map((time, index) => {
      const record: unknown = JSON.parse(line(0));
      if (typeof record !== 'object' || record === null || !('properties' in record) || typeof record.properties !== 'object' || record.properties === null) throw new Error('no properties');
      Object.assign(record.properties, { id: `a1b2c3d4-0000-4000-8000-1000000000${String(index).padStart(2, '0')}`, createdDateTime: time });
      Object.assign(record, { time });
      return JSON.stringify(record);
    });
    const landed = await importBeside(`times-${road === 'fast path' ? 'fast' : 'slow'}.jsonl`, `${[...records, line(1), ...(road === 'fast path' ? [] : ['not json'])].join('\n')}\n`);
    expect(landed.hostile).toEqual({ format: 'diagnostic-jsonl', read: road === 'fast path' ? 9 : 10, stored: 3, quarantined: road === 'fast path' ? 6 : 7, error: null });
    expect(landed.quarantine.slice(0, 6)).toEqual([3, 4, 5, 6, 7, 8].map((at) => ({ line: at, reason: 'missing or invalid createdDateTime' })));
    expect(landed.signIns.map((row) => row.id)).toEqual(['a1b2c3d4-0000-4000-8000-000000000002', 'a1b2c3d4-0000-4000-8000-100000000000', 'a1b2c3d4-0000-4000-8000-100000000001']);
  });
}

suite.recordResults();
