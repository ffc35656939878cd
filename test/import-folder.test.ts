import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runCli } from './helpers/cli-process.js';
import { failWithoutPrerequisite } from './helpers/prerequisite.js';
import { SHARED_SAMPLES, sharedSamples } from './helpers/shared-samples.js';

const ROOT = resolve(import.meta.dirname, '..');
const FOLDER = resolve(ROOT, 'test', 'fixtures', 'import', 'folder-with-docs');
const SAMPLES = SHARED_SAMPLES;
const work = mkdtempSync(join(tmpdir(), 'unattended-import-folder-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const summarySchema = z.object({
  files: z.array(z.object({ path: z.string(), format: z.string().nullable(), read: z.number(), stored: z.number(), updated: z.number(), duplicates: z.number(), quarantined: z.number(), error: z.string().nullable() })),
  skipped: z.number(),
  skippedFiles: z.array(z.object({ path: z.string(), reason: z.string(), folder: z.boolean() })),
});

/** The committed fixture plus what git cannot hold: a `.git/` folder and a `.DS_Store`. */
function folderCopy(name: string): string {
  const dir = join(work, name);
  cpSync(FOLDER, dir, { recursive: true });
  mkdirSync(join(dir, '.git', 'objects'), { recursive: true });
  writeFileSync(join(dir, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  writeFileSync(join(dir, '.DS_Store'), Buffer.from([0, 0, 0, 1, 0x42, 0x75, 0x64, 0x31]));
  return dir;
}

const SKIP_NOTES = [
  'unattended: skipped .DS_Store (Finder metadata, never a log)',
  'unattended: skipped .git/ (a git folder, never a log)',
  'unattended: skipped LICENSE (a licence, never a log)',
  'unattended: skipped README.md (Markdown text, never a log)',
  'unattended: skipped docs/screenshot.png (an image, never a log)',
  'unattended: skipped exports/notes.txt (plain text, never a log)',
];

describe('unattended import of a folder (CLI)', () => {
  it('skips what can never be a log with one note each, counts it, imports the data and exits 0', async () => {
    const dir = folderCopy('clean');
    const result = await runCli(['import', '--db', join(work, 'clean.duckdb'), '--format', 'json', '.'], { cwd: dir });
    expect(result.stderr.trim().split('\n')).toEqual(SKIP_NOTES);
    expect(result.status).toBe(0);
    const summary = summarySchema.parse(JSON.parse(result.stdout));
    expect(summary.files.map((file) => [file.path, file.format, file.read, file.stored, file.duplicates, file.quarantined, file.error])).toEqual([
      ['exports/activity.jsonl', 'diagnostic-jsonl', 5, 5, 0, 0, null],
      ['exports/users.json', 'graph-json', 3, 3, 0, 0, null],
    ]);
    expect(summary.skipped).toBe(6);
    expect(summary.skippedFiles).toEqual([
      { path: '.DS_Store', reason: 'Finder metadata', folder: false },
      { path: '.git', reason: 'a git folder', folder: true },
      { path: 'LICENSE', reason: 'a licence', folder: false },
      { path: 'README.md', reason: 'Markdown text', folder: false },
      { path: 'docs/screenshot.png', reason: 'an image', folder: false },
      { path: 'exports/notes.txt', reason: 'plain text', folder: false },
    ]);
  });

  it('says how many entries it skipped under the table', async () => {
    const dir = folderCopy('table');
    const result = await runCli(['import', '--db', join(work, 'table.duckdb'), '.'], { cwd: dir });
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines.slice(1, 3).map((line) => line.split(/\s+/u))).toEqual([
      ['exports/activity.jsonl', 'diagnostic-jsonl', '5', '5', '0', '0', '0'],
      ['exports/users.json', 'graph-json', '3', '3', '0', '0', '0'],
    ]);
    expect(lines.at(-1)).toBe('skipped 6 never-log entries (listed on stderr)');
  });

  it('still fails a data file it cannot read, in one line with its line number, and exits 2 while the rest lands', async () => {
    const dir = folderCopy('broken');
    writeFileSync(join(dir, 'exports', 'broken.json'), '{"value": [{"id": "a", ');
    const whole = gzipSync(readFileSync(join(dir, 'exports', 'users.json')));
    writeFileSync(join(dir, 'exports', 'users-copy.json.gz'), whole.subarray(0, Math.floor(whole.length / 2)));
    writeFileSync(join(dir, 'exports', 'table.csv'), 'a,b\n1,2\n');
    const result = await runCli(['import', '--db', join(work, 'broken.duckdb'), '--format', 'json', '.'], { cwd: dir });
    expect(result.status).toBe(2);
    const stderr = result.stderr.trim().split('\n');
    expect(stderr.slice(0, SKIP_NOTES.length)).toEqual(SKIP_NOTES);
    expect(stderr.slice(SKIP_NOTES.length)).toEqual([
      'unattended: exports/broken.json: truncated JSON: the file ends inside the document (line 1); 0 records before it were read',
      'unattended: exports/table.csv: not in a known format (tried diagnostic-jsonl, activity-log-json, resource-graph-json, loganalytics-json, graph-json, portal-csv, loganalytics-csv)',
      'unattended: exports/users-copy.json.gz: truncated or corrupt gzip: unexpected end of file; truncated JSON: the file ends inside the document (line 4); 0 records before it were read',
    ]);
    const summary = summarySchema.parse(JSON.parse(result.stdout));
    const stored = Object.fromEntries(summary.files.map((file) => [file.path, file.stored]));
    expect(stored).toEqual({ 'exports/activity.jsonl': 5, 'exports/broken.json': 0, 'exports/table.csv': 0, 'exports/users-copy.json.gz': 0, 'exports/users.json': 3 });
    expect(summary.skipped).toBe(6);
  });

  it('tries a file named on the command line even when a folder walk would skip it', async () => {
    const dir = folderCopy('named');
    const result = await runCli(['import', '--db', join(work, 'named.duckdb'), '--format', 'json', 'README.md'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toMatch(/^unattended: README\.md: not in a known format/u);
    expect(summarySchema.parse(JSON.parse(result.stdout)).skipped).toBe(0);
  });
});

describe.skipIf(sharedSamples.skip)('unattended import of the shared Microsoft samples folder (CLI)', () => {
  failWithoutPrerequisite(sharedSamples);
  it('imports the five JSONL files, skips README.md and the licence, and exits 0', async () => {
    const result = await runCli(['import', '--db', join(work, 'samples.duckdb'), '--format', 'json', SAMPLES], { cwd: work });
    expect(result.status).toBe(0);
    expect(result.stderr.trim().split('\n')).toEqual([
      `unattended: skipped ${SAMPLES}/LICENSE-Apache-2.0.txt (a licence, never a log)`,
      `unattended: skipped ${SAMPLES}/README.md (Markdown text, never a log)`,
    ]);
    const summary = summarySchema.parse(JSON.parse(result.stdout));
    expect(summary.files.map((file) => [file.path.split('/').pop(), file.read, file.stored, file.duplicates, file.quarantined, file.error])).toEqual([
      ['audit_logs.jsonl', 22, 22, 0, 0, null],
      ['managed_identity_sign_in_logs.jsonl', 24, 23, 1, 0, null],
      ['non_interactive_user_sign_in_logs.jsonl', 14, 14, 0, 0, null],
      ['service_principal_sign_in_logs.jsonl', 25, 25, 0, 0, null],
      ['sign_in_logs.jsonl', 5, 5, 0, 0, null],
    ]);
    expect([summary.skipped, summary.skippedFiles.map((skip) => skip.path.split('/').pop())]).toEqual([2, ['LICENSE-Apache-2.0.txt', 'README.md']]);
  });
});
