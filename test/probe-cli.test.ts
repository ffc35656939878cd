import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli-process.js';

// `unattended probe` as a pipeline runs it: exit 1 fails the build when the identity will break, 0 lets it pass, 2 for
// a token it cannot read; the token (signed with a key made for this run) appears in no output.
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const work = mkdtempSync(join(tmpdir(), 'unattended-probe-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function tokenFile(name: string, claims: Record<string, unknown>): { path: string; token: string } {
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const signed = `${part({ typ: 'JWT', alg: 'RS256' })}.${part({ tid: '72f988bf-86f1-41af-91ab-2d7cd011db47', exp: Date.parse('2026-11-20T13:00:00Z') / 1000, ...claims })}`;
  const token = `${signed}.${sign('sha256', Buffer.from(signed), privateKey).toString('base64url')}`;
  const path = join(work, name);
  writeFileSync(path, `${token}\n`);
  return { path, token };
}

const dates = ['--as-of', '2026-11-20T12:00:00Z', '--phase1-date', '2025-03-15', '--phase2-date', '2026-12-15'];

describe('unattended probe', () => {
  it('exits 1 for a user signing in to ARM with a password only, naming the date, and never prints the token', async () => {
    const { path, token } = tokenFile('pwd.jwt', { idtyp: 'user', upn: 'svc-deploy@contoso.example', aud: 'https://management.azure.com/', amr: ['pwd'] });
    const run = await runCli(['probe', '--token-file', path, ...dates]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('\nverdict: breaks 2026-12-15 (phase2)\n  Signs in as a user with password only: ARM writes are refused from 2026-12-15 (phase2).\n');
    expect([run.stdout.includes(token), run.stderr.includes(token), run.stdout.includes(token.split('.')[2] ?? '')]).toEqual([false, false, false]);
  });

  it('exits 0 for a managed identity, in JSON too', async () => {
    const { path } = tokenFile('mi.jwt', { idtyp: 'app', appid: '9a1b2c3d-0000-4000-8000-000000000002', aud: 'https://management.azure.com', xms_mirid: '/subscriptions/x/providers/Microsoft.ManagedIdentity/userAssignedIdentities/deploy' });
    const run = await runCli(['probe', '--token-file', path, '--format', 'json', ...dates]);
    expect(run.status).toBe(0);
    const parsed: unknown = JSON.parse(run.stdout);
    expect(parsed).toMatchObject({ schemaVersion: 1, signatureVerified: false, identity: 'managed-identity', verdict: 'not-affected', expired: false });
  });

  it('exits 2 with one line for what is not a token, quoting none of it', async () => {
    const path = join(work, 'garbage.txt');
    writeFileSync(path, 'secret-looking-garbage.with.dots.and-more');
    const run = await runCli(['probe', '--token-file', path, ...dates]);
    expect([run.status, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toBe(`unattended: ${path}: the input is not a JSON Web Token (three base64url parts separated by dots) (give one access token, e.g. from az account get-access-token --query accessToken -o tsv)\n`);
  });

  it('exits 2 when stdin holds no token', async () => {
    const run = await runCli(['probe', ...dates]);
    expect([run.status, run.stderr]).toEqual([2, 'unattended: stdin: no token was given (give one access token, e.g. from az account get-access-token --query accessToken -o tsv)\n']);
  });
});
