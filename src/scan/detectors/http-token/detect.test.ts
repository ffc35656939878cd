import { describe, expect, it } from 'vitest';
import type { TreeSitterLanguage } from '../../core/languages.js';
import { parse } from '../../core/tree-sitter.js';
import { detectHttpToken } from './detect.js';

async function scan(language: TreeSitterLanguage, text: string) {
  const tree = await parse(language, text);
  try {
    return detectHttpToken({ path: 'x', language, text, lineOffset: 1 }, { kind: 'tree', tree });
  } finally {
    tree.delete();
  }
}

describe('http-token', () => {
  it('names the Azure CLI when a password grant uses its client ID, and reports the UPN not the password', async () => {
    const findings = await scan('python', 'u = "https://login.microsoftonline.com/t/oauth2/token"\nd = {"grant_type": "password", "client_id": "04b07795-8ddb-461a-bbee-02f9e1bf7b46", "username": "ops@contoso.com", "password": "Hunter2x"}\n');
    expect(findings.map((finding) => [finding.line, finding.column, finding.rule, finding.identity])).toEqual([[2, 6, 'http-token/password-grant', { kind: 'upn', value: 'ops@contoso.com' }]]);
    expect(findings[0]?.message).toContain('Microsoft Azure CLI');
    expect(JSON.stringify(findings)).not.toContain('Hunter2x');
  });

  it('needs an Entra token endpoint in the file', async () => {
    expect(await scan('javascript', "post('https://idp.example.com/oauth2/token', { grant_type: 'password' });\n")).toEqual([]);
  });

  it('reports a device-code poll built from a split authority', async () => {
    const findings = await scan('go', 'package main\nvar a = "https://login.microsoftonline.com/organizations"\nvar b = a + "/oauth2/v2.0/token"\nvar f = "grant_type=device_code&client_id=x"\n');
    expect(findings.map((finding) => [finding.line, finding.rule, finding.mfaImpact])).toEqual([[4, 'http-token/device-code-grant', 'needs-human']]);
  });
});
