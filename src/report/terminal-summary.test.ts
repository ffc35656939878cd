import { describe, expect, it } from 'vitest';
import { fixtureAnalysis, fixtureReportInput } from '../../test/report-fixture.js';
import { terminalSummary } from './terminal-summary.js';

describe('terminalSummary', () => {
  it('prints the counts and the five most urgent identities', () => {
    expect(terminalSummary(fixtureReportInput())).toBe(
      [
        '13 identities: 2 broken, 3 breaks, 1 at risk, 2 ready, 5 not affected; 3 code findings.',
        '  svc-deploy-legacy <svc-deploy-legacy@contoso.example>: failing now (service-account) → Migrate to workload identity federation',
        '  Break glass 2 <bg-password@contoso.example>: failing now (break-glass) → Enrol in phishing-resistant MFA',
        '  =HYPERLINK("http://x") <formula@contoso.example>: breaks 2026-12-15 (service-account) → Migrate to a service principal with a certificate',
        '  svc-vm-cli <svc-vm-cli@contoso.example>: breaks 2026-12-15 (service-account) → Migrate to a managed identity',
        String.raw`  \u001b[31mred <red@contoso.example>: breaks 2026-12-15 (human) → Enrol in MFA`,
        '',
      ].join('\n'),
    );
  });

  it('counts the urgent identities it had no room for', () => {
    const identities = fixtureAnalysis().identities.map((identity) => (identity.verdict === 'ready' ? { ...identity, verdict: 'broken' as const } : identity));
    const text = terminalSummary({ ...fixtureReportInput(), analysis: fixtureAnalysis(identities) });
    expect(text.split('\n').at(-2)).toBe('  … and 2 more broken or breaking in the report.');
  });
});
