import { describe, expect, it } from 'vitest';
import { detectAnsible } from './detect.js';

function scan(text: string) {
  return detectAnsible({ path: 'site.yml', language: 'yaml', text, lineOffset: 1 }, { kind: 'text' });
}

describe('ansible', () => {
  it('reports ad_user + password with the Jinja variable as identity and never the password', () => {
    const findings = scan('- hosts: all\n  tasks:\n    - azure_rm_resourcegroup_info:\n        ad_user: "{{ svc_user }}"\n        password: Literal-Pa55\n');
    expect(findings.map((finding) => [finding.line, finding.column, finding.rule, finding.identity])).toEqual([[4, 9, 'ansible/ad-user-password', { kind: 'secret-ref', value: 'svc_user' }]]);
    expect(JSON.stringify(findings)).not.toContain('Pa55');
  });

  it('ignores mapping-rooted YAML that is not the inventory plugin', () => {
    expect(scan('jobs:\n  x:\n    azure_rm_resourcegroup_info:\n      ad_user: a@b.com\n      password: p\n')).toEqual([]);
  });

  it('reports module_defaults once per group or module, at play and block level, and leaves other collections alone', () => {
    const findings = scan(
      [
        '- hosts: localhost',
        '  module_defaults:',
        '    group/azure.azcollection.azure:',
        '      ad_user: ops@contoso.com',
        '      password: "{{ p }}"',
        '    group/community.mysql.mysql:',
        '      ad_user: not-azure',
        '      password: x',
        '  tasks:',
        '    - module_defaults:',
        '        azure_rm_resourcegroup:',
        '          auth_source: msi',
        '      block:',
        '        - azure_rm_resourcegroup: { name: rg }',
      ].join('\n'),
    );
    expect(findings.map((finding) => [finding.line, finding.column, finding.rule, finding.identity?.value ?? null])).toEqual([
      [4, 7, 'ansible/ad-user-password', 'ops@contoso.com'],
      [12, 11, 'ansible/managed-identity', null],
    ]);
  });
});
