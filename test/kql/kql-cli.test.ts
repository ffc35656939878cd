import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli-process.js';
import { analyseKql } from './kusto-language.js';

describe('unattended kql', () => {
  it('prints the sizing query and one feature query per shard, each valid against the five tables', async () => {
    const run = await runCli(['kql', '--since', '2026-11-01', '--until', '2026-11-08', '--shards', '3']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const queries = run.stdout.trimEnd().split('\n\n');
    expect(queries).toHaveLength(4);
    expect(queries[0]).toMatch(/^\/\/ How many principals and sign-ins the window holds: collect splits the principals into shards of 26,000\.\nlet window_start = datetime\(2026-11-01T00:00:00\.000Z\);/u);
    expect(queries.slice(1).map((query) => /shard (?<n>\d) of 3/u.exec(query)?.groups?.['n'])).toEqual(['1', '2', '3']);
    for (const query of queries) expect(analyseKql(query)).toEqual([]);
  }, 120_000);

  it('refuses a shard count out of range in one line', async () => {
    const run = await runCli(['kql', '--shards', '0']);
    expect(run).toMatchObject({ status: 2, stdout: '', stderr: 'unattended: --shards takes a whole number from 1 to 1024 (see unattended kql --help)\n' });
  }, 120_000);
});
