import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lexBicep } from './bicep-lexer.js';
import { bicepResources, property, stringOf } from './bicep-values.js';

const BICEP_ALPHABET = fc.constantFrom(...["resource", " ", "\n", "'", "'''", '{', '}', '[', ']', ':', '=', ',', '(', ')', '//', '/*', '*/', '${', 'x', 'kind', "'T@1'", '\\']);

describe('bicep reader', () => {
  it('reads a resource body: kind, nested object, multi-line script', () => {
    const text = "resource ds 'Microsoft.Resources/deploymentScripts@2023-08-01' = {\n  kind: 'AzureCLI'\n  properties: {\n    scriptContent: '''\naz login --identity\n'''\n  }\n}\n";
    const [resource] = bicepResources(lexBicep(text));
    expect(resource?.type).toBe('Microsoft.Resources/deploymentScripts');
    expect(stringOf(property(resource?.body, 'kind'))).toBe('AzureCLI');
    expect(stringOf(property(property(resource?.body, 'properties'), 'scriptContent'))).toBe('az login --identity\n');
  });

  it('never throws or hangs on arbitrary token soup', () => {
    fc.assert(
      fc.property(fc.array(BICEP_ALPHABET, { maxLength: 200 }), fc.string({ maxLength: 100 }), (parts, noise) => {
        const resources = bicepResources(lexBicep(parts.join('') + noise));
        expect(Array.isArray(resources)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
