import { describe, expect, it } from 'vitest';
import { parse } from '../../core/tree-sitter.js';
import { detectSdkJava } from './detect.js';

async function scan(text: string) {
  const tree = await parse('java', text);
  try {
    return detectSdkJava({ path: 'src/Job.java', language: 'java', text, lineOffset: 1 }, { kind: 'tree', tree });
  } finally {
    tree.delete();
  }
}

describe('sdk-java', () => {
  it('reads the username from the builder chain', async () => {
    const findings = await scan('class A { void f() {\n  var c = new UsernamePasswordCredentialBuilder().clientId(id).username("ops@contoso.com").password(p).build();\n} }\n');
    expect(findings.map((finding) => [finding.line, finding.column, finding.rule, finding.identity])).toEqual([
      [2, 15, 'sdk-java/username-password-credential', { kind: 'upn', value: 'ops@contoso.com' }],
    ]);
  });

  it('ignores builders that are not credentials', async () => {
    expect(await scan('class A { void f() { new StringBuilder().append("x"); new HttpClientBuilder().build(); } }\n')).toEqual([]);
  });

  it('takes an MSAL4J credential\'s client ID from the builder it is passed to', async () => {
    const findings = await scan(
      [
        'class Job { void run() {',
        '  String id = System.getenv("SYNC_APP");',
        '  IClientCredential c = ClientCredentialFactory.createFromSecret(System.getenv("SYNC_SECRET"));',
        '  var app = ConfidentialClientApplication.builder(id, c).build();',
        '} }',
      ].join('\n'),
    );
    expect(findings.map((finding) => [finding.line, finding.rule, finding.authMethod, finding.identity])).toEqual([
      [3, 'sdk-java/msal-client-secret', 'workload-secret', { kind: 'env-var', value: 'SYNC_APP' }],
    ]);
  });
});
