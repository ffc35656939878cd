import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { GateFinding, GateResult } from '../../model/gate.js';
import type { GateReportInput } from './gate-report-input.js';
import { GATE_REPORTERS } from './registry.js';

const FINDINGS: GateFinding[] = [
  { rule: 'identity-without-owner', level: 'error', subject: 'svc-a@contoso.com', message: 'svc-a@contoso.com (service-account, breaks 2026-12-15) has no owner', file: 'unattended.yaml', line: 4, identityId: 'id-a' },
  { rule: 'breaking-automation-not-excepted', level: 'error', subject: 'jobs/run.sh:2', message: 'jobs/run.sh:2 signs in as svc-b@contoso.com with a password | =cmd', file: 'jobs/run.sh', line: 2, identityId: null },
  { rule: 'exception-expiring', level: 'warning', subject: 'svc-c@contoso.com', message: 'the exception for svc-c@contoso.com expires 2026-11-27, in 7 days', file: 'unattended.yaml', line: 12, identityId: 'id-c' },
];

function input(findings: GateFinding[], passed: boolean): GateReportInput {
  const result: GateResult = { passed, asOf: '2026-11-20T23:00:00.000Z', policyPath: 'unattended.yaml', hasStore: true, baseline: { id: 3, takenAt: '2026-11-19T10:00:00.000Z' }, findings };
  return {
    result, identityCount: 5, toolVersion: '0.1.0',
    rules: [
      { id: 'identity-without-owner', level: 'error', summary: 'Every service account has an owner.' },
      { id: 'breaking-automation-not-excepted', level: 'error', summary: 'Breaking code is covered by an exception.' },
      { id: 'exception-expiring', level: 'warning', summary: 'No exception expires soon.' },
      { id: 'exception-expired', level: 'error', summary: 'No exception has expired.' },
    ],
  };
}

function render(format: 'table' | 'markdown' | 'sarif' | 'json', findings: GateFinding[], passed: boolean): string {
  const reporter = GATE_REPORTERS.get(format);
  if (!reporter) throw new Error(`no reporter for ${format}`);
  return reporter(input(findings, passed));
}

describe('check reporters', () => {
  it('table: verdict, what was judged, problems under their rule, warnings apart', () => {
    expect(render('table', FINDINGS, false)).toBe([
      'unattended check: FAILED, 2 problems; 1 warning',
      '  policy unattended.yaml; 5 identities as of 2026-11-20T23:00:00.000Z; baseline snapshot 3 (2026-11-19T10:00:00.000Z)',
      '',
      '  identity-without-owner (1)',
      '    unattended.yaml:4  svc-a@contoso.com (service-account, breaks 2026-12-15) has no owner',
      '  breaking-automation-not-excepted (1)',
      '    jobs/run.sh:2  jobs/run.sh:2 signs in as svc-b@contoso.com with a password | =cmd',
      '',
      'warnings',
      '  exception-expiring (1)',
      '    unattended.yaml:12  the exception for svc-c@contoso.com expires 2026-11-27, in 7 days',
      '',
    ].join('\n'));
  });

  it('markdown: a pull-request comment whose table a hostile message cannot break', () => {
    expect(render('markdown', FINDINGS, false)).toBe([
      '### ❌ unattended check failed: 2 problems',
      '',
      '| | rule | what | where |',
      '|---|---|---|---|',
      // Markdown's specials are escaped and a mention is broken with a zero-width space: a table cell stays one cell.
      '| ❌ | `identity-without-owner` | svc\\-a@\u200bcontoso\\.com \\(service\\-account, breaks 2026\\-12\\-15\\) has no owner | `unattended.yaml:4` |',
      '| ❌ | `breaking-automation-not-excepted` | jobs/run\\.sh:2 signs in as svc\\-b@\u200bcontoso\\.com with a password \\| =cmd | `jobs/run.sh:2` |',
      '| ⚠️ | `exception-expiring` | the exception for svc\\-c@\u200bcontoso\\.com expires 2026\\-11\\-27, in 7 days | `unattended.yaml:12` |',
      '',
      '<sub>policy `unattended.yaml` · 5 identities as of 2026\\-11\\-20T23:00:00\\.000Z · baseline snapshot 3</sub>',
      '',
    ].join('\n'));
    expect(render('markdown', [], true)).toBe('### ✅ unattended check passed\n\n<sub>policy `unattended.yaml` · 5 identities as of 2026\\-11\\-20T23:00:00\\.000Z · baseline snapshot 3</sub>\n');
  });

  it('sarif: one result per finding at its file and line, only the cited rules, indexes that match', () => {
    const location = z.object({ physicalLocation: z.object({ artifactLocation: z.object({ uri: z.string() }), region: z.object({ startLine: z.number() }) }) });
    const sarif = z.object({
      version: z.string(),
      runs: z.array(z.object({ tool: z.object({ driver: z.object({ rules: z.array(z.object({ id: z.string() })) }) }), results: z.array(z.object({ ruleId: z.string(), ruleIndex: z.number(), level: z.string(), locations: z.array(location) })) })),
    }).parse(JSON.parse(render('sarif', FINDINGS, false)));
    const run = sarif.runs[0];
    expect(sarif.version).toBe('2.1.0');
    expect(run?.tool.driver.rules.map((rule) => rule.id)).toEqual(['identity-without-owner', 'breaking-automation-not-excepted', 'exception-expiring']);
    expect(run?.results.map((r) => [r.ruleId, r.ruleIndex, r.level, r.locations[0]?.physicalLocation.artifactLocation.uri, r.locations[0]?.physicalLocation.region.startLine])).toEqual([
      ['identity-without-owner', 0, 'error', 'unattended.yaml', 4],
      ['breaking-automation-not-excepted', 1, 'error', 'jobs/run.sh', 2],
      ['exception-expiring', 2, 'warning', 'unattended.yaml', 12],
    ]);
  });

  it('json: the verdict, the count of problems and every finding', () => {
    const json = z.record(z.string(), z.unknown()).parse(JSON.parse(render('json', FINDINGS, false)));
    expect({ ...json, findings: undefined }).toEqual({
      schemaVersion: 1, passed: false, asOf: '2026-11-20T23:00:00.000Z', policy: 'unattended.yaml', hasStore: true, identities: 5,
      baseline: { id: 3, takenAt: '2026-11-19T10:00:00.000Z' }, problems: 2, findings: undefined,
    });
    expect(json['findings']).toEqual(FINDINGS.map(({ rule, level, subject, message, file, line, identityId }) => ({ rule, level, subject, message, file, line, identityId })));
  });
});
