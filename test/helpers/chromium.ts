import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium: the tests never download a browser. */
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Whether the browser tests run. Without Chromium they are skipped with a note, except in CI (CI set), where they run
 * and fail at launch: a CI that silently skipped them would pass without having looked at a page.
 */
export function browserTestsRun(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env['CI']) return true;
  console.warn(`skipped: ${CHROMIUM} not installed (apt-get install -y chromium; CI installs it)`);
  return false;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * Everything that must not happen on a page, gathered as it happens: a dialog (an injected alert()), a console error or
 * warning, an uncaught error, a request to anywhere but `allowed`, and (through an init script, which runs outside the
 * page's CSP) every CSP violation from the first byte.
 */
export async function watchPage(page: Page, allowed: (url: string) => boolean): Promise<string[]> {
  const problems: string[] = [];
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('request', (request) => {
    if (!allowed(request.url())) problems.push(`request: ${request.url()}`);
  });
  await page.addInitScript(
    "window.cspViolations = []; document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));",
  );
  return problems;
}

export async function cspViolations(page: Page): Promise<unknown> {
  return page.evaluate('window.cspViolations');
}
