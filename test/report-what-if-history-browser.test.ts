import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sortIdentities } from '../src/engines/identity-order.js';
import { webAssets } from '../src/report/html/web-assets.js';
import { listedIdentities } from '../src/report/report-input.js';
import { writeReport } from '../src/report/write-report.js';
import { loadDashboardData, type DashboardData } from '../src/server/dashboard-data.js';
import { startDashboardServer, type DashboardServer } from '../src/server/dashboard-server.js';
import { browserTestsRun, cspViolations, launchChromium, watchPage } from './helpers/chromium.js';
import { fixtureReportInput, fixtureScanFindings, hostileFixtureAnalysis } from './report-fixture.js';
import { fixtureHistory, fixtureWhatIf, HOSTILE_HISTORY } from './report-history-fixture.js';

/** Each row of a table as its cells' texts. */
async function cells(page: Page, rows: string): Promise<string[][]> {
  const texts: string[][] = [];
  for (const row of await page.locator(rows).all()) texts.push(await row.locator('td').allTextContents());
  return texts;
}

/** The what-if diff and the snapshots over time, the same in the report and the dashboard. */
async function expectViews(page: Page): Promise<void> {
  expect(await page.locator('#what-if .lead').textContent()).toBe('2 identities whose sign-ins go through today would fail with this policy switched on.');
  expect(await cells(page, '#what-if-policies tbody tr')).toEqual([
    [`${HOSTILE_HISTORY.policy}d2e3e15f-0000-4000-8000-000000000001`, 'reportOnly', 'what-if.json', '0', '2', '1', '0', '13'],
  ]);
  expect(await cells(page, '#what-if-newly-failing tbody tr')).toEqual([
    ['svc-vm-cli@contoso.example', 'Service account', 'Breaks', HOSTILE_HISTORY.policy, '930', '2026-10-22 → 2026-11-20',
      'Microsoft Azure CLI → Windows Azure Service Management API (656612f6 at 2026-10-22T00:05:29.943Z, 479 records)', 'scripts/rotate-vms.sh:12'],
    [HOSTILE_HISTORY.subject, 'Human', 'Not affected', HOSTILE_HISTORY.policy, '1', '2026-11-02 → 2026-11-02',
      'Microsoft Azure CLI → Windows Azure Service Management API (0b1c at 2026-10-22T00:05:29.943Z, 1 record)', '—'],
  ]);
  expect(await page.locator('#what-if-agreement').textContent()).toBe(
    'Agreement with the results Entra recorded, by sign-ins: enabled: 1,188 of 1,200 (99%); report-only: nothing to compare; disabled: nothing to compare. 4 not comparable; 0 disagreements; 0 policies recorded without a definition.',
  );
  expect(await page.locator('#snapshots canvas').count()).toBeGreaterThan(0);
  expect(await cells(page, '#snapshot-table tbody tr')).toEqual([
    ['#3', '2026-11-21 08:00', 'analyze', '2026-11-20', '16', '1', '2', '1', '0', '1', '—'],
    ['#2', '2026-11-19 08:00', 'check', '2026-11-20', '16', '1', '3', '1', '0', '0', '3 problems'],
    ['#1', '2026-11-18 08:00', 'analyze', '2026-11-20', '16', '1', '3', '1', '0', '0', '—'],
  ]);
  expect(await page.locator('#snapshot-changes h3, #snapshot-changes h4, #snapshot-changes li').allTextContents()).toEqual([
    'Snapshot #2 → #3 · the policy file changed',
    'Verdict changes (1)', 'svc-inventory@contoso.example: breaks 2026-12-15 → not-affected',
    'Owner changes (1)', `${HOSTILE_HISTORY.subject}: (none) → Team\\u202eevil (pattern:svc-*)`,
    'As of snapshot #3',
    'Missing owners (1)', 'svc-deploy-legacy@contoso.example: service-account, broken',
  ]);
}

describe.skipIf(!browserTestsRun())('the what-if diff and the snapshots over time, in Chromium', () => {
  let browser: Browser;
  let dir: string;
  let data: DashboardData;
  let server: DashboardServer;

  beforeAll(async () => {
    browser = await launchChromium();
    dir = mkdtempSync(join(tmpdir(), 'unattended-history-browser-'));
    const analysis = { ...hostileFixtureAnalysis(), whatIf: fixtureWhatIf() };
    writeReport(dir, { ...fixtureReportInput(analysis), history: fixtureHistory() }, ['html']);
    writeReport(join(dir, 'without'), fixtureReportInput(hostileFixtureAnalysis()), ['html']);
    const { identities, summary: _summary, ...head } = analysis;
    data = await loadDashboardData(head, listedIdentities(sortIdentities(identities)), { scanFindings: fixtureScanFindings(), imports: [], history: fixtureHistory(), generatedAt: '2026-11-21T08:00:00Z' });
    server = await startDashboardServer({ port: 0, assets: webAssets(), data: () => data });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    data?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(url: string, allowed: (url: string) => boolean): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const problems = await watchPage(page, allowed);
    await page.goto(url);
    await page.waitForSelector('#app[data-ready=true]');
    return { page, problems };
  }

  it('the report shows them, hostile names as text, under its CSP', async () => {
    const { page, problems } = await open(pathToFileURL(join(dir, 'report.html')).href, (url) => url.startsWith('file:'));
    await expectViews(page);
    expect(await page.locator('img, iframe, svg, object, embed').count()).toBe(0);
    expect(problems).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    // A name in the what-if list opens that identity.
    await page.click('#what-if-newly-failing button.link[data-identity="11111111-0000-0000-0000-000000000001"]');
    await page.waitForSelector('#detail .heatmap, #detail-title');
    expect(await page.locator('#detail-title').textContent()).toBe('svc-vm-cli');
  });

  it('the dashboard shows the same', async () => {
    const origin = `http://127.0.0.1:${server.port}/`;
    const { page, problems } = await open(server.url, (url) => url.startsWith(origin));
    await expectViews(page);
    expect(problems).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
  });

  it('neither view is drawn when the analysis judged no what-if policy and the store keeps no snapshot', async () => {
    const { page, problems } = await open(pathToFileURL(join(dir, 'without', 'report.html')).href, (url) => url.startsWith('file:'));
    expect(await page.locator('#identities').count()).toBe(1);
    expect(await page.locator('#what-if, #snapshots').count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
