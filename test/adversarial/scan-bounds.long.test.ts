import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import * as z from 'zod';
import { measuredCli, type MeasuredRun } from './measured-run.js';
import { adversarialSuite } from './record-results.js';

/**
 * A repository built to hurt the scanner, generated here (never committed) and scanned once by the real CLI in a child
 * process with bounded memory and time. Each hostile file is its own case; the good script beside them must still be
 * found. Long: `npm run test:adversarial`.
 */
const work = mkdtempSync(join(tmpdir(), 'unattended-adversarial-scan-'));
const repo = join(work, 'repo');
const MIB = 1024 * 1024;
const LOGIN = ['$secure = ConvertTo-SecureString $env:PW -AsPlainText -Force', "$cred = New-Object System.Management.Automation.PSCredential('svc-good@contoso.com', $secure)", 'Connect-AzAccount -Credential $cred', ''].join('\n');
const suite = adversarialSuite('scanner (hostile repository, child process)', 'scanner-long.json');

const findingsSchema = z.object({ findings: z.array(z.object({ file: z.string(), line: z.number(), rule: z.string(), identity: z.object({ value: z.string() }).nullable().optional() })) });
let run: MeasuredRun;
let findings: z.infer<typeof findingsSchema>['findings'];
let skipped: string[];

function write(path: string, content: string | Buffer): void {
  mkdirSync(join(repo, path, '..'), { recursive: true });
  writeFileSync(join(repo, path), content);
}

beforeAll(async () => {
  write('good/runbook.ps1', LOGIN);
  mkdirSync(join(work, 'outside'));
  writeFileSync(join(work, 'outside', 'escaped.ps1'), LOGIN.replace('svc-good', 'svc-outside'));
  symlinkSync('../outside', join(repo, 'outside'));
  symlinkSync('.', join(repo, 'good', 'loop'));
  symlinkSync('..', join(repo, 'good', 'up'));
  // Nine levels of nine aliases: 9^9 "lol"s if anything expanded them.
  const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
  const laughs = names.map((name, i) => `${name}: &${name} [${Array.from({ length: 9 }, () => (i === 0 ? '"lol"' : `*${names[i - 1] ?? 'a'}`)).join(', ')}]`);
  write('azure-pipelines.yml', [...laughs, 'steps:', '- script: az login -u svc-laughs@contoso.com -p $(pw)', ''].join('\n'));
  write('.github/workflows/deep-flow.yml', `on: push\njobs: {a: {steps: [{run: az login -u svc-deep@contoso.com -p x}]}}\nx: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
  write('.github/workflows/deep-block.yml', `${Array.from({ length: 1_000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} az login -u a@b.c -p x\n`);
  const binary = Buffer.alloc(200_000);
  for (let i = 0; i < binary.length; i += 1) binary[i] = (i * 7919) % 256;
  binary.write('Connect-AzAccount -Credential $cred', 1000);
  write('binary.ps1', binary);
  write('big.ps1', `Connect-AzAccount -Credential $cred\n${'#'.repeat(50 * MIB)}\n`);
  write('deep.ps1', `Connect-AzAccount -Credential $cred\n${'('.repeat(100_000)}1${')'.repeat(100_000)}\n`);
  write('deep.sh', `az login -u a@b.c -p x\necho ${'$('.repeat(50_000)}x${')'.repeat(50_000)}\n`);
  write('deep.tf', `resource "azurerm_automation_runbook" "r" {\n  content = "Connect-AzAccount"\n  a = ${'['.repeat(100_000)}${']'.repeat(100_000)}\n}\n`);
  write('dollars.ps1', `Connect-AzAccount -Credential ${'$'.repeat(4 * MIB)}\n`);
  run = await measuredCli(['scan', repo, '--format', 'json']);
  findings = findingsSchema.parse(JSON.parse(run.stdout)).findings;
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines[0]).toMatch(/^unattended: skipped \d+ file\(s\):$/u);
  skipped = lines.slice(1).map((line) => line.trim());
  console.info(`scan of the hostile repository: ${run.maxRssMiB} MiB peak, ${run.seconds.toFixed(1)} s; skipped: ${skipped.join(' | ')}`);
}, 600_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

function rulesIn(file: string): string[] {
  return findings.filter((finding) => finding.file === file).map((finding) => `${finding.line} ${finding.rule}`);
}

suite.case({ input: 'scan: the whole repository', fault: 'every hostile file below at once', result: 'exit 0; the good script found; < 1 GiB, < 5 min' }, () => {
  expect(run.status).toBe(0);
  expect(rulesIn('good/runbook.ps1')).toEqual(['3 powershell/connect-azaccount-user-password']);
  expect(run.maxRssMiB).toBeLessThan(1024);
  expect(run.seconds).toBeLessThan(300);
});

suite.case({ input: 'scan: directory tree', fault: 'symlink loops (to itself, to its parent)', result: 'each real directory walked once' }, () => {
  expect(findings.filter((finding) => finding.file.includes('runbook.ps1')).map((finding) => finding.file)).toEqual(['good/runbook.ps1']);
  expect(skipped.filter((line) => line.startsWith('good/'))).toEqual([]);
});

suite.case({ input: 'scan: directory tree', fault: 'a symlink out of the root', result: 'not followed, noted' }, () => {
  expect(skipped).toContain('outside: symlink pointing outside the scan root');
  expect(findings.some((finding) => finding.identity?.value === 'svc-outside@contoso.com')).toBe(false);
});

suite.case({ input: 'scan: YAML pipeline', fault: 'billion laughs (9 levels of 9 aliases)', result: 'aliases never expanded; the login still found' }, () => {
  expect(rulesIn('azure-pipelines.yml')).toEqual(['11 shell/az-login-user-password']);
});

suite.case({ input: 'scan: YAML workflow', fault: 'flow sequences nested 10^5 deep; block maps 10^3 deep', result: 'read whole: the login beside the nesting found' }, () => {
  expect(skipped.filter((line) => line.startsWith('.github/'))).toEqual([]);
  expect(rulesIn('.github/workflows/deep-flow.yml')).toEqual(['2 shell/az-login-user-password']);
});

suite.case({ input: 'scan: PowerShell', fault: 'a binary file named .ps1 holding a trigger word', result: 'skipped as binary' }, () => {
  expect(skipped).toContain('binary.ps1: binary');
  expect(rulesIn('binary.ps1')).toEqual([]);
});

suite.case({ input: 'scan: PowerShell', fault: 'a 50 MB file', result: 'skipped unread (> 5 MB)' }, () => {
  expect(skipped).toContain('big.ps1: larger than 5 MB (50.0 MB)');
});

suite.case({ input: 'scan: PowerShell, Bash, Terraform', fault: 'nesting 10^5 deep (grammar stack overflow)', result: 'PowerShell and Bash skipped with a note, Terraform read; the rest scanned' }, () => {
  expect(skipped.filter((line) => /^deep\.(?:ps1|sh|tf):/u.test(line))).toEqual(['deep.ps1: scan error (RangeError)', 'deep.sh: scan error (RangeError)']);
});

suite.case({ input: 'scan: PowerShell', fault: '4 MiB of `$` after a login (ReDoS-shaped argument)', result: 'read in bounded time; the login found' }, () => {
  expect(rulesIn('dollars.ps1')).toEqual(['1 powershell/connect-azaccount-user-password']);
});

suite.recordResults();
