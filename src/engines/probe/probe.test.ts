import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeToken } from './decode-token.js';
import { renderProbeJson, renderProbeText } from './render-probe.js';
import { probeToken, type TokenProbe } from './token-verdict.js';

// A throwaway key, made for this run: the tokens are real RS256 JWTs that nothing will ever accept.
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const NOW = Date.parse('2026-11-20T12:00:00Z') / 1000;
const CONTEXT = { asOf: '2026-11-20T12:00:00.000Z', enforcement: { phase1: '2025-03-15', phase2: '2026-12-15' } };

function jwt(claims: Record<string, unknown>): string {
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const signed = `${part({ typ: 'JWT', alg: 'RS256', kid: 'throwaway' })}.${part({ iss: `https://sts.windows.net/${TENANT}/`, tid: TENANT, iat: NOW - 600, exp: NOW + 3000, ...claims })}`;
  return `${signed}.${sign('sha256', Buffer.from(signed), privateKey).toString('base64url')}`;
}

const USER = { idtyp: 'user', upn: 'svc-deploy@contoso.example', oid: '11111111-2222-3333-4444-555555555555', appid: '04b07795-8ddb-461a-bbee-02f9e1bf7b46', scp: 'user_impersonation' };

function probe(token: string): TokenProbe {
  const decoded = decodeToken(`${token}\n`);
  if (!decoded.ok) throw new Error(decoded.problem);
  return probeToken(decoded.claims, CONTEXT);
}

function outputs(token: string): string {
  const result = probe(token);
  return renderProbeText(result) + renderProbeJson(result);
}

describe('probe', () => {
  const cases: { name: string; claims: Record<string, unknown>; verdict: string; identity: string; exitCode: number; reason: string }[] = [
    {
      name: 'user with a password only, for ARM', claims: { ...USER, aud: 'https://management.azure.com/', amr: ['pwd'] },
      verdict: 'breaks', identity: 'user', exitCode: 1, reason: 'Signs in as a user with password only: ARM writes are refused from 2026-12-15 (phase2).',
    },
    {
      name: 'user with MFA, for ARM', claims: { ...USER, aud: 'https://management.core.windows.net/', amr: ['pwd', 'mfa'] },
      verdict: 'ready', identity: 'user', exitCode: 0, reason: 'Signs in as a user with MFA (pwd, mfa): Azure Resource Manager accepts it under phase2.',
    },
    {
      name: 'user with a password only, for the portal (phase 1 has passed)', claims: { ...USER, aud: 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c', amr: ['pwd'] },
      verdict: 'breaks', identity: 'user', exitCode: 1, reason: 'Signs in as a user with password only: portal sign-ins are refused since 2025-03-15 (phase1), unless the tenant\'s enforcement is postponed.',
    },
    {
      name: 'user with a password only, for Graph', claims: { ...USER, aud: 'https://graph.microsoft.com', amr: ['pwd'] },
      verdict: 'not-affected', identity: 'user', exitCode: 0, reason: 'Signs in as a user (pwd) for Microsoft Graph, which mandatory MFA does not cover. A Conditional Access policy requiring MFA would still stop it.',
    },
    {
      name: 'app-only token', claims: { idtyp: 'app', aud: 'https://management.azure.com', appid: '9a1b2c3d-0000-4000-8000-000000000001', roles: [] },
      verdict: 'not-affected', identity: 'service-principal', exitCode: 0, reason: 'A service principal (an app-only token): mandatory MFA applies to user sign-ins only.',
    },
    {
      name: 'managed identity', claims: { idtyp: 'app', aud: 'https://management.azure.com', appid: '9a1b2c3d-0000-4000-8000-000000000002', xms_mirid: '/subscriptions/x/resourcegroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/deploy' },
      verdict: 'not-affected', identity: 'managed-identity', exitCode: 0, reason: 'A managed identity (xms_mirid names its resource): mandatory MFA applies to user sign-ins only.',
    },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => {
      const token = jwt(testCase.claims);
      const result = probe(token);
      expect([result.verdict, result.identity, result.exitCode, result.reasons[0]]).toEqual([testCase.verdict, testCase.identity, testCase.exitCode, testCase.reason]);
      expect(result.tenant).toBe(TENANT);
      expect(result.expired).toBe(false);
      // Not the token, nor its signature, nor its encoded claims.
      const [, claimsPart = '', signature = ''] = token.split('.');
      const shown = outputs(token);
      expect([shown.includes(token), shown.includes(signature), shown.includes(claimsPart)]).toEqual([false, false, false]);
    });
  }

  it('still reads an expired token, says it expired and judges the sign-in it came from', () => {
    const result = probe(jwt({ ...USER, aud: 'https://management.azure.com/', amr: ['pwd'], exp: NOW - 7200 }));
    expect([result.verdict, result.expired, result.expires, result.exitCode]).toEqual(['breaks', true, '2026-11-20T10:00:00.000Z', 1]);
    expect(result.reasons[1]).toBe('The token expired 2 h ago: it still says how that sign-in was made; probe a fresh one to judge the sign-in the job makes now.');
  });

  it('prints the claims and the verdict, and says the signature was not verified', () => {
    const text = renderProbeText(probe(jwt({ ...USER, aud: 'https://management.azure.com/', amr: ['pwd'] })));
    expect(text.split('\n').slice(0, 9)).toEqual([
      'token: signature not verified: the probe decodes the claims to judge the sign-in, it never trusts or uses the token',
      '  identity user svc-deploy@contoso.example',
      '  client   Microsoft Azure CLI 04b07795-8ddb-461a-bbee-02f9e1bf7b46',
      '  methods  pwd (password)',
      '  audience Azure Resource Manager (https://management.azure.com/)',
      `  tenant   ${TENANT}`,
      '  expires  2026-11-20T12:50:00.000Z',
      '',
      'verdict: breaks 2026-12-15 (phase2)',
    ]);
  });

  it('escapes hostile claims for the terminal', () => {
    const text = renderProbeText(probe(jwt({ ...USER, upn: 'evil\u001b[2J@contoso.example', aud: 'https://management.azure.com/', amr: ['pwd'] })));
    expect(text).toContain('  identity user evil\\u001b[2J@contoso.example\n');
    expect(text).not.toContain('\u001b');
  });

  const malformed: { name: string; input: string; problem: string }[] = [
    { name: 'empty input', input: '  \n', problem: 'empty' },
    { name: 'not three parts', input: 'abc.def', problem: 'not-a-jwt' },
    { name: 'not base64url', input: 'a*b.c*d.e', problem: 'not-a-jwt' },
    { name: 'claims not JSON', input: `${Buffer.from('{}').toString('base64url')}.${Buffer.from('not json').toString('base64url')}.sig`, problem: 'not-json' },
    { name: 'encrypted (JWE)', input: 'a.b.c.d.e', problem: 'encrypted' },
    { name: 'no tenant or audience', input: `${Buffer.from('{"alg":"RS256"}').toString('base64url')}.${Buffer.from('{"amr":["pwd"]}').toString('base64url')}.sig`, problem: 'bad-claims' },
    { name: 'too large', input: 'a'.repeat(70_000), problem: 'too-large' },
  ];
  for (const testCase of malformed) {
    it(`refuses a malformed token: ${testCase.name}`, () => {
      expect(decodeToken(testCase.input)).toEqual({ ok: false, problem: testCase.problem });
    });
  }
});
