import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dockerfileEntries } from './dockerfile-entries.js';
import { dotenvEntries } from './dotenv-entries.js';

const LINE_PARTS = fc.constantFrom('export ', 'AZURE_PASSWORD', '=', '"', "'", '#', ' ', '\\', '\n', 'ENV ', 'ARG ', 'x', '${A}');

describe('env file parsers', () => {
  it('reads dotenv quoting, export and comments at exact positions', () => {
    expect(dotenvEntries('# c\nexport A="x\ny"\nB=1 # note\n')).toEqual([
      { name: 'A', value: 'x\ny', at: { row: 1, column: 7 } },
      { name: 'B', value: '1', at: { row: 3, column: 0 } },
    ]);
  });

  it('reads Dockerfile ENV pairs across continuations and the legacy form', () => {
    expect(dockerfileEntries('ENV A=1 \\\n    B="two words"\nENV C three words\nARG D\n')).toEqual([
      { name: 'A', value: '1', at: { row: 0, column: 4 } },
      { name: 'B', value: 'two words', at: { row: 1, column: 4 } },
      { name: 'C', value: 'three words', at: { row: 2, column: 4 } },
      { name: 'D', value: null, at: { row: 3, column: 4 } },
    ]);
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.array(LINE_PARTS, { maxLength: 120 }), (parts) => {
        const text = parts.join('');
        expect(Array.isArray(dotenvEntries(text))).toBe(true);
        expect(Array.isArray(dockerfileEntries(text))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
