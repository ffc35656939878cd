import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from './helpers/cli-process.js';

const ROOT = resolve(import.meta.dirname, '..');
const FIXTURES = resolve(ROOT, 'test', 'fixtures', 'import');
const work = mkdtempSync(join(tmpdir(), 'unattended-import-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function cli(args: readonly string[]): Promise<CliRun> {
  return runCli(['import', ...args], { cwd: ROOT });
}

describe('unattended import (CLI)', async () => {
  it('prints the reconciliation as JSON and exits 2 naming the file in no known format', async () => {
    const notes = join(work, 'notes.txt');
    writeFileSync(notes, 'just some notes\n');
    const db = join(work, 'a.duckdb');
    const result = await cli(['--db', db, '--format', 'json', resolve(FIXTURES, 'graph-json', 'users.json'), notes]);
    expect(result.status).toBe(2);
    const summary: unknown = JSON.parse(result.stdout);
    expect(summary).toMatchObject({
      files: [
        { format: 'graph-json', read: 3, stored: 3, updated: 0, duplicates: 0, quarantined: 0, error: null },
        { format: null, read: 0, stored: 0, updated: 0, duplicates: 0, quarantined: 0 },
      ],
      totals: { directory: { read: 3, stored: 3, updated: 0, duplicates: 0, quarantined: 0 }, interactiveUser: { read: 0, stored: 0, updated: 0, duplicates: 0, quarantined: 0 } },
    });
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^unattended: .*notes\.txt: not in a known format \(tried diagnostic-jsonl, activity-log-json, resource-graph-json, loganalytics-json, graph-json, portal-csv, loganalytics-csv\)$/);
  });

  it('prints a table per file and totals by kind, exits 0, and an input --format overrides detection', async () => {
    const db = join(work, 'b.duckdb');
    const result = await cli(['--db', db, '--format', 'graph-json', resolve(FIXTURES, 'graph-json', 'users.json')]);
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^file\s+format\s+read\s+stored\s+updated\s+duplicates\s+quarantined$/);
    expect(lines[1]).toMatch(/users\.json\s+graph-json\s+3\s+3\s+0\s+0\s+0$/);
    expect(lines.at(-1)).toMatch(/^directory\s+3\s+3\s+0\s+0\s+0$/);
  });

  it('rejects an unknown --format in one line with exit 2', async () => {
    const result = await cli(['--db', join(work, 'c.duckdb'), '--format', 'xml', resolve(FIXTURES, 'graph-json', 'users.json')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^unattended: unknown --format xml \(use table or json for the output, or one of diagnostic-jsonl, activity-log-json, resource-graph-json/);
  });
});
