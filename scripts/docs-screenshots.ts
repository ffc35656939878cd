/**
 * `npm run docs:screenshots`: the screenshots in docs/ and the README, taken from the built CLI (`npm run build`
 * first) on the demo tenant: the report, one identity's details, the what-if diff and the snapshots over time, and the
 * dashboard of `unattended serve`.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'bin', 'unattended.js');
const out = join(root, 'docs', 'screenshots');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function run(args: readonly string[]): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('close', (code) => (code === 0 ? done() : fail(new Error(`unattended ${args[0] ?? ''} exited ${code}`))));
  });
}

const work = mkdtempSync(join(tmpdir(), 'unattended-screenshots-'));
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
try {
  await run(['demo', '--out', work]);
  // Two snapshots, the second as after a pull request renamed a team, and the report again with the demo's proposed
  // policy: the what-if and over-time views.
  const db = join(work, 'unattended.duckdb');
  const policy = join(work, 'unattended.yaml');
  await run(['analyze', '--db', db, '--policy', policy]);
  writeFileSync(policy, readFileSync(policy, 'utf8').replace('team: Compute,', 'team: Compute and storage,'));
  await run(['analyze', '--db', db, '--policy', policy]);
  await run(['report', '--db', db, '--policy', policy, '--what-if', join(work, 'what-if-require-mfa-all-users.json'), '--out', join(work, 'report')]);
  const page = await browser.newPage({ viewport: { width: 1440, height: 1100 } });
  await page.goto(pathToFileURL(join(work, 'report', 'report.html')).href);
  await page.waitForSelector('#app[data-ready=true]');
  await page.screenshot({ path: join(out, 'report.png') });
  await page.fill('#identity-filter', 'svc-vm-cli');
  await page.click('#identity-grid .grid-row:visible');
  await page.waitForSelector('#detail .heatmap canvas');
  // The drawer scrolled to the evidence: weights, the heatmap and the code in view.
  await page.evaluate("(() => { const drawer = document.getElementById('detail'); const title = [...drawer.querySelectorAll('h3')].find((h) => h.textContent.startsWith('Evidence')); drawer.scrollTop = title.offsetTop - 16; })()");
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(out, 'report-identity.png') });
  await page.keyboard.press('Escape');
  // The top of the what-if view: its policy and the first identities that would newly fail.
  await page.evaluate("document.getElementById('what-if').scrollIntoView({ block: 'start' })");
  const whatIf = await page.locator('#what-if').boundingBox();
  if (whatIf === null) throw new Error('the report has no what-if view');
  await page.screenshot({ path: join(out, 'report-what-if.png'), clip: { x: whatIf.x, y: Math.max(0, whatIf.y), width: whatIf.width, height: Math.min(whatIf.height, 760) } });
  await page.locator('#snapshots').screenshot({ path: join(out, 'report-over-time.png') });

  const server = spawn(process.execPath, [cli, 'serve', '--db', db, '--policy', policy], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const url = await new Promise<string>((done, fail) => {
      let text = '';
      server.stdout.on('data', (chunk: Buffer) => {
        text += chunk.toString('utf8');
        const found = /^dashboard: (?<url>\S+)$/mu.exec(text)?.groups?.['url'];
        if (found) done(found);
      });
      server.on('close', (code) => fail(new Error(`serve exited ${code}`)));
    });
    const dashboard = await browser.newPage({ viewport: { width: 1440, height: 1100 } });
    await dashboard.goto(url);
    await dashboard.waitForSelector('#app[data-ready=true]');
    await dashboard.selectOption('#class-filter', 'service-account');
    await dashboard.locator('#identities').scrollIntoViewIfNeeded();
    await dashboard.waitForTimeout(500);
    await dashboard.screenshot({ path: join(out, 'dashboard.png') });
  } finally {
    server.kill('SIGINT');
  }
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
process.stdout.write(`screenshots in ${out}\n`);
