import { describe, expect, it } from 'vitest';
import { detectPulumi } from './detect.js';

function scan(text: string) {
  return detectPulumi({ path: 'Pulumi.prod.yaml', language: 'yaml', text, lineOffset: 1 }, { kind: 'text' });
}

describe('pulumi', () => {
  it('reports the secret key with the literal client ID, one finding per provider namespace', () => {
    const findings = scan('config:\n  azure-native:clientId: 66666666-7777-8888-9999-000000000000\n  azure-native:clientSecret:\n    secure: abc\n  azuread:location: x\n');
    expect(findings.map((finding) => [finding.line, finding.column, finding.rule, finding.identity])).toEqual([
      [3, 3, 'pulumi/client-secret', { kind: 'client-id', value: '66666666-7777-8888-9999-000000000000' }],
      [5, 3, 'pulumi/azure-cli-default', null],
    ]);
  });

  it('does not count useMsi: false', () => {
    expect(scan('config:\n  azure:useMsi: false\n  azure:useCli: false\n')).toEqual([]);
  });
});
