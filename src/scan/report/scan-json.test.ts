import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ScanFinding } from '../../model/scan-finding.js';
import { scanJsonReporter } from './scan-json.js';
import { scanTableReporter } from './scan-table.js';

const finding: ScanFinding = {
  fix: 'f',
  message: 'm',
  rule: 'shell/az-login-user-password',
  identity: { value: 'ops@contoso.com', kind: 'upn' },
  mfaImpact: 'breaks',
  authMethod: 'user-password',
  ecosystem: 'azure-cli',
  column: 1,
  line: 2,
  file: 'deploy.sh',
};
const input = {
  result: { findings: [finding, { ...finding, file: 'x\u001b[2J.sh', identity: null, mfaImpact: 'safe' as const, authMethod: 'managed-identity' as const, rule: 'shell/az-login-managed-identity' }], skipped: [{ file: 'big.bin', reason: 'larger than 5 MB (6.0 MB)' }, { file: 'a.png', reason: 'binary' }], filesSeen: 10, filesParsed: 2 },
  rules: new Map(),
  root: null,
  toolVersion: '0.1.0',
};

describe('scan JSON', () => {
  it('writes the DESIGN.md contract: schemaVersion, findings with keys in contract order', () => {
    const text = scanJsonReporter(input);
    // Records keep the keys in the order the text has them (an object schema would reorder them).
    const object = z.record(z.string(), z.unknown());
    const parsed = object.parse(JSON.parse(text));
    expect(Object.keys(parsed)).toEqual(['schemaVersion', 'findings']);
    expect(parsed['schemaVersion']).toBe(1);
    const findings = z.array(object).parse(parsed['findings']);
    // Whatever order the finding objects were built in (the fixture's is reversed), the output follows the contract.
    const contractOrder = ['file', 'line', 'column', 'ecosystem', 'authMethod', 'mfaImpact', 'identity', 'rule', 'message', 'fix'];
    expect(findings.map((finding) => Object.keys(finding))).toEqual([contractOrder, contractOrder]);
    expect(Object.keys(object.parse(findings[0]?.['identity']))).toEqual(['kind', 'value']);
    expect(findings[1]?.['identity']).toBeNull();
  });
});

const resolved: ScanFinding = {
  ...finding,
  line: 5,
  rule: 'shell/az-deployment-ambient',
  message: 'az deployment group create deploys with the Azure CLI login it inherits; resolved to the login at line 2 (user-password as ops@contoso.com)',
  resolvedFrom: { line: 2, authMethod: 'user-password' },
};

describe('scan JSON resolvedFrom', () => {
  it('is written after fix on a resolved step only, with the login\'s line and method', () => {
    const parsed: unknown = JSON.parse(scanJsonReporter({ ...input, result: { ...input.result, findings: [finding, resolved] } }));
    const findings = z.object({ findings: z.array(z.record(z.string(), z.unknown())) }).parse(parsed).findings;
    expect(findings.map((entry) => Object.keys(entry).at(-1))).toEqual(['fix', 'resolvedFrom']);
    expect(findings[1]?.['resolvedFrom']).toEqual({ line: 2, authMethod: 'user-password' });
  });
});

describe('scan table', () => {
  it('shows the line a resolved step\'s method comes from', () => {
    const lines = scanTableReporter({ ...input, result: { ...input.result, findings: [finding, resolved] } }).split('\n');
    expect(lines[2]).toBe('deploy.sh:5:1  user-password (line 2)  breaks  upn ops@contoso.com  shell/az-deployment-ambient');
  });

  it('aligns columns, neutralises terminal escapes and summarises impact and skips', () => {
    expect(scanTableReporter(input)).toBe(
      [
        'LOCATION           METHOD            IMPACT  IDENTITY             RULE',
        'deploy.sh:2:1      user-password     breaks  upn ops@contoso.com  shell/az-login-user-password',
        'x\\u001b[2J.sh:2:1  managed-identity  safe    -                    shell/az-login-managed-identity',
        '',
        '2 findings (1 breaks, 1 safe); 10 files seen, 2 parsed; 2 files skipped (1 larger than 5 MB, 1 binary).',
        '',
      ].join('\n'),
    );
  });
});
