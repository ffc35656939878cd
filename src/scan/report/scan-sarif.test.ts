import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { failWithoutPrerequisite, prerequisite } from '../../../test/helpers/prerequisite.js';
import { DETECTORS } from '../detectors/registry.js';
import { scanPaths, type ScanResult } from '../index.js';
import { scanSarifReporter } from './scan-sarif.js';

const detectorsDir = fileURLToPath(new URL('../detectors/', import.meta.url));
const schema = z.record(z.string(), z.unknown()).parse(JSON.parse(readFileSync(fileURLToPath(new URL('./sarif-schema-2.1.0.json', import.meta.url)), 'utf8')));
const rules = new Map([...DETECTORS.values()].flatMap((detector) => detector.rules.map((rule) => [rule.id, rule] as const)));
let result: ScanResult;
let sarif: string;

beforeAll(async () => {
  // Every fixture of the four CI/script detectors: dozens of rules, embedded scripts, resolved ambient findings.
  result = await scanPaths(['azure-pipelines', 'github-actions', 'powershell', 'shell'].map((id) => join(detectorsDir, id, '__fixtures__')), { workers: 1 });
  sarif = scanSarifReporter({ result, rules, root: null, toolVersion: '0.1.0' });
});

const logSchema = z.object({
  runs: z.array(
    z.object({
      tool: z.object({ driver: z.object({ rules: z.array(z.object({ id: z.string(), help: z.object({ text: z.string() }) })) }) }),
      results: z.array(z.object({ ruleId: z.string(), ruleIndex: z.number(), level: z.string(), locations: z.array(z.object({ physicalLocation: z.object({ artifactLocation: z.object({ uri: z.string() }) }) })) })),
    }),
  ),
});

describe('scan SARIF', () => {
  it('validates against the SARIF 2.1.0 JSON schema', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
    const validate = ajv.compile(schema);
    const valid = validate(JSON.parse(sarif));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('cites each rule once, sorted, with help text, and keeps results in stable order with relative paths', () => {
    const log = logSchema.parse(JSON.parse(sarif));
    const run = log.runs[0];
    expect(run).toBeDefined();
    if (!run) return;
    const ruleIds = run.tool.driver.rules.map((rule) => rule.id);
    expect(ruleIds).toEqual([...new Set(result.findings.map((finding) => finding.rule))].sort());
    expect(run.results.length).toBe(result.findings.length);
    for (const sarifResult of run.results) {
      expect(run.tool.driver.rules[sarifResult.ruleIndex]?.id).toBe(sarifResult.ruleId);
      const uri = sarifResult.locations[0]?.physicalLocation.artifactLocation.uri ?? '';
      expect(uri.startsWith('/')).toBe(false);
      expect(uri.includes('\\')).toBe(false);
    }
    expect(scanSarifReporter({ result, rules, root: null, toolVersion: '0.1.0' })).toBe(sarif);
  });
});

describe('scan SARIF resolved steps', () => {
  it('carry the login they resolved to as a related location with a message naming it', () => {
    const related = z.object({
      runs: z.array(z.object({ results: z.array(z.object({ locations: z.array(z.object({ physicalLocation: z.object({ artifactLocation: z.object({ uri: z.string() }), region: z.object({ startLine: z.number() }) }) })), relatedLocations: z.array(z.unknown()).optional() })) })),
    }).parse(JSON.parse(sarif));
    const results = related.runs[0]?.results ?? [];
    const withRelated = results.filter((entry) => entry.relatedLocations !== undefined);
    expect(withRelated.length).toBe(result.findings.filter((finding) => finding.resolvedFrom !== undefined).length);
    const step = results.find((entry) => entry.locations[0]?.physicalLocation.artifactLocation.uri.endsWith('flow-branches.ps1') && entry.locations[0].physicalLocation.region.startLine === 45);
    expect(step?.relatedLocations).toEqual([
      {
        id: 1,
        // The same file as the step (its path depends on the working directory: several roots were scanned).
        physicalLocation: { artifactLocation: { uri: step?.locations[0]?.physicalLocation.artifactLocation.uri, uriBaseId: 'SRCROOT' }, region: { startLine: 40 } },
        message: { text: "Login at line 40 (workload-certificate as client-id '33333333-4444-5555-6666-777777777777'): the session this step runs with." },
      },
    ]);
  });
});

/** Microsoft's own validator, when its binary runs on this machine. */
function multitool(): string | null {
  try {
    const require = createRequire(import.meta.url);
    const dir = dirname(require.resolve(`@microsoft/sarif-multitool-${process.platform}/package.json`));
    const binary = join(dir, process.platform === 'win32' ? 'Sarif.Multitool.exe' : 'Sarif.Multitool');
    if (!existsSync(binary)) return null;
    const probe = spawnSync(binary, ['--version'], { env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' }, encoding: 'utf8', timeout: 60_000 });
    return probe.status === 0 ? binary : null;
  } catch {
    return null;
  }
}

const binary = multitool();
const multitoolRuns = prerequisite(binary !== null, 'the SARIF Multitool binary cannot run here (install @microsoft/sarif-multitool for this platform)');

describe.skipIf(multitoolRuns.skip)('scan SARIF with Microsoft SARIF Multitool', () => {
  failWithoutPrerequisite(multitoolRuns);
  it('validates with no errors or warnings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'unattended-sarif-'));
    try {
      const input = join(dir, 'scan.sarif');
      const output = join(dir, 'validation.sarif');
      writeFileSync(input, sarif);
      // Asynchronous: the validator runs for seconds, and a blocked test worker starves vitest's RPC.
      await promisify(execFile)(binary ?? '', ['validate', input, '--output', output, '--log', 'ForceOverwrite'], {
        env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
        timeout: 120_000,
      });
      const validation = z.object({ runs: z.array(z.object({ results: z.array(z.object({ ruleId: z.string(), level: z.string().optional(), message: z.unknown() })).optional() })) }).parse(JSON.parse(readFileSync(output, 'utf8')));
      const problems = (validation.runs[0]?.results ?? []).filter((problem) => problem.level === undefined || problem.level === 'error' || problem.level === 'warning');
      expect(problems).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
