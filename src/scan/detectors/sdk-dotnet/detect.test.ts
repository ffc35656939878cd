import { describe, expect, it } from 'vitest';
import { parse } from '../../core/tree-sitter.js';
import { detectSdkDotnet } from './detect.js';

async function scan(text: string) {
  const tree = await parse('c_sharp', text);
  try {
    return detectSdkDotnet({ path: 'src/Job.cs', language: 'c_sharp', text, lineOffset: 1 }, { kind: 'tree', tree });
  } finally {
    tree.delete();
  }
}

describe('sdk-dotnet', () => {
  it('takes a target-typed new() from its declaration and the client ID from a named argument', async () => {
    const findings = await scan('ClientSecretCredential c = new(tenantId: t, clientSecret: s, clientId: "AAAAAAAA-2222-3333-4444-555555555555");\n');
    expect(findings.map((finding) => [finding.line, finding.column, finding.rule, finding.identity])).toEqual([
      [1, 1, 'sdk-dotnet/client-secret-credential', { kind: 'client-id', value: 'aaaaaaaa-2222-3333-4444-555555555555' }],
    ]);
  });

  it('counts FromUser only on the credentials factory', async () => {
    const findings = await scan('var a = Mapper.FromUser(u);\nvar b = SdkContext.AzureCredentialsFactory.FromUser("ops@contoso.com", p, c, t, e);\n');
    expect(findings.map((finding) => [finding.line, finding.rule])).toEqual([[2, 'sdk-dotnet/legacy-username-password']]);
  });

  it('walks an MSAL.NET builder chain kept in variables back to Create(clientId) and the client ID back to its literal', async () => {
    const findings = await scan(
      [
        'const string AppId = "0A1B2C3D-0000-4000-8000-00000000000E";',
        'var b = ConfidentialClientApplicationBuilder.Create(AppId);',
        'var c = b;',
        'c = c.WithClientAssertion(ReadToken);',
        'var other = new OtherBuilder().WithClientAssertion(ReadToken);',
      ].join('\n'),
    );
    expect(findings.map((finding) => [finding.line, finding.column, finding.rule, finding.authMethod, finding.identity])).toEqual([
      [4, 7, 'sdk-dotnet/msal-client-assertion', 'workload-federation', { kind: 'client-id', value: '0a1b2c3d-0000-4000-8000-00000000000e' }],
    ]);
  });
});
