import { describe, expect, it } from 'vitest';
import { parse } from '../../core/tree-sitter.js';
import { detectSdkPython } from './detect.js';

async function scan(text: string) {
  const tree = await parse('python', text);
  try {
    return detectSdkPython({ path: 'jobs/export.py', language: 'python', text, lineOffset: 1 }, { kind: 'tree', tree });
  } finally {
    tree.delete();
  }
}

describe('sdk-python', () => {
  it('resolves an import alias and reports the literal UPN at the call, never the password', async () => {
    const findings = await scan('from azure.identity import UsernamePasswordCredential as UPC\nc = UPC("cid", "svc@contoso.com", "Pa55@contoso.com")\n');
    expect(findings.map((finding) => [finding.line, finding.column, finding.rule, finding.mfaImpact, finding.identity])).toEqual([
      [2, 5, 'sdk-python/username-password-credential', 'breaks', { kind: 'upn', value: 'svc@contoso.com' }],
    ]);
    expect(JSON.stringify(findings)).not.toContain('Pa55');
  });

  it('names the environment variable a keyword username comes from', async () => {
    const findings = await scan('import msal\napp.acquire_token_by_username_password(username=os.environ["SVC_USER"], password=p, scopes=s)\n');
    expect(findings.map((finding) => [finding.rule, finding.identity])).toEqual([['sdk-python/msal-username-password', { kind: 'env-var', value: 'SVC_USER' }]]);
  });

  it('does not report strings, comments or look-alike names', async () => {
    expect(await scan('# UsernamePasswordCredential(a, b, c)\nx = "UsernamePasswordCredential(a, b, c)"\nmy_UsernamePasswordCredential(a)\n')).toEqual([]);
  });

  it('classifies an MSAL confidential client by its client_credential, followed through variables, and names the client ID\'s source', async () => {
    const findings = await scan(
      [
        'import msal, os',
        'cid = os.environ["SYNC_APP"]',
        'cred = {"private_key": key, "thumbprint": t}',
        'a = msal.ConfidentialClientApplication(cid, client_credential=cred)',
        'b = msal.ConfidentialClientApplication(cid, "Planted-Secret-2")',
      ].join('\n'),
    );
    expect(findings.map((finding) => [finding.line, finding.rule, finding.authMethod, finding.identity])).toEqual([
      [4, 'sdk-python/msal-client-certificate', 'workload-certificate', { kind: 'env-var', value: 'SYNC_APP' }],
      [5, 'sdk-python/msal-client-secret', 'workload-secret', { kind: 'env-var', value: 'SYNC_APP' }],
    ]);
    expect(JSON.stringify(findings)).not.toContain('Planted-Secret-2');
  });
});
