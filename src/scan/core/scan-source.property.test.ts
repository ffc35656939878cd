import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DETECTORS } from '../detectors/registry.js';
import { createEngine, scanSource } from './scan-source.js';

const engine = createEngine(DETECTORS.values());

/** Fragments that steer random text into the detectors' interesting paths (and their broken forms). */
const FRAGMENTS = [
  'az', ' login', ' -u ', ' -p ', '--service-principal', '--identity', ' az deployment group create', 'terraform apply', '$U', '"$PW"', "'x'", '\\\n', '\n', ' ',
  'Connect-AzAccount', ' -Credential ', ' -ServicePrincipal', '@p', '$p = @{ Credential = $c }', '`\n', '$c = New-Object PSCredential(', ')', '(', '{', '}',
  'Connect-MgGraph', '$env:AZURE_USERNAME = ', 'export AZURE_PASSWORD=', 'jobs:\n  a:\n    steps:\n      - run: |\n          ', 'steps:\n  - task: AzureCLI@2\n    inputs:\n      inlineScript: ',
  '${{ secrets.X }}', '$(Var)', '- uses: azure/login@v2\n', '#', '<#', '#>', '"', "'", ':', '- ', '  ',
];

const text = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join(''));
const indented = (body: string, spaces: number): string => body.split('\n').map((line) => `${' '.repeat(spaces)}${line}`).join('\n');
/** A workflow / pipeline whose script body (and trailing junk) is random: exercises embedding and line mapping. */
const workflow = fc.tuple(text, text).map(([body, junk]) => `jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n${indented(body, 10)}\n${junk}`);
const pipeline = fc.tuple(text, text).map(([body, junk]) => `steps:\n  - pwsh: |\n${indented(body, 6)}\n  - script: |\n${indented(body, 6)}\n${junk}`);

describe('scanSource on arbitrary input', () => {
  const cases = [
    { path: 'x.sh', language: 'bash', input: text },
    { path: 'x.ps1', language: 'powershell', input: text },
    { path: '.github/workflows/x.yml', language: 'yaml', input: workflow },
    { path: 'azure-pipelines.yml', language: 'yaml', input: pipeline },
  ] as const;
  for (const { path, language, input } of cases) {
    it(`${path}: returns findings inside the file, never throws`, async () => {
      let total = 0;
      await fc.assert(
        fc.asyncProperty(input, async (source) => {
          const { findings } = await scanSource(engine, { path, language, text: source, lineOffset: 1 });
          const lines = source.split('\n').length;
          total += findings.length;
          for (const finding of findings) {
            expect(finding.line).toBeGreaterThanOrEqual(1);
            expect(finding.line).toBeLessThanOrEqual(lines);
            expect(finding.column).toBeGreaterThanOrEqual(1);
            expect(finding.file).toBe(path);
          }
        }),
        { numRuns: 150, seed: 7 },
      );
      // The fragments must actually reach the detectors, or the property proves nothing.
      expect(total).toBeGreaterThan(0);
    });
  }
});
