import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { generateDemo } from '../src/sources/demo/index.js';
import { importPaths } from '../src/sources/import/index.js';
import { openStore } from '../src/store/store.js';
import { browserTestsRun, cspViolations, launchChromium, watchPage } from './helpers/chromium.js';
import { runCli } from './helpers/cli-process.js';

const analysisSchema = z.object({
  identities: z.array(z.object({ id: z.string(), displayName: z.string(), class: z.string(), verdict: z.string(), breaksOn: z.string().nullable() })),
  summary: z.object({ byVerdict: z.record(z.string(), z.number()) }),
});

/** The demo tenant through the real CLI: `analyze --format json` beside `report`, then the report in Chromium. */
describe.skipIf(!browserTestsRun())('the demo report in Chromium, against analyze --format json', () => {
  const work = mkdtempSync(join(tmpdir(), 'unattended-demo-browser-'));
  let browser: Browser;
  let page: Page;
  let problems: string[] = [];
  let analysis: z.infer<typeof analysisSchema>;

  beforeAll(async () => {
    const demo = await generateDemo({ outDir: join(work, 'demo'), signIns: 0 });
    const db = join(work, 'demo.duckdb');
    const store = await openStore(db);
    await importPaths(store, [demo.dataDir]);
    store.close();
    const analyzed = await runCli(['analyze', '--db', db, '--policy', demo.configPath, '--format', 'json']);
    expect(analyzed.status).toBe(0);
    analysis = analysisSchema.parse(JSON.parse(analyzed.stdout));
    const reported = await runCli(['report', '--db', db, '--policy', demo.configPath, '--out', join(work, 'report')]);
    expect(reported.stderr).toBe('');
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    problems = await watchPage(page, (url) => url.startsWith('file:'));
    await page.goto(pathToFileURL(join(work, 'report', 'report.html')).href);
    await page.waitForSelector('#app[data-ready=true]');
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('opens with no console error, dialog, CSP violation or request', async () => {
    expect(problems).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
  });

  it('states the headline numbers analyze --format json gives', async () => {
    const ids = analysis.identities;
    const accounts = ids.filter((identity) => identity.class === 'service-account');
    const count = (list: typeof ids, verdict: string): number => list.filter((identity) => identity.verdict === verdict).length;
    const firstBreak = accounts.filter((identity) => identity.verdict === 'breaks').map((identity) => identity.breaksOn ?? '').sort()[0];
    const fact = (name: string): Promise<string | null> => page.locator(`#headline [data-fact="${name}"]`).textContent();
    const expected = {
      total: ids.length, broken: count(ids, 'broken'), breaks: count(ids, 'breaks'),
      'sa-failing': count(accounts, 'broken') + count(accounts, 'breaks'), 'sa-broken': count(accounts, 'broken'), 'sa-breaks': count(accounts, 'breaks'),
      'sa-at-risk': count(accounts, 'at-risk'),
    };
    // The demo is built to have service accounts in each of these states.
    expect(Object.values(expected).every((n) => n > 0)).toBe(true);
    for (const [name, value] of Object.entries(expected)) expect([name, await fact(name)]).toEqual([name, value.toLocaleString('en-US')]);
    expect(await fact('sa-first-break')).toBe(firstBreak);
    for (const [verdict, n] of Object.entries(analysis.summary.byVerdict)) {
      expect([verdict, await page.locator(`#headline .card[data-verdict="${verdict}"] .n`).textContent()]).toEqual([verdict, n.toLocaleString('en-US')]);
    }
    expect(await page.locator('#identity-count').textContent()).toBe(`${ids.length} of ${ids.length} identities`);
  });

  it('lists the identities in analyze\'s order and opens a service account\'s heatmap', async () => {
    const first = await page.locator('#identity-grid .grid-row:visible .c-name strong').first().textContent();
    expect(first).toBe(analysis.identities[0]?.displayName);
    const account = analysis.identities.find((identity) => identity.class === 'service-account' && identity.verdict === 'breaks');
    await page.fill('#identity-filter', account?.id ?? '');
    await page.click('#identity-grid .grid-row:visible');
    await page.waitForSelector('#detail .heatmap canvas');
    expect(await page.locator('#detail-title').textContent()).toBe(account?.displayName);
    expect(await page.locator('#detail .lead').first().textContent()).toMatch(/^[\d,]+ sign-ins? over \d+ hours? of the week; busiest (?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d\d:00 UTC\.$/u);
    expect(problems).toEqual([]);
  });

  it('writes analysis.json beside the report, byte for byte what analyze prints', async () => {
    const analyzed = await runCli(['analyze', '--db', join(work, 'demo.duckdb'), '--policy', join(work, 'demo', 'unattended.yaml'), '--format', 'json']);
    expect(readFileSync(join(work, 'report', 'analysis.json'), 'utf8')).toBe(analyzed.stdout);
  });
});
