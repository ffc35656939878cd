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

const repository = fileURLToPath(new URL('./__fixtures__/sarif-repo/', import.meta.url));
const schema = z.record(z.string(), z.unknown()).parse(JSON.parse(readFileSync(fileURLToPath(new URL('./sarif-schema-2.1.0.json', import.meta.url)), 'utf8')));
const rules = new Map([...DETECTORS.values()].flatMap((detector) => detector.rules.map((rule) => [rule.id, rule] as const)));
let result: ScanResult;
let sarif: string;

beforeAll(async () => {
  // Its own small repository, so the detectors' growing fixtures do not move these literals.
  result = await scanPaths([repository], { workers: 1 });
  sarif = scanSarifReporter({ result, rules, root: null, toolVersion: '0.1.0' });
});

/** What the scan of __fixtures__/sarif-repo must cite: written out, not derived from the findings. */
const EXPECTED_RULES = [
  'azure-pipelines/service-connection',
  'github-actions/azure-login-oidc',
  'powershell/az-deployment-ambient',
  'powershell/connect-azaccount-managed-identity',
  'powershell/connect-mggraph-service-principal-secret',
  'sdk-dotnet/username-password-credential',
  'sdk-python/default-credential',
  'shell/az-deployment-ambient',
  'shell/az-login-user-password',
  'terraform/oidc',
];

/** [uri, startLine, startColumn, ruleId, level]: ambient steps carry the level of the login they resolve to. */
const EXPECTED_RESULTS = [
  ['.github/workflows/deploy.yml', 13, 9, 'github-actions/azure-login-oidc', 'note'],
  ['.github/workflows/deploy.yml', 19, 14, 'shell/az-deployment-ambient', 'note'],
  ['.github/workflows/deploy.yml', 25, 11, 'shell/az-login-user-password', 'error'],
  ['.github/workflows/deploy.yml', 26, 11, 'shell/az-deployment-ambient', 'error'],
  ['app/report.py', 4, 35, 'sdk-python/default-credential', 'warning'],
  ['azure-pipelines.yml', 6, 5, 'azure-pipelines/service-connection', 'note'],
  ['azure-pipelines.yml', 12, 9, 'shell/az-deployment-ambient', 'note'],
  ['infra/main.tf', 7, 5, 'terraform/oidc', 'note'],
  ['infra/main.tf', 14, 3, 'terraform/oidc', 'note'],
  ['scripts/ops%20tasks/nightly.sh', 3, 1, 'shell/az-login-user-password', 'error'],
  ['scripts/ops%20tasks/nightly.sh', 4, 1, 'shell/az-deployment-ambient', 'error'],
  ['scripts/runbook.ps1', 1, 1, 'powershell/connect-azaccount-managed-identity', 'note'],
  ['scripts/runbook.ps1', 2, 1, 'powershell/az-deployment-ambient', 'note'],
  ['scripts/runbook.ps1', 4, 1, 'powershell/connect-mggraph-service-principal-secret', 'note'],
  ['tools/c%23/Report.cs', 6, 13, 'sdk-dotnet/username-password-credential', 'error'],
];

const logSchema = z.object({
  runs: z.array(
    z.object({
      tool: z.object({ driver: z.object({ rules: z.array(z.object({ id: z.string(), help: z.object({ text: z.string() }) })) }) }),
      results: z.array(
        z.object({
          ruleId: z.string(),
          ruleIndex: z.number(),
          level: z.string(),
          locations: z.array(z.object({ physicalLocation: z.object({ artifactLocation: z.object({ uri: z.string() }), region: z.object({ startLine: z.number(), startColumn: z.number() }) }) })),
        }),
      ),
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

  it('cites each rule once, sorted, with help text, and keeps results in stable order with relative, encoded paths', () => {
    const log = logSchema.parse(JSON.parse(sarif));
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0];
    if (!run) return;
    expect(run.tool.driver.rules.map((rule) => rule.id)).toEqual(EXPECTED_RULES);
    for (const rule of run.tool.driver.rules) expect(rule.help.text.length).toBeGreaterThan(20);
    const results = run.results.map((sarifResult) => {
      const location = sarifResult.locations[0]?.physicalLocation;
      return [location?.artifactLocation.uri, location?.region.startLine, location?.region.startColumn, sarifResult.ruleId, sarifResult.level];
    });
    expect(results).toEqual(EXPECTED_RESULTS);
    expect(run.results.map((sarifResult) => run.tool.driver.rules[sarifResult.ruleIndex]?.id)).toEqual(EXPECTED_RESULTS.map((expected) => expected[3]));
    expect(scanSarifReporter({ result, rules, root: null, toolVersion: '0.1.0' })).toBe(sarif);
  });
});

describe('scan SARIF resolved steps', () => {
  it('carry the login they resolved to as a related location with a message naming it', () => {
    const related = z.object({
      runs: z.array(z.object({ results: z.array(z.object({ locations: z.array(z.object({ physicalLocation: z.object({ artifactLocation: z.object({ uri: z.string() }), region: z.object({ startLine: z.number() }) }) })), relatedLocations: z.array(z.unknown()).optional() })) })),
    }).parse(JSON.parse(sarif));
    const withRelated = (related.runs[0]?.results ?? [])
      .filter((entry) => entry.relatedLocations !== undefined)
      .map((entry) => [entry.locations[0]?.physicalLocation.artifactLocation.uri, entry.locations[0]?.physicalLocation.region.startLine, entry.relatedLocations]);
    const login = (uri: string, line: number, text: string): unknown[] => [{ id: 1, physicalLocation: { artifactLocation: { uri, uriBaseId: 'SRCROOT' }, region: { startLine: line } }, message: { text } }];
    // The five ambient steps of __fixtures__/sarif-repo, each resolved to the login before it in the same job or script.
    expect(withRelated).toEqual([
      ['.github/workflows/deploy.yml', 19, login('.github/workflows/deploy.yml', 13, "Login at line 13 (workload-federation as secret-ref 'vars.AZURE_CLIENT_ID'): the session this step runs with.")],
      ['.github/workflows/deploy.yml', 26, login('.github/workflows/deploy.yml', 25, "Login at line 25 (user-password as secret-ref 'secrets.DEPLOY_USER'): the session this step runs with.")],
      ['azure-pipelines.yml', 12, login('azure-pipelines.yml', 6, "Login at line 6 (service-connection as connection 'sc-prod-federated'): the session this step runs with.")],
      ['scripts/ops%20tasks/nightly.sh', 4, login('scripts/ops%20tasks/nightly.sh', 3, "Login at line 3 (user-password as upn 'nightly@contoso.com'): the session this step runs with.")],
      ['scripts/runbook.ps1', 2, login('scripts/runbook.ps1', 1, 'Login at line 1 (managed-identity): the session this step runs with.')],
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
