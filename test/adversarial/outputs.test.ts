import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, expect } from 'vitest';
import * as z from 'zod';
import type { IdentityAnalysis } from '../../src/model/analysis.js';
import { identitiesCsv } from '../../src/report/csv.js';
import { renderHtml } from '../../src/report/html/render-html.js';
import { jsonReporter } from '../../src/report/json.js';
import { markdownText } from '../../src/report/markdown-text.js';
import { terminalSummary } from '../../src/report/terminal-summary.js';
import { DETECTORS } from '../../src/scan/detectors/registry.js';
import { scanPaths, type ScanResult } from '../../src/scan/index.js';
import { SCAN_REPORTERS } from '../../src/scan/report/scan-reporters.js';
import { csvRecords } from '../../src/sources/import/framework/csv.js';
import { reportBlocks } from '../helpers/report-blocks.js';
import { fixtureAnalysis, fixtureIdentities, fixtureReportInput } from '../report-fixture.js';
import { adversarialSuite } from './record-results.js';

/**
 * Every hostile string through every output: as display names of identities that break (so every view lists them),
 * and as the identity a scanned script signs in with. Each output must show the characters as text: terminal escapes
 * and bidi controls made visible, CSV formulas neutralised (OWASP), markup escaped, JSON and SARIF valid and exact.
 */
const HOSTILE = [
  '\u001b[31mred\u001b[0m',
  '\u001b]8;;http://evil.example\u0007link\u001b]8;;\u0007',
  '=HYPERLINK("http://evil.example")',
  '+1+cmd|"/c calc"!A1',
  '-2+3',
  '@SUM(1,2)',
  '\tTAB=1',
  '\rCR=1',
  '</script><script>alert(1)</script>',
  '<img src=x onerror=alert(2)>',
  `"double' 'single"`,
  'line\u2028separator\u2029paragraph',
  'invoice\u202egnp.exe \u2066isolate\u2069',
];
/** What no terminal line may hold raw: C0 and C1 controls (but the TAB), bidi controls, line and paragraph separators. */
const TERMINAL_UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/u;
/** The hostile strings as file names: a file name cannot hold '/' (nor NUL, which none has). */
const FILE_NAMES = HOSTILE.map((name, index) => `${index}-${name.replaceAll('/', '_')}.ps1`);
const suite = adversarialSuite('outputs (hostile strings)', 'outputs.json');

function hostileIdentities(): IdentityAnalysis[] {
  const template = fixtureIdentities().find((identity) => identity.id.endsWith('09'));
  if (!template) throw new Error('the fixture has no breaking service account 09');
  return HOSTILE.map((name, index) => ({ ...template, id: `22222222-0000-0000-0000-${String(index).padStart(12, '0')}`, upn: `hostile${index}@contoso.example`, displayName: name }));
}
const analysis = fixtureAnalysis(hostileIdentities());
const input = fixtureReportInput(analysis);

const work = mkdtempSync(join(tmpdir(), 'unattended-adversarial-outputs-'));
let scan: ScanResult;
beforeAll(async () => {
  // One script per hostile string, named by it (a file name is the code's text every scan output repeats; the
  // detectors keep only user names that look like UPNs), signing in with a password.
  mkdirSync(join(work, 'repo'));
  for (const name of FILE_NAMES) writeFileSync(join(work, 'repo', name), "$cred = New-Object PSCredential('svc@contoso.example', $secure)\nConnect-AzAccount -Credential $cred\n");
  scan = await scanPaths([join(work, 'repo')], { workers: 1 });
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));
const rules = new Map([...DETECTORS.values()].flatMap((detector) => detector.rules.map((rule) => [rule.id, rule] as const)));

function scanOutput(format: 'table' | 'json' | 'sarif'): string {
  const reporter = SCAN_REPORTERS.get(format);
  if (!reporter) throw new Error(`no ${format} reporter`);
  return reporter({ result: scan, rules, root: join(work, 'repo'), toolVersion: '0.1.0' });
}

const cases = HOSTILE.length;

suite.case({ input: 'output: terminal (analyze/report summary)', fault: 'escapes, OSC links, controls, bidi, U+2028', result: 'names listed; no control, bidi or separator raw', cases }, () => {
  const text = terminalSummary(input);
  // The summary lists the first breaking identities, in its own order.
  expect(HOSTILE.filter((_, index) => text.includes(`<hostile${index}@contoso.example>`)).length).toBeGreaterThanOrEqual(5);
  expect(text.split('\n').filter((line) => TERMINAL_UNSAFE.test(line))).toEqual([]);
});

