import { describe, expect, it } from 'vitest';
import { identitiesCsv } from '../src/report/csv.js';
import { renderHtml } from '../src/report/html/render-html.js';
import { terminalSummary } from '../src/report/terminal-summary.js';
import { reportBlock, reportBlocks } from './helpers/report-blocks.js';
import { HOSTILE_NAMES, fixtureAnalysis, fixtureReportInput } from './report-fixture.js';

/** Tenant display names built to break each output format; each must arrive as plain text. */
describe('hostile display names', () => {
  const input = fixtureReportInput();

  it('never appear as markup in the HTML report: they travel compressed or JSON-escaped, and come back intact', () => {
    const html = renderHtml(input);
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('</script><script>');
    expect(html).not.toContain('<b>prod</b>');
    expect(html).not.toContain('\u001b');
    expect(html.match(/<\/script>/gu)).toHaveLength(4);
    // Code findings are in the overview, as JSON with < > & escaped.
    expect(html).toContain(String.raw`"identityValue":"\u003cb\u003eprod\u003c/b\u003e"`);
    expect(html).toContain(String.raw`"fix":"=cmd|\"/c calc\"!A1"`);
    // Identities are in the gzip + base64 table block: no markup can survive base64, and the names decode exactly.
    expect(reportBlock(html, 'table-data')).toMatch(/^[A-Za-z0-9+/=]+$/u);
    expect(reportBlocks(html).table.name).toEqual(expect.arrayContaining(Object.values(HOSTILE_NAMES)));
  });

  it('are exactly the neutralised text in identities.csv', () => {
    const rows = identitiesCsv(fixtureAnalysis().identities).split('\r\n');
    expect(rows[7]).toBe('11111111-0000-0000-0000-000000000007,guest1@contoso.example,<img src=x onerror=alert(1)>,user,human,0.9,not-affected,,,none,,0');
    expect(rows[8]).toBe('11111111-0000-0000-0000-000000000008,guest2@contoso.example,</script><script>alert(1)</script>,user,human,0.9,not-affected,,,none,,0');
    expect(rows[9]).toBe(
      `11111111-0000-0000-0000-000000000009,formula@contoso.example,"'=HYPERLINK(""http://x"")",user,service-account,0.8,breaks,2026-12-15,phase2,migrate-service-principal-certificate,ARM writes without MFA. | No MFA registered.,2`,
    );
    expect(rows[10]).toBe('11111111-0000-0000-0000-000000000010,red@contoso.example,\u001b[31mred,user,human,0.9,breaks,2026-12-15,phase2,enroll-mfa,,0');
    expect(rows[11]).toBe('11111111-0000-0000-0000-000000000011,quoted@contoso.example,"""quoted, comma""",user,human,0.9,not-affected,,,none,,0');
    // The header, the fixture's 13 identities and the empty rest after the last CRLF: no hostile name split a record
    // or swallowed a line end.
    expect(fixtureAnalysis().identities).toHaveLength(13);
    expect(rows).toHaveLength(15);
    expect(rows.at(-1)).toBe('');
  });

  it('reach the terminal without an escape byte', () => {
    const text = terminalSummary(input);
    expect(text).not.toContain('\u001b');
    expect(text).toContain(String.raw`  \u001b[31mred <red@contoso.example>: breaks 2026-12-15 (human) → Enrol in MFA`);
    expect(text).toContain(`  ${HOSTILE_NAMES.formula} <formula@contoso.example>: breaks 2026-12-15 (service-account) → Migrate to a service principal with a certificate`);
  });
});
