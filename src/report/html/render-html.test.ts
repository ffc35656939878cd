import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fixtureAnalysis, fixtureReportInput } from '../../../test/report-fixture.js';
import { renderHtml } from './render-html.js';

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64');
}

describe('renderHtml', () => {
  const html = renderHtml(fixtureReportInput());

  it('pins its one inline script and one stylesheet by hash in a CSP that allows nothing else', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="(?<policy>[^"]+)">/u.exec(html)?.groups?.['policy'];
    const script = /<script>(?<body>[\s\S]*?)<\/script>/u.exec(html)?.groups?.['body'] ?? '';
    const style = /<style>(?<body>[\s\S]*?)<\/style>/u.exec(html)?.groups?.['body'] ?? '';
    expect(csp).toBe(
      `default-src 'none'; style-src 'sha256-${sha256(style)}'; script-src 'sha256-${sha256(script)}'; img-src data:; base-uri 'none'; form-action 'none'`.replace(/'/gu, '&#39;'),
    );
    expect(html.match(/<script/gu)).toHaveLength(2);
    expect(html.match(/<style/gu)).toHaveLength(1);
    const markup = html.replace(/<script type="application\/json" id="data">[^<]*<\/script>/u, '');
    expect(markup.length).toBeLessThan(html.length - 1000);
    expect(markup).not.toMatch(/<[a-z][^>]*\s(?:style|on[a-z]+|src|href)=/iu);
    expect(style).not.toMatch(/url\(|@import/u);
  });

  it('states the headline and the class × verdict counts', () => {
    expect(html).toContain('<p class="lead">2 failing now for want of MFA and 3 breaking on an enforcement date; of these 5, 3 are service accounts that automation signs in as.</p>');
    expect(html).toContain('<td class="num" data-class="service-account" data-verdict="breaks" tabindex="0">2</td>');
    expect(html).toContain('<td class="num" data-class="human" data-verdict="not-affected" tabindex="0">3</td>');
    expect(html).toContain('<tr class="total"><td>All</td><td class="num">2</td><td class="num">3</td><td class="num">1</td><td class="num">2</td><td class="num">5</td><td class="num">13</td></tr>');
  });

  it('draws one chart segment per non-zero class × verdict cell', () => {
    expect(html.match(/<rect class="seg-/gu)).toHaveLength(9);
    expect(html).toContain('<title>Service account · Breaks: 2 (50%)</title>');
  });

  it('lists broken identities first, then by date, service accounts before people', () => {
    const order = [...html.matchAll(/<li data-identity="(?<id>[^"]+)"/gu)].map((match) => match.groups?.['id']?.slice(-2));
    expect(order).toEqual(['02', '05', '09', '01', '10']);
  });

  it('states how much data the verdicts rest on', () => {
    expect(html).toContain('<span class="k">Records imported</span><span class="v">1,193</span><span class="note">2 batches, 5 quarantined</span>');
  });

  it('says how far away each enforcement date is from asOf', () => {
    expect(html).toContain('<span class="v">2025-03-15</span><span class="note">enforced</span>');
    expect(html).toContain('<span class="v">2026-12-15</span><span class="note">in 25 days</span>');
  });

  it('renders an empty tenant without a chart or list, saying so', () => {
    const empty = renderHtml({ ...fixtureReportInput(), analysis: fixtureAnalysis([]), scanFindings: [], imports: [] });
    expect(empty).toContain('<p class="empty">No identities to chart.</p>');
    expect(empty).toContain('<p class="empty">No identity is broken or scheduled to break.</p>');
    expect(empty).toContain('No scan findings in the store');
    expect(empty).toContain('No import batches are recorded in the store');
    expect(empty).toContain('None of 0 identities is failing now or scheduled to fail under mandatory MFA.');
  });
});
