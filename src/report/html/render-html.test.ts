import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sortIdentities } from '../../engines/identity-order.js';
import { fixtureAnalysis, fixtureIdentities, fixtureReportInput, HOSTILE_NAMES } from '../../../test/report-fixture.js';
import { reportBlock as block, reportBlocks } from '../../../test/helpers/report-blocks.js';
import { renderHtml } from './render-html.js';

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64');
}

const WEEK = Array.from({ length: 168 }, (_, hour) => (hour % 24 >= 8 && hour % 24 < 18 && hour < 120 ? 3 : 0));

describe('renderHtml', () => {
  const html = renderHtml(fixtureReportInput(fixtureAnalysis(), new Map([['11111111-0000-0000-0000-000000000001', WEEK]])));

  it('pins its one script and one stylesheet by hash in a CSP that allows nothing else, and carries three data blocks', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="(?<policy>[^"]+)">/u.exec(html)?.groups?.['policy'];
    const script = /<script>(?<body>[\s\S]*?)<\/script>/u.exec(html)?.groups?.['body'] ?? '';
    const style = /<style>(?<body>[\s\S]*?)<\/style>/u.exec(html)?.groups?.['body'] ?? '';
    expect(csp).toBe(`default-src 'none'; style-src 'sha256-${sha256(style)}'; script-src 'sha256-${sha256(script)}'; img-src data:; base-uri 'none'; form-action 'none'`.replace(/'/gu, '&#39;'));
    expect(script.length).toBeGreaterThan(100_000);
    expect(html.match(/<script/gu)).toHaveLength(4);
    expect(html.match(/<\/script>/gu)).toHaveLength(4);
    expect(html.match(/<style/gu)).toHaveLength(1);
    expect([...html.matchAll(/<script type="(?<type>[^"]+)" id="(?<id>[^"]+)"/gu)].map((m) => `${m.groups?.['type']} #${m.groups?.['id']}`)).toEqual([
      'text/plain #table-data', 'application/json #overview-data', 'text/plain #detail-data',
    ]);
    // The details come after the script: the page is drawn while the browser still parses them.
    expect(html.indexOf('id="detail-data"')).toBeGreaterThan(html.indexOf('<script>'));
    const markup = html.replace(/<script[\s\S]*?<\/script>/gu, '');
    expect(markup).not.toMatch(/<[a-z][^>]*\s(?:style|on[a-z]+|src|href)=/iu);
    expect(style).not.toMatch(/url\(|@import/u);
  });

  it('embeds the table as columns in the contract\'s order, few-valued texts coded', () => {
    const { table } = reportBlocks(html);
    expect(table.count).toBe(13);
    expect(table.id.map((id) => id.slice(-2))).toEqual(['05', '02', '09', '10', '01', '03', '06', '04', '12', '07', '08', '11', '13']);
    expect(table.name).toContain(HOSTILE_NAMES.script);
    expect(table.verdict).toEqual({ values: ['broken', 'breaks', 'at-risk', 'ready', 'not-affected'], codes: [0, 0, 1, 1, 1, 2, 3, 3, 4, 4, 4, 4, 4] });
    expect(table.owner).toEqual({ values: ['Platform team'], codes: [-1, -1, -1, -1, 0, -1, -1, -1, -1, -1, -1, -1, -1] });
    expect(table.confidence).toEqual([90, 90, 80, 90, 94, 90, 90, 90, 100, 90, 90, 90, 100]);
    expect(table.automation).toEqual([0, 1, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    // Where each identity's details are: all in the first chunk, in the table's order (identities held in memory).
    expect(table.detailChunk).toEqual(new Array<number>(13).fill(0));
    expect(table.detailPosition).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('embeds each identity\'s details, with its sign-in rhythm, in chunks', () => {
    const { chunks } = reportBlocks(html);
    expect(chunks).toHaveLength(1);
    const [chunk] = chunks;
    if (!chunk) throw new Error('no chunk');
    expect(chunk.details).toHaveLength(13);
    const [evidence, reasons, automation, why, hourOfWeek, plan, owner, exception] = chunk.details[4] ?? [];
    const text = (at: number): string => chunk.texts[at] ?? '';
    expect(evidence?.map(([signal, detail, weight]) => [text(signal), text(detail), weight])).toEqual([
      ['ropc-protocol', '720 of 720 sign-ins used the resource-owner password grant.', 0.35],
      ['periodic-schedule', 'Signs in every 60 minutes, 24×7.', 0.3],
      ['azure-asn', 'All sign-ins from ASN 8075 (Microsoft Azure).', 0.2],
      ['has-licence', 'Holds one licence.', -0.05],
    ]);
    expect(reasons?.map(text)).toEqual(['212 ARM writes without MFA (amr pwd) between 2026-10-22 and 2026-11-20, e.g. Microsoft.Compute/virtualMachines/write.']);
    expect(automation?.map(([file, line, method]) => [text(file), line, text(method)])).toEqual([['scripts/rotate-vms.sh', 12, 'user-password']]);
    expect(text(why ?? -1)).toBe('Runs on an Azure VM: a system-assigned managed identity needs no secret.');
    expect(hourOfWeek).toEqual(WEEK);
    expect(plan).toBeNull();
    expect(owner?.map(([key, value]) => [text(key), text(value)])).toEqual([['Team', 'Platform team'], ['Matched by', 'upn: svc-vm-cli@contoso.example']]);
    expect(exception).toBeNull();
    // Without a histogram, none; every text of the chunk stored once.
    expect(chunk.details[0]?.[4]).toBeNull();
    expect(new Set(chunk.texts).size).toBe(chunk.texts.length);
  });

  it('puts 256 identities in a chunk, each a line of its own', () => {
    const [template] = fixtureIdentities();
    if (!template) throw new Error('fixture');
    const many = Array.from({ length: 600 }, (_, at) => ({ ...template, id: `id-${String(at).padStart(4, '0')}`, upn: `u${String(at).padStart(4, '0')}@x`, reasons: [`Reason ${at}.`] }));
    const big = renderHtml(fixtureReportInput(fixtureAnalysis(many)));
    const { chunks } = reportBlocks(big);
    expect(block(big, 'detail-data').split('\n')).toHaveLength(4);
    expect(chunks.map((chunk) => chunk.details.length)).toEqual([256, 256, 88]);
    const detail = chunks[1]?.details[44];
    expect(detail?.[1].map((at) => chunks[1]?.texts[at])).toEqual(['Reason 300.']);
  });

  it('states the overview the views draw: counts, timeline, owners, coverage, code findings', () => {
    const json = block(html, 'overview-data');
    expect(json).not.toMatch(/[<>&\u2028\u2029]/u);
    const { overview } = reportBlocks(html);
    expect(overview).toMatchObject({
      schemaVersion: 1, tenantId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee', asOf: '2026-11-20T23:59:59Z', generatedAt: '2026-11-21T08:00:00Z', total: 13,
      byVerdict: { broken: 2, breaks: 3, 'at-risk': 1, ready: 2, 'not-affected': 5 },
      serviceAccounts: { total: 4, broken: 1, breaks: 2, atRisk: 1, firstBreak: '2026-12-15' },
      coverage: { batches: 2, read: 1213, stored: 1193, quarantined: 5, folder: 'exports/' },
      scan: { total: 3, breaking: 1 },
    });
    expect(overview.owners.map((owner) => owner.owner)).toEqual(['Platform team', null]);
    expect(overview.scan.findings[2]?.identityValue).toBe('<b>prod</b>');
  });

  it('renders an empty tenant: no rows, no details, an overview of zeros', () => {
    const empty = renderHtml({ ...fixtureReportInput(fixtureAnalysis([])), scanFindings: [], imports: [] });
    expect(block(empty, 'detail-data')).toBe('');
    const blocks = reportBlocks(empty);
    expect([blocks.table.count, blocks.chunks]).toEqual([0, []]);
    expect(blocks.overview).toMatchObject({ total: 0, timeline: [], owners: [], scan: { total: 0, findings: [] }, coverage: { batches: 0 } });
  });

  it('is the same bytes for the same input', () => {
    const input = fixtureReportInput({ ...fixtureAnalysis(), identities: sortIdentities(fixtureIdentities()) });
    expect(renderHtml(input)).toBe(renderHtml(fixtureReportInput()));
  });
});
