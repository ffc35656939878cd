import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { afterAll, expect } from 'vitest';
import * as z from 'zod';
import { measuredCli } from './measured-run.js';
import { adversarialSuite } from './record-results.js';

/**
 * Big and explosive import files, generated here (never committed), imported by the real CLI in a child process whose
 * peak memory and time are bounded. Each goes in one `import` with a good file, which must land whole.
 * Long: `npm run test:adversarial`.
 */
const EQUIVALENCE = resolve(import.meta.dirname, '..', 'fixtures', 'import', 'equivalence');
const LINES = readFileSync(join(EQUIVALENCE, 'diagnostic.jsonl'), 'utf8').trimEnd().split('\n');
const work = mkdtempSync(join(tmpdir(), 'unattended-adversarial-bounds-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const suite = adversarialSuite('importers (big and explosive, child process)', 'importers-long.json');
const MIB = 1024 * 1024;
/** Generous for a loaded 2-core machine; what they catch is a blow-up (an unbounded read, a quadratic join), not a drift. */
const SECONDS = 180;

function line(index: number): string {
  const text = LINES[index];
  if (text === undefined) throw new Error(`diagnostic.jsonl has no line ${index + 1}`);
  return text;
}

const summarySchema = z.object({
  files: z.array(z.object({ path: z.string(), format: z.string().nullable(), read: z.number(), stored: z.number(), duplicates: z.number(), quarantined: z.number(), error: z.string().nullable() })),
});

interface Outcome {
  status: number | null;
  stderr: string;
  hostile: { format: string | null; read: number; stored: number; quarantined: number } | undefined;
  maxRssMiB: number;
  seconds: number;
}

/** Writes the hostile file with `write`, imports it with a good file and checks the good one landed. */
async function importBeside(name: string, write: (path: string) => Promise<void> | void): Promise<Outcome> {
  const dir = mkdtempSync(join(work, 'case-'));
  const hostile = join(dir, name);
  await write(hostile);
  const good = join(dir, 'good.jsonl');
  writeFileSync(good, `${line(3)}\n${line(4)}\n`);
  try {
    const run = await measuredCli(['import', hostile, good, '--db', join(dir, 'store.duckdb'), '--format', 'json']);
    const summary = summarySchema.parse(JSON.parse(run.stdout));
    const [file, other] = summary.files;
    expect(other).toMatchObject({ path: good, read: 2, stored: 2, quarantined: 0, error: null });
    expect(run.seconds).toBeLessThan(SECONDS);
    return { status: run.status, stderr: run.stderr, hostile: file && { format: file.format, read: file.read, stored: file.stored, quarantined: file.quarantined }, maxRssMiB: run.maxRssMiB, seconds: run.seconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** 100 MB of `A`s as the application name of record 2. */
function hugeRecord(): string {
  const record = line(1).replace('"Azure Portal"', `"${'A'.repeat(100 * MIB)}"`);
  expect(record.length).toBeGreaterThan(100 * MIB);
  return record;
}

async function gzipTo(path: string, parts: () => Generator<string | Buffer>): Promise<void> {
  await pipeline(parts, createGzip({ level: 9 }), createWriteStream(path));
}

suite.case({ input: 'import: diagnostic JSON Lines', fault: 'a 100 MB single line', result: 'that line quarantined unread (> 16 MiB), the others stored; < 512 MiB' }, async () => {
  const outcome = await importBeside('huge-line.jsonl', (path) => writeFileSync(path, `${line(0)}\n${hugeRecord()}\n${line(2)}\n`));
  expect([outcome.status, outcome.stderr]).toEqual([0, '']);
  expect(outcome.hostile).toEqual({ format: 'diagnostic-jsonl', read: 3, stored: 2, quarantined: 1 });
  expect(outcome.maxRssMiB).toBeLessThan(512);
}, 600_000);

suite.case({ input: 'import: Graph JSON page', fault: 'a 100 MB record', result: 'that record quarantined unread; < 1 GiB (documents are read whole)' }, async () => {
  const outcome = await importBeside('huge-page.json', (path) => writeFileSync(path, `{"value": [${hugeRecord()}]}`));
  expect([outcome.status, outcome.stderr]).toEqual([0, '']);
  expect(outcome.hostile).toEqual({ format: 'graph-json', read: 1, stored: 0, quarantined: 1 });
  expect(outcome.maxRssMiB).toBeLessThan(1024);
}, 600_000);

suite.case({ input: 'import: any file', fault: 'a 100 MB single line of no format', result: 'exit 2, one line naming the file; < 512 MiB' }, async () => {
  const outcome = await importBeside('one-line.jsonl', (path) => writeFileSync(path, 'x'.repeat(100 * MIB)));
  expect(outcome.status).toBe(2);
  expect(outcome.stderr).toMatch(/^unattended: \S+one-line\.jsonl: not in a known format \(tried [^\n]+\)\n$/u);
  expect(outcome.maxRssMiB).toBeLessThan(512);
}, 600_000);

suite.case({ input: 'import: gzip', fault: 'gzip bomb (1 MB → 1 GiB of spaces)', result: 'exit 2, one line naming the file; < 512 MiB' }, async () => {
  const outcome = await importBeside('bomb.jsonl.gz', (path) =>
    gzipTo(path, function* () {
      for (let i = 0; i < 1024; i += 1) yield Buffer.alloc(MIB, 0x20);
    }),
  );
  expect(outcome.status).toBe(2);
  expect(outcome.stderr).toMatch(/^unattended: \S+bomb\.jsonl\.gz: not in a known format \(tried [^\n]+\)\n$/u);
  expect(outcome.maxRssMiB).toBeLessThan(512);
}, 600_000);

suite.case({ input: 'import: gzip', fault: 'gzip bomb: a sign-in, 1 GiB of blank lines, a sign-in', result: 'streamed: 2 of 2 stored; < 512 MiB' }, async () => {
  const outcome = await importBeside('bomb-with-records.jsonl.gz', (path) =>
    gzipTo(path, function* () {
      yield `${line(0)}\n`;
      for (let i = 0; i < 1024; i += 1) yield Buffer.alloc(MIB, 0x0a);
      yield `${line(1)}\n`;
    }),
  );
  expect([outcome.status, outcome.stderr]).toEqual([0, '']);
  expect(outcome.hostile).toEqual({ format: 'diagnostic-jsonl', read: 2, stored: 2, quarantined: 0 });
  expect(outcome.maxRssMiB).toBeLessThan(512);
}, 600_000);

suite.case({ input: 'import: JSON document', fault: 'arrays nested 10^6 deep', result: 'exit 2, one line naming the file; < 512 MiB' }, async () => {
  const outcome = await importBeside('deep.json', (path) => writeFileSync(path, `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`));
  expect(outcome.status).toBe(2);
  expect(outcome.stderr).toMatch(/^unattended: \S+deep\.json: not in a known format \(tried [^\n]+\)\n$/u);
  expect(outcome.maxRssMiB).toBeLessThan(512);
}, 600_000);

suite.case({ input: 'import: diagnostic JSON Lines', fault: 'a line of objects nested 10^6 deep', result: 'that line quarantined, the others stored; < 512 MiB' }, async () => {
  const outcome = await importBeside('deep.jsonl', (path) => writeFileSync(path, `${line(0)}\n${'{"a":'.repeat(1_000_000)}1${'}'.repeat(1_000_000)}\n${line(1)}\n`));
  expect([outcome.status, outcome.stderr]).toEqual([0, '']);
  expect(outcome.hostile).toEqual({ format: 'diagnostic-jsonl', read: 3, stored: 2, quarantined: 1 });
  expect(outcome.maxRssMiB).toBeLessThan(512);
}, 600_000);

suite.recordResults();
