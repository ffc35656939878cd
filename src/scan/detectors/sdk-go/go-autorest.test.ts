import { describe, expect, it } from 'vitest';
import { parse } from '../../core/tree-sitter.js';
import { detectSdkGo } from './detect.js';

async function scan(text: string) {
  const tree = await parse('go', text);
  try {
    return detectSdkGo({ path: 'cmd/job/main.go', language: 'go', text, lineOffset: 1 }, { kind: 'tree', tree });
  } finally {
    tree.delete();
  }
}

describe('sdk-go: the retired go-autorest password sign-ins', () => {
  it('reads the user from adal.NewServicePrincipalTokenFromUsernamePassword and auth.NewUsernamePasswordConfig', async () => {
    const text = [
      'package main',
      'func f(cfg adal.OAuthConfig, p string) {',
      '\tt, _ := adal.NewServicePrincipalTokenFromUsernamePassword(cfg, "04b07795-8ddb-461a-bbee-02f9e1bf7b46", "ops@contoso.com", p, resource)',
      '\tc := auth.NewUsernamePasswordConfig(os.Getenv("JOB_USER"), p, "04b07795-8ddb-461a-bbee-02f9e1bf7b46", tenant)',
      '}',
      '',
    ].join('\n');
    const findings = await scan(text);
    expect(findings.map((finding) => [finding.line, finding.column, finding.rule, finding.authMethod, finding.identity])).toEqual([
      [3, 15, 'sdk-go/adal-username-password', 'user-password', { kind: 'upn', value: 'ops@contoso.com' }],
      [4, 12, 'sdk-go/legacy-username-password', 'user-password', { kind: 'env-var', value: 'JOB_USER' }],
    ]);
  });
});
