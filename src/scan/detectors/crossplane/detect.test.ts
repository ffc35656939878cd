import { describe, expect, it } from 'vitest';
import { detectCrossplane } from './detect.js';

describe('crossplane', () => {
  it('reports the credential source with the secret reference as identity', () => {
    const text = 'apiVersion: azure.upbound.io/v1beta1\nkind: ProviderConfig\nspec:\n  credentials:\n    source: Secret\n    secretRef: { namespace: cs, name: azure-creds, key: creds }\n';
    const findings = detectCrossplane({ path: 'pc.yaml', language: 'yaml', text, lineOffset: 1 }, { kind: 'text' });
    expect(findings.map((finding) => [finding.line, finding.column, finding.rule, finding.identity])).toEqual([[5, 5, 'crossplane/secret', { kind: 'secret-ref', value: 'cs/azure-creds' }]]);
  });
});
