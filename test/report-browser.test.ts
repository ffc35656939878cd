import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReport } from '../src/report/write-report.js';
import { browserTestsRun, cspViolations, launchChromium, watchPage } from './helpers/chromium.js';
import { HOSTILE_EXTRAS, HOSTILE_NAMES, fixtureReportInput, hostileFixtureAnalysis } from './report-fixture.js';

/** Office hours on weekdays for svc-vm-cli, so that its detail view has a rhythm to draw. */
const WEEK = Array.from({ length: 168 }, (_, hour) => (hour % 24 >= 8 && hour % 24 < 18 && hour < 120 ? 3 : 0));
const ROWS = '#identity-grid .grid-row:visible';

async function names(page: Page): Promise<string[]> {
  return page.locator(`${ROWS} .c-name strong`).allTextContents();
}

describe.skipIf(!browserTestsRun())('the HTML report in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let dir: string;
  let problems: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'unattended-report-'));
    const input = fixtureReportInput(hostileFixtureAnalysis(), new Map([['11111111-0000-0000-0000-000000000001', WEEK]]));
    const written = writeReport(dir, input, ['html']);
    if (!written.htmlPath) throw new Error('no HTML written');
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    problems = await watchPage(page, (url) => url.startsWith('file:'));
    await page.goto(pathToFileURL(written.htmlPath).href);
    await page.waitForSelector('#app[data-ready=true]');
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('draws every view under its CSP with no dialog, console error, violation or request', async () => {
    expect(await cspViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    expect(await page.locator('#identity-count').textContent()).toBe('16 of 16 identities');
    expect(await page.locator('#headline [data-fact="sa-failing"]').textContent()).toBe('3');
    expect(await page.locator('#timeline canvas').count()).toBeGreaterThan(0);
    expect(await page.locator('#classes canvas').count()).toBeGreaterThan(0);
    // The owner view appears because identities have owners; the what-if view because a verdict names a policy.
    expect(await page.locator('#owners .owner-row').count()).toBe(3);
    expect(await page.locator('#policies .policy-row').count()).toBe(1);
  });

  it('shows every hostile string as its characters, running nothing', async () => {
    const shown = await names(page);
    expect(shown).toEqual(expect.arrayContaining([HOSTILE_NAMES.img, HOSTILE_NAMES.script, HOSTILE_NAMES.formula, HOSTILE_NAMES.quoted]));
    // Control and bidi characters and newlines are made visible, as in the terminal.
    expect(shown).toEqual(expect.arrayContaining(['\\u001b[31mred', 'invoice\\u202egnp.exe', 'first line\\nsecond line', HOSTILE_EXTRAS.long]));
    expect(await page.locator('header.top .fact .v').first().textContent()).toBe(HOSTILE_EXTRAS.tenant);
    expect(await page.locator('#owners .owner-row td:first-child').allTextContents()).toContain(HOSTILE_EXTRAS.owner);
    expect(await page.locator('#policies .policy-row td:first-child').textContent()).toBe('What-if · <img src=x onerror=alert(8)>');
    expect(await page.locator('img, iframe, svg, object, embed').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(4);
    expect(await page.title()).toBe(`unattended report · ${HOSTILE_EXTRAS.tenant} · 2026-11-20`);
    expect(problems).toEqual([]);
  });

  it('searches, filters and sorts to the exact rows', async () => {
    await page.fill('#identity-filter', 'svc-');
    expect(await names(page)).toEqual(['svc-deploy-legacy', 'svc-vm-cli', 'svc-inventory']);
    expect(await page.locator('#identity-count').textContent()).toBe('3 of 16 identities');
    // The name of one, the owner team of the other.
    await page.fill('#identity-filter', '<img');
    expect(await names(page)).toEqual([HOSTILE_NAMES.formula, HOSTILE_NAMES.img]);
    await page.fill('#identity-filter', '');
    await page.selectOption('#verdict-filter', 'breaks');
    expect(await names(page)).toEqual([HOSTILE_NAMES.formula, '\\u001b[31mred', 'svc-vm-cli']);
    await page.selectOption('#class-filter', 'service-account');
    expect(await names(page)).toEqual([HOSTILE_NAMES.formula, 'svc-vm-cli']);
    await page.click('#clear-filters');
    expect(await page.locator(ROWS).count()).toBe(16);
    await page.click('#identity-grid [data-sort="confidence"] button');
    expect(await page.locator('#identity-grid [data-sort="confidence"]').getAttribute('aria-sort')).toBe('ascending');
    expect(await page.locator(`${ROWS} .c-confidence`).first().textContent()).toBe('80%');
    await page.click('#identity-grid [data-sort="confidence"] button');
    expect(await page.locator('#identity-grid [data-sort="confidence"]').getAttribute('aria-sort')).toBe('descending');
    expect(await names(page).then((list) => list.slice(0, 3))).toEqual(['deploy-sp', 'vm-backup-mi', 'svc-vm-cli']);
    await page.click('#clear-filters');
    expect(await names(page).then((list) => list[0])).toBe('Break glass 2');
  });

  it('opens an identity: evidence with weights, the proof, its code, its plan and owner, and its rhythm as a heatmap', async () => {
    await page.fill('#identity-filter', 'svc-vm-cli');
    await page.click(ROWS);
    const detail = page.locator('#detail');
    await page.waitForSelector('#detail .heatmap canvas');
    expect(await detail.locator('#detail-title').textContent()).toBe('svc-vm-cli');
    expect(await detail.locator('table.evidence tbody tr').count()).toBe(4);
    expect(await detail.locator('table.evidence tbody tr').first().textContent()).toBe('ropc-protocol720 of 720 sign-ins used the resource-owner password grant.+0.35');
    expect(await detail.locator('ul.reasons li').allTextContents()).toEqual(['212 ARM writes without MFA (amr pwd) between 2026-10-22 and 2026-11-20, e.g. Microsoft.Compute/virtualMachines/write.']);
    expect(await detail.locator('ul.automation code').allTextContents()).toEqual(['scripts/rotate-vms.sh:12']);
    expect(await detail.locator('.lead').first().textContent()).toBe('150 sign-ins over 50 hours of the week; busiest Mon 08:00 UTC.');
    const facts = await detail.locator('dl.kv').first().locator('dt, dd').allTextContents();
    expect(facts).toEqual([
      'Stage', 'planned: Nothing created yet.',
      'Target', 'workload-identity-federation · github-actions · wi-deploy',
      'Federated credential', `https://token.actions.githubusercontent.com · ${HOSTILE_EXTRAS.plan} · from .github/workflows/deploy.yml:12`,
      'Why this target', 'Signs in from a GitHub Actions workflow.',
      'Custom role', 'deploy-observed at /subscriptions/0000/resourceGroups/rg-app',
      'Observed', 'Microsoft.Web/sites/write × 14 on 2 resources',
      'Built-in role', 'Website Contributor: covers 1 of 1, 40 permissions beyond',
      'Change', '.github/workflows/deploy.yml:12: use azure/login with OIDC',
      'Secrets to delete', 'AZURE_PASSWORD',
    ]);
    expect(await detail.locator('h3').allTextContents()).toContain('Owner');
    await page.keyboard.press('Escape');
    expect(await detail.isHidden()).toBe(true);
  });

  it('lists the migration plans, the hostile subject as text, and opens one from its name', async () => {
    const rows = page.locator('#plan-table tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().locator('td').allTextContents()).toEqual([
      'svc-vm-cli@contoso.example', 'workload-identity-federation', HOSTILE_EXTRAS.plan, '1 action at 1 scope; closest built-in: Website Contributor', 'planned',
    ]);
    expect(await page.locator('#plans .lead').textContent()).toContain('1 account to move to a workload identity or retire (stages: 1 planned)');
    await rows.first().locator('button.link').click();
    await page.waitForSelector('#detail .heatmap canvas');
    expect(await page.locator('#detail-title').textContent()).toBe('svc-vm-cli');
    await page.keyboard.press('Escape');
    await page.click('#clear-filters');
  });

  it('says so when an identity has no sign-ins to draw, and shows its exception', async () => {
    await page.fill('#identity-filter', 'svc-deploy-legacy');
    await page.click(ROWS);
    await page.waitForSelector('#detail #detail-title');
    expect(await page.locator('#detail .heatmap').isHidden()).toBe(true);
    expect(await page.locator('#detail').textContent()).toContain('No sign-ins recorded.');
    expect(await page.locator('#detail').textContent()).toContain(HOSTILE_EXTRAS.exception);
    await page.click('#detail button.close');
    await page.click('#clear-filters');
  });

  it('jumps from the cards, the matrix, the timeline table\'s data and the code findings into the table', async () => {
    await page.click('#headline .card[data-verdict="broken"]');
    expect(await names(page)).toEqual(['Break glass 2', 'svc-deploy-legacy']);
    await page.click('.matrix td[data-class="human"][data-verdict="not-affected"]');
    expect(await page.inputValue('#class-filter')).toBe('human');
    expect(await names(page)).toEqual([HOSTILE_NAMES.img, HOSTILE_NAMES.script, HOSTILE_NAMES.quoted, 'invoice\\u202egnp.exe']);
    await page.focus('.matrix td[data-class="break-glass"][data-verdict="broken"]');
    await page.keyboard.press('Enter');
    expect(await names(page)).toEqual(['Break glass 2']);
    await page.click('#owners .owner-row[data-owner="Platform team"]');
    expect(await names(page)).toEqual(['svc-vm-cli']);
    await page.click('#scan-table button.link');
    await page.waitForSelector('#detail #detail-title');
    expect(await page.locator('#detail-title').textContent()).toBe('svc-vm-cli');
    expect(await page.inputValue('#identity-filter')).toBe('11111111-0000-0000-0000-000000000001');
    await page.click('#detail button.close');
    await page.click('#clear-filters');
    expect(problems).toEqual([]);
  });
});

describe('browser tests in CI', () => {
  it('are not skipped there: without Chromium they fail', () => {
    if (process.env['CI']) expect(existsSync('/usr/bin/chromium')).toBe(true);
  });
});
