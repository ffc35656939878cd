import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sortIdentities } from '../src/engines/identity-order.js';
import { webAssets } from '../src/report/html/web-assets.js';
import { listedIdentities } from '../src/report/report-input.js';
import { loadDashboardData, type DashboardData } from '../src/server/dashboard-data.js';
import { startDashboardServer, type DashboardServer } from '../src/server/dashboard-server.js';
import { browserTestsRun, cspViolations, launchChromium, watchPage } from './helpers/chromium.js';
import { HOSTILE_EXTRAS, HOSTILE_NAMES, fixtureScanFindings, hostileFixtureAnalysis } from './report-fixture.js';

const WEEK = Array.from({ length: 168 }, (_, hour) => (hour % 24 >= 8 && hour % 24 < 18 && hour < 120 ? 3 : 0));
const ROWS = '#identity-grid .grid-row:visible';

async function names(page: Page): Promise<string[]> {
  return page.locator(`${ROWS} .c-name strong`).allTextContents();
}

/** The dashboard of `unattended serve` over the hostile fixture, in Chromium, talking to its server on 127.0.0.1. */
describe.skipIf(!browserTestsRun())('the dashboard in Chromium', () => {
  let data: DashboardData;
  let server: DashboardServer;
  let browser: Browser;
  let page: Page;
  let problems: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    const { identities, summary: _summary, ...head } = hostileFixtureAnalysis();
    data = await loadDashboardData(head, listedIdentities(sortIdentities(identities), new Map([['11111111-0000-0000-0000-000000000001', WEEK]])), {
      scanFindings: fixtureScanFindings(),
      imports: [],
      generatedAt: '2026-11-21T08:00:00Z',
    });
    server = await startDashboardServer({ port: 0, assets: webAssets(), data: () => data });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const origin = `http://127.0.0.1:${server.port}/`;
    problems = await watchPage(page, (url) => url.startsWith(origin));
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(server.url);
    await page.waitForSelector('#app[data-ready=true]');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    data?.close();
  });

  it('draws the same views from the server, under its CSP, with no dialog, console error or foreign request', async () => {
    expect(problems).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    expect(await page.locator('header.top .live').textContent()).toBe('live');
    expect(await page.locator('#identity-count').textContent()).toBe('16 of 16 identities');
    expect(await page.locator('#headline [data-fact="sa-failing"]').textContent()).toBe('3');
    expect(await page.locator('#owners .owner-row').count()).toBe(3);
    expect(await names(page)).toEqual(expect.arrayContaining([HOSTILE_NAMES.img, HOSTILE_NAMES.script, 'invoice\\u202egnp.exe', 'first line\\nsecond line', HOSTILE_EXTRAS.long]));
    expect(await page.locator('img, iframe, svg, object, embed').count()).toBe(0);
    // The page, its overview and one page of the table: never the whole tenant.
    expect(requests).toEqual(['/', '/api/overview', '/api/identities']);
  });

  it('searches, filters and sorts on the server', async () => {
    await page.fill('#identity-filter', 'svc-');
    await expect.poll(() => page.locator('#identity-count').textContent()).toBe('3 of 16 identities');
    expect(await names(page)).toEqual(['svc-deploy-legacy', 'svc-vm-cli', 'svc-inventory']);
    expect(requests.at(-1)).toBe('/api/identities');
    await page.fill('#identity-filter', '');
    await expect.poll(() => page.locator('#identity-count').textContent()).toBe('16 of 16 identities');
    await page.selectOption('#verdict-filter', 'breaks');
    await expect.poll(() => page.locator('#identity-count').textContent()).toBe('3 of 16 identities');
    expect(await names(page)).toEqual([HOSTILE_NAMES.formula, '\\u001b[31mred', 'svc-vm-cli']);
    await page.click('#clear-filters');
    await page.click('#identity-grid [data-sort="name"] button');
    await expect.poll(() => page.locator('#identity-grid [data-sort="name"]').getAttribute('aria-sort')).toBe('ascending');
    await expect.poll(() => page.locator(`${ROWS} .c-name strong`).first().textContent()).toBe('\\u001b[31mred');
    await page.click('#clear-filters');
    await expect.poll(() => page.locator(`${ROWS} .c-name strong`).first().textContent()).toBe('Break glass 2');
  });

  it('opens an identity\'s detail from the server, with its heatmap', async () => {
    await page.fill('#identity-filter', 'svc-vm-cli');
    await expect.poll(() => page.locator('#identity-count').textContent()).toBe('1 of 16 identities');
    await page.click(ROWS);
    await page.waitForSelector('#detail .heatmap canvas');
    expect(requests.at(-1)).toBe('/api/identity');
    expect(await page.locator('#detail-title').textContent()).toBe('svc-vm-cli');
    expect(await page.locator('#detail table.evidence tbody tr').count()).toBe(4);
    expect(await page.locator('#detail .lead').first().textContent()).toBe('150 sign-ins over 50 hours of the week; busiest Mon 08:00 UTC.');
    await page.keyboard.press('Escape');
    expect(problems).toEqual([]);
  });

  it('is refused by its own server without the token, even from its own page', async () => {
    const status = await page.evaluate(async () => (await fetch('/api/overview')).status);
    expect(status).toBe(401);
    const write = await page.evaluate(async (token) => (await fetch('/api/overview', { method: 'POST', headers: { 'X-Unattended-Token': token } })).status, new URL(server.url).searchParams.get('token') ?? '');
    expect(write).toBe(405);
  });
});
