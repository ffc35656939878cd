import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DETECTORS } from '../../detectors/registry.js';
import { createEngine, scanSource } from '../scan-source.js';

const engine = createEngine(DETECTORS.values());

/** Logins, ambient steps and the constructs that branch, loop, call and leave, in both languages (and broken). */
const POWERSHELL = [
  'Connect-AzAccount -Identity', 'Connect-AzAccount -Credential $c', 'Connect-AzAccount -AccessToken $t', 'New-AzDeployment -Location x', 'az login --identity',
  'az deployment group create -g x', 'if ($a) {', '} elseif ($b) {', '} else {', '}', 'switch ($x) {', "'a' {", 'default {', 'foreach ($i in $l) {',
  'do {', '} while ($z)', 'try {', '} catch {', '} finally {', 'function F {', 'F', 'exit 1', 'return', 'break', 'throw "x"', '&&', '|| exit',
  '1..2 | ForEach-Object {', '$t = (Get-AzAccessToken).Token', 'Connect-MgGraph -AccessToken $t', '\n', '; ',
];
const BASH = [
  'az login --identity', 'az login -u a@contoso.com -p "$P"', 'az deployment group create -g x', 'terraform apply', 'if [ -n "$A" ]; then', 'elif true; then',
  'else', 'fi', 'case "$1" in', 'a)', '*)', ';;', ';&', 'esac', 'while true; do', 'for i in 1 2; do', 'done', 'f() {', '}', 'f', 'exit 1', 'return', 'break',
  '&&', '||', '(', ')', '$(', '\n', '; ',
];

function script(fragments: readonly string[]): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...fragments), { maxLength: 50 }).map((parts) => parts.join(' '));
}

describe('flow resolution on arbitrary scripts', () => {
  const cases = [
    { path: 'x.ps1', language: 'powershell', input: script(POWERSHELL) },
    { path: 'x.sh', language: 'bash', input: script(BASH) },
  ] as const;
  for (const { path, language, input } of cases) {
    it(`${path}: never throws, and a resolved step names a login of the same file with the method it took`, async () => {
      let resolved = 0;
      let ambient = 0;
      await fc.assert(
        fc.asyncProperty(input, async (source) => {
          const { findings } = await scanSource(engine, { path, language, text: source, lineOffset: 1 });
          for (const finding of findings) {
            if (finding.authMethod === 'ambient') ambient += 1;
            if (!finding.resolvedFrom) continue;
            resolved += 1;
            const { line, authMethod } = finding.resolvedFrom;
            expect(finding.authMethod).toBe(authMethod);
            expect(findings.some((login) => login.line === line && login.authMethod === authMethod && !login.resolvedFrom)).toBe(true);
          }
        }),
        { numRuns: 200, seed: 11 },
      );
      // Both outcomes must occur, or the property proves nothing.
      expect(resolved).toBeGreaterThan(0);
      expect(ambient).toBeGreaterThan(0);
    });
  }
});
