import { describe, expect, it } from 'vitest';
import { parse } from '../../core/tree-sitter.js';
import { detectSdkJavascript } from './detect.js';

async function scan(text: string) {
  const tree = await parse('typescript', text);
  try {
    return detectSdkJavascript({ path: 'src/job.ts', language: 'typescript', text, lineOffset: 5 }, { kind: 'tree', tree });
  } finally {
    tree.delete();
  }
}

describe('sdk-javascript', () => {
  it('resolves a require destructuring alias and shifts lines by the host offset', async () => {
    const findings = await scan("const { UsernamePasswordCredential: U } = require('@azure/identity');\nconst c = new U(t, '11111111-2222-3333-4444-555555555555', 'svc@contoso.com', p);\n");
    expect(findings.map((finding) => [finding.line, finding.column, finding.rule, finding.identity])).toEqual([
      [6, 15, 'sdk-javascript/username-password-credential', { kind: 'upn', value: 'svc@contoso.com' }],
    ]);
  });

  it('reads the username from an MSAL options object', async () => {
    const findings = await scan("await pca.acquireTokenByUsernamePassword({ username: 'ops@contoso.com', password: p, scopes });\n");
    expect(findings.map((finding) => [finding.rule, finding.authMethod, finding.identity])).toEqual([['sdk-javascript/msal-username-password', 'user-password', { kind: 'upn', value: 'ops@contoso.com' }]]);
  });

  it('reads @azure/msal-node config.auth through the variables holding it; a config it cannot see is not guessed', async () => {
    const findings = await scan(
      [
        "const clientId = process.env['SYNC_APP'];",
        "const auth = { clientId, clientCertificate: { thumbprintSha256: t, privateKey: k } };",
        'const config = { auth };',
        'const app = new ConfidentialClientApplication(config);',
        'const unknown = new ConfidentialClientApplication(loadConfig());',
      ].join('\n'),
    );
    expect(findings.map((finding) => [finding.line, finding.rule, finding.authMethod, finding.identity])).toEqual([
      [8, 'sdk-javascript/msal-client-certificate', 'workload-certificate', { kind: 'env-var', value: 'SYNC_APP' }],
    ]);
  });
});
