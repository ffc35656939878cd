import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReport } from '../src/report/write-report.js';
import { failWithoutPrerequisite, prerequisite } from './helpers/prerequisite.js';
import { HOSTILE_NAMES, fixtureReportInput } from './report-fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const browserInstalled = prerequisite(existsSync(CHROMIUM), `${CHROMIUM} not installed (apt-get install -y chromium; CI installs it)`);

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe.skipIf(browserInstalled.skip)('the HTML report in Chromium', () => {
  failWithoutPrerequisite(browserInstalled);
  let browser: Browser;
  let page: Page;
  let dir: string;
  const problems: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'unattended-report-'));
    const written = writeReport(dir, fixtureReportInput(), ['html']);
    if (!written.htmlPath) throw new Error('no HTML written');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    // Any alert() from a hostile display name would be a dialog; any blocked inline code a console error.
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('request', (request) => {
      if (!request.url().startsWith('file:')) problems.push(`request: ${request.url()}`);
    });
    // Playwright's init scripts run outside the page's CSP, so this listener sees every violation from the first byte.
    await page.addInitScript(
      "window.cspViolations = []; document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));",
    );
    await page.goto(pathToFileURL(written.htmlPath).href);
    await page.waitForSelector('#identity-rows tr.identity-row');
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('runs its script under the CSP with no dialog, console error, violation or network request', async () => {
    const violations: unknown = await page.evaluate('window.cspViolations');
    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
    expect(await page.locator('#identity-count').textContent()).toBe('13 of 13 identities');
  });

  it('shows the hostile display names as text in the identity table', async () => {
    const names = await page.locator('#identity-rows tr.identity-row td:first-child strong').allTextContents();
    expect(names).toContain(HOSTILE_NAMES.img);
    expect(names).toContain(HOSTILE_NAMES.script);
    expect(names).toContain(HOSTILE_NAMES.formula);
    expect(names).toContain(HOSTILE_NAMES.quoted);
    expect(names).toContain('\\u001b[31mred');
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(2);
  });

  it('filters to the exact matching rows, by text and by verdict', async () => {
    await page.fill('#identity-filter', 'svc-');
    expect(await page.locator('#identity-rows tr.identity-row').count()).toBe(3);
    expect(await page.locator('#identity-count').textContent()).toBe('3 of 13 identities');
    await page.fill('#identity-filter', '<img');
    expect(await page.locator('#identity-rows tr.identity-row').count()).toBe(1);
    await page.fill('#identity-filter', '');
    await page.selectOption('#verdict-filter', 'breaks');
    expect(await page.locator('#identity-rows tr.identity-row').count()).toBe(3);
    await page.click('#clear-filters');
    expect(await page.locator('#identity-rows tr.identity-row').count()).toBe(13);
  });

  it('sorts by a column and back', async () => {
    await page.click('#identity-table th[data-sort="confidence"] button');
    const ascending = await page.locator('#identity-rows tr.identity-row td:nth-child(5)').allTextContents();
    expect(ascending[0]).toBe('80%');
    expect(ascending.at(-1)).toBe('100%');
    await page.click('#identity-table th[data-sort="confidence"] button');
    expect(await page.locator('#identity-table th[data-sort="confidence"]').getAttribute('aria-sort')).toBe('descending');
    await page.click('#clear-filters');
    expect(await page.locator('#identity-rows tr.identity-row td:first-child strong').first().textContent()).toBe('svc-deploy-legacy');
  });

  it('opens an identity to show its evidence, reasons, automation and recommendation', async () => {
    await page.fill('#identity-filter', 'svc-vm-cli');
    await page.click('#identity-rows tr.identity-row');
    const detail = page.locator('#identity-rows tr.detail');
    expect(await detail.count()).toBe(1);
    expect(await detail.locator('table.evidence tbody tr').count()).toBe(4);
    expect(await detail.locator('table.evidence tbody tr').first().textContent()).toBe('ropc-protocol720 of 720 sign-ins used the resource-owner password grant.+0.35');
    expect(await detail.locator('code').allTextContents()).toEqual(['scripts/rotate-vms.sh:12']);
    expect(await detail.textContent()).toContain('Migrate to a managed identity. Runs on an Azure VM: a system-assigned managed identity needs no secret.');
  });

  it('jumps from the "breaks soonest" list and the matrix into the table', async () => {
    await page.click('.soonest li[data-identity="11111111-0000-0000-0000-000000000002"]');
    expect(await page.locator('#identity-rows tr.identity-row').count()).toBe(1);
    expect(await page.locator('#identity-rows tr.detail li').allTextContents()).toEqual([
      '14 sign-ins failed with 50076 since 2026-11-02.',
      'RequestDisallowedByPolicy from policy 4e6c27d5 on 2026-11-03.',
      'pipelines/deploy.yml:30 · user-password',
    ]);
    await page.click('#scan-table button.link');
    expect(await page.inputValue('#identity-filter')).toBe('11111111-0000-0000-0000-000000000001');
    expect(await page.locator('#identity-rows tr.detail table.evidence tbody tr').count()).toBe(4);
    await page.click('.matrix td[data-class="human"][data-verdict="not-affected"]');
    expect(await page.locator('#identity-rows tr.identity-row').count()).toBe(3);
    expect(await page.inputValue('#class-filter')).toBe('human');
    await page.click('#clear-filters');
    // The same shortcuts from the keyboard.
    await page.focus('.matrix td[data-class="break-glass"][data-verdict="broken"]');
    await page.keyboard.press('Enter');
    expect(await page.locator('#identity-rows tr.identity-row td:first-child strong').allTextContents()).toEqual(['Break glass 2']);
    await page.click('#clear-filters');
  });

  it('shows the headline numbers in one row above the fold, in order of urgency, with nothing overflowing', async () => {
    await page.reload();
    await page.waitForSelector('#identity-rows tr.identity-row');
    const cards = await page.locator('#summary .card[data-verdict]').evaluateAll((elements) =>
      elements.map((element) => {
        const box = element.getBoundingClientRect();
        return { verdict: element.getAttribute('data-verdict'), n: element.querySelector('.n')?.textContent, x: box.x, y: box.y, right: box.right, bottom: box.bottom, clipped: element.scrollWidth > element.clientWidth };
      }),
    );
    expect(cards.map((card) => [card.verdict, card.n, card.clipped])).toEqual([
      ['broken', '2', false], ['breaks', '3', false], ['at-risk', '1', false], ['ready', '2', false], ['not-affected', '5', false],
    ]);
    // One row: the same top edge, left to right, all inside the 1440 × 1000 viewport.
    expect(new Set(cards.map((card) => card.y)).size).toBe(1);
    expect(cards.every((card, index) => index === 0 || card.x > (cards[index - 1]?.right ?? Infinity))).toBe(true);
    expect(cards.every((card) => card.x >= 0 && card.right <= 1440 && card.bottom <= 1000)).toBe(true);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBe(1440);
  });

  it('keeps the page as wide as the window with a detail row open (full-page screenshot in the temporary test folder)', async () => {
    await page.fill('#identity-filter', 'svc-vm-cli');
    await page.click('#identity-rows tr.identity-row');
    await page.fill('#identity-filter', '');
    expect(await page.locator('#identity-rows tr.detail').count()).toBe(1);
    const png = await page.screenshot({ path: join(dir, 'report.png'), fullPage: true });
    // PNG signature, then the IHDR chunk's width: a full-page shot is as wide as the content, so 1440 means no overflow.
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.readUInt32BE(16)).toBe(1440);
    expect(problems).toEqual([]);
  });
});