suite.case({ input: 'output: scan table', fault: 'the same strings as file names', result: 'every file listed; no control, bidi or separator raw', cases }, () => {
  expect(scan.findings.filter((finding) => finding.rule === 'powershell/connect-azaccount-user-password').map((finding) => finding.file).sort()).toEqual([...FILE_NAMES].sort());
  const lines = scanOutput('table').split('\n');
  expect(lines.filter((line) => line.includes('.ps1:2:1'))).toHaveLength(HOSTILE.length);
  expect(lines.filter((line) => TERMINAL_UNSAFE.test(line))).toEqual([]);
});

suite.case({ input: 'output: identities.csv', fault: 'formula starts = + - @ TAB CR, quotes, line breaks', result: "parsed back: formulas prefixed with ' (OWASP), the rest exact", cases }, () => {
  const records = [...csvRecords(identitiesCsv(analysis.identities))].map((record) => record.fields);
  const header = records[0] ?? [];
  const names = records.slice(1).map((fields) => fields[header.indexOf('displayName')]);
  expect(header.indexOf('displayName')).toBeGreaterThan(0);
  expect(names).toEqual(expect.arrayContaining(HOSTILE.map((name) => (/^[=+\-@\t\r]/u.test(name) ? `'${name}` : name))));
  expect(names).toHaveLength(HOSTILE.length);
});

suite.case({ input: 'output: report.html', fault: 'markup, script end tags, bidi, U+2028', result: 'no markup from a name; names decode exactly', cases }, () => {
  const html = renderHtml(input);
  for (const name of HOSTILE.filter((text) => text.includes('<'))) expect(html).not.toContain(name);
  expect(html).not.toContain('\u001b');
  expect(reportBlocks(html).table.name).toEqual(expect.arrayContaining(HOSTILE));
});

suite.case({ input: 'output: analysis.json (report, analyze --format json)', fault: 'all of them', result: 'valid JSON; every name exact', cases }, () => {
  const [file] = jsonReporter(input);
  if (!file) throw new Error('no analysis.json');
  const bytes = typeof file.bytes === 'string' || file.bytes instanceof Uint8Array ? [file.bytes] : [...file.bytes];
  const text = bytes.map((part) => (typeof part === 'string' ? part : Buffer.from(part).toString('utf8'))).join('');
  const parsed = z.object({ identities: z.array(z.object({ displayName: z.string() })) }).parse(JSON.parse(text));
  expect(parsed.identities.map((identity) => identity.displayName)).toEqual(expect.arrayContaining(HOSTILE));
});

suite.case({ input: 'output: scan JSON', fault: 'the same strings as file names', result: 'valid JSON; every file name exact', cases }, () => {
  const parsed = z.object({ findings: z.array(z.object({ file: z.string() })) }).parse(JSON.parse(scanOutput('json')));
  expect(parsed.findings.map((finding) => finding.file).sort()).toEqual([...FILE_NAMES].sort());
});

suite.case({ input: 'output: scan SARIF 2.1.0', fault: 'the same strings as file names', result: 'valid against the SARIF schema; every file a percent-encoded URI', cases }, () => {
  const sarif: unknown = JSON.parse(scanOutput('sarif'));
  const schema = z.record(z.string(), z.unknown()).parse(JSON.parse(readFileSync(resolve(import.meta.dirname, '..', '..', 'src', 'scan', 'report', 'sarif-schema-2.1.0.json'), 'utf8')));
  const validate = new Ajv2020({ strict: false, validateFormats: false }).compile(schema);
  expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  const uris = z.object({ runs: z.array(z.object({ results: z.array(z.object({ locations: z.array(z.object({ physicalLocation: z.object({ artifactLocation: z.object({ uri: z.string() }) }) })) })) })) }).parse(sarif)
    .runs.flatMap((run) => run.results.flatMap((result) => result.locations.map((location) => location.physicalLocation.artifactLocation.uri)));
  // A URI holds no space, quote, angle bracket or control: each decodes back to its file name.
  expect(uris.filter((uri) => /[\s"<>\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u.test(uri))).toEqual([]);
  expect(uris.map((uri) => decodeURIComponent(uri)).sort()).toEqual([...FILE_NAMES].sort());
});

suite.case({ input: 'output: markdown (check, job summary)', fault: 'all of them', result: 'no markup, control, bidi or separator raw', cases }, () => {
  for (const name of HOSTILE) {
    const text = markdownText(name);
    expect(text, JSON.stringify(name)).not.toMatch(/[<>]/u);
    expect(TERMINAL_UNSAFE.test(text), JSON.stringify(text)).toBe(false);
  }
});

suite.recordResults();
