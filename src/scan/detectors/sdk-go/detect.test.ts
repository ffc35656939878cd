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
});
