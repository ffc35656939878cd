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

describe('sdk-java: the legacy management libraries\' UserTokenCredentials', () => {
  it('reports the constructor with the user, by simple or qualified name, and not other constructors', async () => {
    const text = [
      'class A { void f(String p) {',
      '  var a = new UserTokenCredentials("04b07795-8ddb-461a-bbee-02f9e1bf7b46", "contoso.onmicrosoft.com", "ops@contoso.com", p, AzureEnvironment.AZURE);',
      '  var b = new com.microsoft.azure.credentials.UserTokenCredentials(clientId, domain, System.getenv("JOB_USER"), p, null);',
      '  var c = new ApplicationTokenCredentials(clientId, domain, secret, AzureEnvironment.AZURE);',
      '} }',
      '',
    ].join('\n');
    const findings = await scan(text);
    expect(findings.map((finding) => [finding.line, finding.column, finding.rule, finding.identity])).toEqual([
      [2, 15, 'sdk-java/legacy-username-password', { kind: 'upn', value: 'ops@contoso.com' }],
      [3, 47, 'sdk-java/legacy-username-password', { kind: 'env-var', value: 'JOB_USER' }],
    ]);
  });
});
