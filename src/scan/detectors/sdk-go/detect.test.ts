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

describe('sdk-go', () => {
  it('reports NewUsernamePasswordCredential with the literal UPN', async () => {
    const findings = await scan('package main\nfunc f() {\n\tc, _ := azidentity.NewUsernamePasswordCredential(t, "cid", "ops@contoso.com", p, nil)\n}\n');
    expect(findings.map((finding) => [finding.line, finding.column, finding.rule, finding.identity])).toEqual([
      [3, 21, 'sdk-go/username-password-credential', { kind: 'upn', value: 'ops@contoso.com' }],
    ]);
  });

  it('switches NewDefaultAzureCredential to ROPC when the file sets both variables', async () => {
    const findings = await scan('package main\nfunc f() {\n\tos.Setenv("AZURE_USERNAME", u)\n\tos.Setenv("AZURE_PASSWORD", p)\n\tc, _ := azidentity.NewDefaultAzureCredential(nil)\n}\n');
    expect(findings.map((finding) => [finding.line, finding.rule, finding.mfaImpact])).toEqual([[5, 'sdk-go/default-credential-user-password', 'breaks']]);
  });

  it('takes an MSAL Go credential\'s client ID from the confidential.New that receives it', async () => {
    const findings = await scan(
      [
        'package main',
        'const appID = "0a1b2c3d-0000-4000-8000-00000000000f"',
        'func main() {',
        '  cred, err := confidential.NewCredFromSecret(os.Getenv("SYNC_SECRET"))',
        '  app, err := confidential.New(authority, appID, cred)',
        '}',
      ].join('\n'),
    );
    expect(findings.map((finding) => [finding.line, finding.rule, finding.authMethod, finding.identity])).toEqual([
      [4, 'sdk-go/msal-client-secret', 'workload-secret', { kind: 'client-id', value: '0a1b2c3d-0000-4000-8000-00000000000f' }],
    ]);
  });
});
