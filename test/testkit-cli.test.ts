import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli-process.js';

describe('unattended testkit', () => {
  it('refuses a scope that is not a subscription or resource group id, in one line, before reading anything', async () => {
    const run = await runCli(['testkit', '--db', 'no-such.duckdb', '--scope', "/subscriptions/x'; rm -rf /"]);
    expect([run.status, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toBe("unattended: --scope /subscriptions/x'; rm -rf / is not a subscription or resource group id (give --scope /subscriptions/<id> or /subscriptions/<id>/resourceGroups/<name> of a test subscription)\n");
  });
});
