import { describe, expect, it } from 'vitest';
import { DYNAMIC_SITES, findDetectorRegexes } from './detector-regexes.js';

describe('the detector regexes the ReDoS suite (redos.long.test.ts) runs', () => {
  const { literals, dynamic } = findDetectorRegexes();

  it('are every regex literal under src/scan and src/catalog, each a valid RegExp', () => {
    // 136 when this was written; the suite takes whatever is there, this only proves the enumeration sees them.
    expect(literals.length).toBeGreaterThanOrEqual(136);
    expect(literals.find((regex) => regex.at.startsWith('src/scan/detectors/powershell/'))).toBeDefined();
    for (const regex of literals) expect(() => new RegExp(regex.source, regex.flags), regex.at).not.toThrow();
  });

  it('leave no regex built at run time without a reason it is safe', () => {
    expect(dynamic).toEqual(Object.keys(DYNAMIC_SITES).sort());
  });
});
